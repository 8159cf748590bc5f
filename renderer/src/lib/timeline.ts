// The timeline as the UI walks it: scenes in order, each with its shots in order, plus the
// lookups every feature needs. Built once per snapshot (timelineOf), however many views ask.
import type { ProjectSnapshot, Scene, Shot } from '../../../shared/domain/types';
import { secondsToFrames } from '../../../shared/domain/timecode';

export interface SceneBlock {
  scene: Scene;
  shots: Shot[];
  durationS: number;
}

export interface TimelineModel {
  blocks: SceneBlock[];
  /** Every shot id in timeline order. */
  order: string[];
  shotById: Map<string, Shot>;
  sceneById: Map<string, Scene>;
  /** Index of each shot in `order`. */
  indexOf: Map<string, number>;
  /** Record start of each shot, in frames from the start of the cut. */
  startFrames: Map<string, number>;
  totalFrames: number;
}

const models = new WeakMap<object, TimelineModel>();

/** The snapshot's timeline, built on first use and kept as long as the snapshot object lives. */
export function timelineOf(snapshot: Pick<ProjectSnapshot, 'scenes' | 'shots'>): TimelineModel {
  let model = models.get(snapshot);
  if (!model) models.set(snapshot, (model = buildTimeline(snapshot)));
  return model;
}

export function buildTimeline(snapshot: Pick<ProjectSnapshot, 'scenes' | 'shots'>): TimelineModel {
  const scenes = [...snapshot.scenes].sort((a, b) => a.position - b.position);
  const byScene = new Map<string, Shot[]>(scenes.map((s) => [s.id, []]));
  for (const shot of snapshot.shots) byScene.get(shot.sceneId)?.push(shot);
  const blocks: SceneBlock[] = scenes.map((scene) => {
    const shots = (byScene.get(scene.id) ?? []).sort((a, b) => a.position - b.position);
    return { scene, shots, durationS: shots.reduce((sum, s) => sum + s.durationS, 0) };
  });
  const order: string[] = [];
  const shotById = new Map<string, Shot>();
  const indexOf = new Map<string, number>();
  const startFrames = new Map<string, number>();
  let frames = 0;
  for (const block of blocks) {
    for (const shot of block.shots) {
      indexOf.set(shot.id, order.length);
      order.push(shot.id);
      shotById.set(shot.id, shot);
      startFrames.set(shot.id, frames);
      frames += secondsToFrames(shot.durationS);
    }
  }
  return { blocks, order, shotById, sceneById: new Map(scenes.map((s) => [s.id, s])), indexOf, startFrames, totalFrames: frames };
}

/** The scene a new shot goes into: the focused shot's scene, else the last scene. */
export function sceneForInsert(model: TimelineModel, focus: string | null): { sceneId: string; afterShotId: string | null } | null {
  const shot = focus ? model.shotById.get(focus) : undefined;
  if (shot) return { sceneId: shot.sceneId, afterShotId: shot.id };
  const last = model.blocks[model.blocks.length - 1];
  if (!last) return null;
  return { sceneId: last.scene.id, afterShotId: last.shots[last.shots.length - 1]?.id ?? null };
}
