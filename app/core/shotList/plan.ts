// An import, whichever form it came in: checked as a whole, then written in one transaction,
// so a bad shot anywhere leaves the project exactly as it was.
import type { AspectRatio, Shot } from '../../../shared/domain/types';
import { emptyListFields, patchListFields } from '../../../shared/domain/shotList';
import { UserError } from '../errors';
import type { Project } from '../project/project';
import { appendScenes, deleteScenes, type NewShot } from '../timeline/ops';
import { csvPlan } from './csvPlan';
import { jsonPlan } from './json';
import type { ShotInput } from './schema';

export interface PlannedShot {
  fields: ShotInput;
  /** The shot in the source file: `scenes[0].shots[2]` or `line 4`. */
  where: string;
  /** One of its fields in the source file: `scenes[0].shots[2].label` or `line 4, column label`. */
  at(field: string): string;
}

export interface ImportPlan {
  /** The file's name, which starts every message about it. */
  source: string;
  project: { title?: string; aspectRatio?: AspectRatio; budgetUsd?: number | null };
  scenes: Array<{ name?: string; shots: PlannedShot[] }>;
}

/** What the JSON and CSV readers make; `parsePlan` adds the source. */
export type ParsedPlan = Omit<ImportPlan, 'source'>;

/** A shot list's text, already decoded; `source` (the file's name) starts every message. */
export function parsePlan(source: string, kind: 'json' | 'csv', text: string): ImportPlan {
  try {
    return { source, ...(kind === 'json' ? jsonPlan(text) : csvPlan(text)) };
  } catch (err) {
    if (err instanceof UserError) throw new UserError(`${source}: ${err.message}`);
    throw err;
  }
}

function checkLabels(plan: ImportPlan, existing: readonly string[]) {
  const owner = new Map(existing.map((label) => [label, 'a shot in this project']));
  for (const shot of plan.scenes.flatMap((s) => s.shots)) {
    const label = shot.fields.label;
    if (!label) continue;
    const taken = owner.get(label);
    if (taken) throw new UserError(`${plan.source}: ${shot.at('label')}: "${label}" is already used by ${taken}; pick another label or leave it empty`);
    owner.set(label, shot.where);
  }
}

function toNewShot({ camera, prompt, size, angle, lensMm, equipment, location, cast, setup, custom, ...fields }: ShotInput): NewShot {
  const list = patchListFields(emptyListFields(), { size, angle, lensMm, equipment, location, cast, setup, custom });
  return { ...fields, list, prompt: camera ? { ...prompt, camera } : prompt };
}

/** The project's custom columns followed by any new ones the file fills, in the file's order. */
function columnsAfter(plan: ImportPlan, existing: readonly string[]): string[] {
  const names = [...existing];
  for (const shot of plan.scenes.flatMap((s) => s.shots)) {
    for (const name of Object.keys(shot.fields.custom ?? {})) if (!names.some((n) => n.toLowerCase() === name.toLowerCase())) names.push(name);
  }
  return names;
}

/**
 * Adds the plan's scenes after the project's own and returns the shots made, in order. Takes
 * only the db and repo so a new project can be filled before it is moved into place (demo).
 */
export function applyImport(project: Pick<Project, 'db' | 'timeline'>, plan: ImportPlan, onProgress?: (done: number, total: number) => void): Shot[] {
  return project.db.transaction(() => {
    const repo = project.timeline;
    checkLabels(plan, repo.labels());
    const now = repo.project();
    repo.updateProject({ ...now, ...plan.project, customColumns: columnsAfter(plan, now.customColumns) });
    // A project without shots holds at most the empty scene New Project starts with: the
    // file's scenes replace it, so a fresh project imports as 1A, 1B… rather than from 2A.
    if (repo.shots().length === 0)
      deleteScenes(
        repo,
        repo.scenes().map((s) => s.id),
      );
    // Labels the file names are reserved by appendScenes, so one assigned earlier cannot take them.
    return appendScenes(
      repo,
      plan.scenes.map((s) => ({ name: s.name, shots: s.shots.map(({ fields }) => toNewShot(fields)) })),
      onProgress,
    );
  })();
}
