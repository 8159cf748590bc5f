// What a card shows about a shot beyond its own fields: price, problems, the tool's names.
import { getModel } from '../../../shared/catalog';
import { estimateShot, type ShotEstimate } from '../../../shared/domain/cost';
import type { Shot } from '../../../shared/domain/types';
import { splitTool } from '../../../shared/domain/types';
import { validateShot, type ShotIssue } from '../../../shared/domain/validation';

export interface ShotSummary {
  estimate: ShotEstimate;
  issues: ShotIssue[];
  worst: 'error' | 'warning' | null;
  provider: string;
  /** Short model name for a badge: "Gen-4 Turbo", "Kling 2.5 Turbo". */
  toolShort: string;
  /** Full name for tooltips: "Runway Gen-4 Turbo". */
  toolName: string;
}

/** "Runway Gen-4 Turbo" reads as "Gen-4 Turbo" on a Runway-coloured badge; names that need their brand keep it. */
export function shortModelName(name: string): string {
  return name.replace(/^(Runway|MiniMax) /, '');
}

export function summarizeShot(shot: Shot): ShotSummary {
  const spec = getModel(shot.tool);
  const { provider, model } = splitTool(shot.tool);
  const issues = validateShot(shot);
  const worst = issues.some((i) => i.severity === 'error') ? 'error' : issues.length ? 'warning' : null;
  return {
    estimate: estimateShot(shot),
    issues,
    worst,
    provider,
    toolShort: spec ? shortModelName(spec.name) : model || shot.tool,
    toolName: spec?.name ?? `Unknown tool ${shot.tool}`,
  };
}

/** One line per problem, for a tooltip. */
export function describeIssues(issues: readonly ShotIssue[]): string {
  return issues.map((i) => `${i.severity === 'error' ? 'Error' : 'Warning'}: ${i.message}`).join('\n');
}
