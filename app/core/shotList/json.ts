// The JSON shot list: the document the issue defines, checked strictly.
import { UserError } from '../errors';
import { describeIssues, jsonPath } from './issues';
import type { ParsedPlan } from './plan';
import { documentSchema } from './schema';

/** V8 reports "at position N" for most syntax errors; people need a line and column. */
function syntaxMessage(text: string, err: unknown): string {
  const message = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ');
  const at = /at position (\d+)/.exec(message);
  if (!at || /line \d+/.test(message)) return message;
  const before = text.slice(0, Number(at[1])).split('\n');
  return message.replace(at[0], `at line ${before.length}, column ${before[before.length - 1]!.length + 1}`);
}

export function jsonPlan(text: string): ParsedPlan {
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (err) {
    throw new UserError(`not valid JSON: ${syntaxMessage(text, err)}`);
  }
  const parsed = documentSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) throw new UserError(describeIssues(parsed.error.issues, jsonPath));
  const { scenes, ...project } = parsed.data;
  return {
    project,
    scenes: scenes.map((scene, s) => ({
      name: scene.name,
      shots: scene.shots.map((fields, i) => {
        const where = jsonPath(['scenes', s, 'shots', i]);
        return { fields, where, at: (field: string) => `${where}.${field}` };
      }),
    })),
  };
}
