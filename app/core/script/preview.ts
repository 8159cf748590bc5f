// The preview of an import, the same for the app's dialog and the CLI: what the file holds, what
// the breakdown makes of it, which library items are new and which match, and what it will cost.
import { estimateShot, roundUsd } from '../../../shared/domain/cost';
import type { Granularity, ScriptPreview } from '../../../shared/domain/script';
import type { AspectRatio, ToolId } from '../../../shared/domain/types';
import type { Project } from '../project/project';
import type { ImportPlan } from '../shotList/plan';
import { linesTakes } from '../sound/lineAudio';
import { existingScenes, rewrittenLength } from './apply';
import { breakdown, type Breakdown, type PlannedScriptShot } from './breakdown';
import { planRevision } from './revision';
import type { ReadImport } from './read';

export interface ImportChoices {
  granularity: Granularity;
  tool: ToolId;
}

/** The breakdown of a script, or null for a shot list (which carries its own shots). */
export function breakdownOf(read: ReadImport, choices: ImportChoices): Breakdown | null {
  return read.kind === 'script' ? breakdown(read.script, choices) : null;
}

/**
 * `project` (the open one) marks which library items already exist and, where an earlier draft
 * was imported, what the revision will do; without it, a first import into an empty project.
 */
export function previewOf(
  read: ReadImport,
  choices: ImportChoices,
  aspectRatio: AspectRatio,
  project?: Pick<Project, 'db' | 'folder' | 'library' | 'timeline' | 'script' | 'takes' | 'reviews'>,
): ScriptPreview {
  if (read.kind === 'shotList') return listPreview(read.plan, read.format, aspectRatio);
  const plan = breakdown(read.script, choices);
  const items = project?.library.items() ?? [];
  const existing = project ? existingScenes(project) : [];
  const revision = existing.some((s) => s.key) ? planRevision(plan.scenes, existing) : null;
  const changes = new Map(revision?.scenes.map((s) => [s.planned, s.change]));
  const has = (kind: string, name: string) => items.some((i) => i.kind === kind && i.name.toLowerCase() === name.toLowerCase());
  const shots = plan.scenes.flatMap((s) => s.shots);
  // A rewritten shot whose lines are already spoken gets the length the import will give it.
  const measured = new Map<PlannedScriptShot, number>();
  const updates = revision?.scenes.flatMap((s) => s.ops.flatMap((o) => (o.kind === 'update' ? [o] : []))) ?? [];
  if (project && updates.length > 0) {
    const spoken = linesTakes(project);
    for (const o of updates) {
      const length = rewrittenLength(spoken, o, choices.tool);
      if (length !== null) measured.set(o.shot, length);
    }
  }
  const lengthOf = (s: PlannedScriptShot) => measured.get(s) ?? s.durationS;
  const made = revision ? revision.scenes.flatMap((s) => s.ops.flatMap((o) => (o.kind === 'insert' || o.kind === 'update' ? [o.shot] : []))) : shots;
  return {
    format: read.script.format,
    title: plan.titlePage.title,
    scenes: [
      ...plan.scenes.map((s) => ({
        heading: s.number ? `${s.number} ${s.heading}` : s.heading,
        shots: s.shots.length,
        location: s.location,
        ...(revision ? { change: changes.get(s) } : {}),
      })),
      ...(revision?.scenes.filter((s) => s.change === 'removed').map((s) => ({ heading: s.key, shots: 0, location: null, change: 'removed' as const })) ?? []),
    ],
    shots: shots.length,
    characters: plan.characters.map((c) => ({ ...c, matched: has('character', c.name) })),
    locations: plan.locations.map((l) => ({ ...l, matched: has('location', l.name) })),
    dialogueLines: plan.dialogueLines,
    runningTimeS: shots.reduce((n, s) => n + lengthOf(s), 0),
    measuredShots: measured.size,
    costUsd: roundUsd(made.reduce((n, s) => n + estimateShot({ tool: choices.tool, durationS: lengthOf(s), aspectRatio }).usd, 0)),
    costedShots: made.length,
    revision:
      revision &&
      ({
        ...Object.fromEntries(
          (['added', 'removed', 'changed', 'moved', 'same'] as const).map((c) => [c, revision.scenes.filter((s) => s.change === c).length]),
        ),
        keptWithTakes: revision.keptWithTakes,
      } as NonNullable<ScriptPreview['revision']>),
  };
}

function listPreview(plan: ImportPlan, format: 'csv' | 'json', aspectRatio: AspectRatio): ScriptPreview {
  const shots = plan.scenes.flatMap((s) => s.shots.map((p) => p.fields));
  const speakers = [...new Set(shots.flatMap((s) => (s.dialogue ?? []).map((l) => l.speaker).filter(Boolean)))];
  return {
    format,
    title: plan.project.title ?? null,
    scenes: plan.scenes.map((s, i) => ({ heading: s.name ?? `Scene ${i + 1}`, shots: s.shots.length, location: null })),
    shots: shots.length,
    characters: speakers.map((name) => ({ name, tag: '', speaks: true, lines: 0, matched: false })),
    locations: [],
    dialogueLines: shots.reduce((n, s) => n + (s.dialogue?.length ?? 0), 0),
    runningTimeS: shots.reduce((n, s) => n + s.durationS, 0),
    measuredShots: 0,
    costUsd: roundUsd(shots.reduce((n, s) => n + estimateShot({ tool: s.tool, durationS: s.durationS, aspectRatio: s.aspectRatio ?? aspectRatio }).usd, 0)),
    costedShots: shots.length,
    revision: null,
  };
}
