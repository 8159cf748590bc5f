// The round trip's last step: an edit exported back from Resolve (FCPXML or EDL) compared with
// the shots (importCut.ts diffCut), and its order and lengths written to the plan. The caller
// runs `applyImportedCut` as one undoable step; nothing is ever deleted here: shots the edit
// dropped stay where they were and are reported, for the user to delete or not.
import fs from 'node:fs';
import path from 'node:path';
import type { CutDiff } from '../../../shared/domain/cut';
import type { CutImportPreview, CutImportResult } from '../../../shared/domain/resolveExport';
import type { Scene, Shot } from '../../../shared/domain/types';
import { UserError } from '../errors';
import type { Project } from '../project/project';
import { playbackCut } from '../takes/queries';
import { updateShot } from '../timeline/ops';
import { applyCutDiff, diffCut, readCut, type KnownShot } from './importCut';

/** The shots as the export named them: the take that plays is the one in each file name. */
export function knownShots(project: Project): KnownShot[] {
  const { scenes, shots } = project.snapshot();
  const numbers = new Map(scenes.map((s) => [s.id, s.number]));
  const takes = new Map(playbackCut(project).clips.map((c) => [c.shotId, c.takeNumber]));
  return shots.map((s) => ({ id: s.id, label: s.label, sceneNumber: numbers.get(s.sceneId) ?? 0, durationS: s.durationS, take: takes.get(s.id) ?? null }));
}

function readTimelineFile(file: string): string {
  const where = path.resolve(file);
  try {
    return fs.readFileSync(where, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`There is no file at "${where}". Check the path, or export the timeline from Resolve again.`);
    if (code === 'EISDIR') throw new UserError(`"${where}" is a folder. Pick the .fcpxml or .edl file inside it.`);
    throw err;
  }
}

export function previewImportedCut(project: Project, file: string): CutImportPreview {
  const clips = readCut(readTimelineFile(file));
  const diff = diffCut(knownShots(project), clips);
  const unchanged = diff.reordered.length === 0 && diff.durations.length === 0;
  return { file: path.resolve(file), clips: clips.length, diff, unchanged };
}

/**
 * Where each shot goes when the shots are laid out in `order`: scenes keep their shots together,
 * so the flat order is cut into one run per scene. Scenes are ordered by the median place of
 * their shots in the edit (a whole scene moved moves the scene), and the runs are chosen to keep
 * as many shots as possible in the scene they were in; a shot the editor moved into another
 * scene's run joins that scene. Empty scenes stay after the scene they followed.
 */
export function sceneLayout(
  scenes: readonly Scene[],
  shots: readonly Shot[],
  order: readonly string[],
): { scenes: string[]; shots: Array<{ id: string; sceneId: string; position: number }> } {
  const sceneOf = new Map(shots.map((s) => [s.id, s.sceneId]));
  const at = new Map(order.map((id, i) => [id, i]));
  const medians = new Map<string, number>();
  for (const scene of scenes) {
    const places = order.filter((id) => sceneOf.get(id) === scene.id).map((id) => at.get(id)!);
    if (places.length) medians.set(scene.id, places[Math.floor((places.length - 1) / 2)]!);
  }
  let last = -1;
  const key = new Map<string, [number, number]>();
  scenes.forEach((scene, i) => {
    last = medians.get(scene.id) ?? last;
    key.set(scene.id, [last, i]);
  });
  const sceneOrder = [...scenes].sort((a, b) => key.get(a.id)![0] - key.get(b.id)![0] || key.get(a.id)![1] - key.get(b.id)![1]).map((s) => s.id);

  // best[j][i]: most shots kept in their scene when the first j scenes take order[0..i).
  const n = order.length;
  const k = sceneOrder.length;
  const best: number[][] = [Array.from({ length: n + 1 }, (_, i) => (i === 0 ? 0 : -Infinity))];
  const from: number[][] = [];
  for (let j = 0; j < k; j++) {
    const mine = (i: number) => (sceneOf.get(order[i]!) === sceneOrder[j] ? 1 : 0);
    const prefix = [0];
    for (let i = 0; i < n; i++) prefix.push(prefix[i]! + mine(i));
    const row: number[] = [];
    const back: number[] = [];
    let top = -Infinity;
    let topAt = 0;
    for (let i = 0; i <= n; i++) {
      // >=: of equally good cuts, the latest — a shot between two scenes joins the earlier one.
      if (best[j]![i]! - prefix[i]! >= top) {
        top = best[j]![i]! - prefix[i]!;
        topAt = i;
      }
      row.push(top + prefix[i]!);
      back.push(topAt);
    }
    best.push(row);
    from.push(back);
  }
  const runs: Array<[number, number]> = [];
  for (let j = k, end = n; j > 0; j--) {
    const start = from[j - 1]![end]!;
    runs.unshift([start, end]);
    end = start;
  }
  const placed = runs.flatMap(([start, end], j) => order.slice(start, end).map((id, position) => ({ id, sceneId: sceneOrder[j]!, position })));
  return { scenes: sceneOrder, shots: placed };
}

/** Writes the edit's order and planned durations; run it as one undoable step. */
export function applyImportedCut(project: Project, diff: CutDiff): CutImportResult {
  const current = knownShots(project);
  const ids = new Set(current.map((s) => s.id));
  const stale = [...diff.order, ...diff.durations.map((d) => d.shotId)].some((id) => !ids.has(id));
  if (stale) throw new UserError('The project changed since this edit was compared with it (a shot is gone). Compare the edit again, then apply it.');
  const applied = applyCutDiff({ shots: current }, diff);
  const { timeline } = project;
  const before = new Map(timeline.shots().map((s) => [s.id, s]));
  const layout = sceneLayout(timeline.scenes(), [...before.values()], applied.order);
  layout.scenes.forEach((id, i) => timeline.placeScene(id, i));
  for (const p of layout.shots) timeline.placeShot(p.id, p.sceneId, p.position);

  const reviews = project.reviews;
  for (const [id, durationS] of Object.entries(applied.durationsS)) {
    if (!(durationS > 0 && durationS <= 600))
      throw new UserError(`The edit makes shot ${before.get(id)?.label ?? id} ${durationS.toFixed(2)} s long; a shot lasts more than 0 and at most 600 s.`);
    updateShot(timeline, id, { durationS });
    // A shot that followed its take's length would ignore its new planned length: it is trimmed now.
    const fit = reviews.fit(id);
    if (fit?.mode === 'retime-plan') reviews.setFit(id, 'trim', fit.trimInS);
  }
  return { moved: diff.reordered.length, durations: Object.keys(applied.durationsS).length, removed: diff.removed };
}
