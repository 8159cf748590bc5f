// Where shots go when moved by keyboard or dropped, in the terms of `shot.move`: the moving
// shots (in timeline order) land at `toIndex` among the target scene's shots that are not
// moving (see shared/domain/ordering.ts `moveItems`).
import { moveItems } from '../../../shared/domain/ordering';
import type { ProjectSnapshot, Shot } from '../../../shared/domain/types';
import type { TimelineModel } from './timeline';

export interface MoveTarget {
  toSceneId: string;
  toIndex: number;
}

/** Alt+Left / Alt+Right: one step earlier or later, crossing into the neighbouring scene at its edge. */
export function stepMove(model: TimelineModel, ids: readonly string[], dir: -1 | 1): MoveTarget | null {
  const moving = new Set(ids);
  const ordered = model.order.filter((id) => moving.has(id));
  const edgeId = dir < 0 ? ordered[0] : ordered[ordered.length - 1];
  const edge = edgeId ? model.shotById.get(edgeId) : undefined;
  if (!edge) return null;
  const sceneIdx = model.blocks.findIndex((b) => b.scene.id === edge.sceneId);
  const block = model.blocks[sceneIdx];
  if (!block) return null;
  const kept = block.shots.filter((s) => !moving.has(s.id));
  const all = block.shots.map((s) => s.id);
  const at = all.indexOf(edge.id);
  // The nearest shot that stays put, on the side we are moving towards.
  const neighbour = dir < 0 ? [...all.slice(0, at)].reverse().find((id) => !moving.has(id)) : all.slice(at + 1).find((id) => !moving.has(id));
  if (neighbour) {
    const k = kept.findIndex((s) => s.id === neighbour);
    return { toSceneId: block.scene.id, toIndex: dir < 0 ? k : k + 1 };
  }
  const next = model.blocks[sceneIdx + dir];
  if (!next) return null;
  const nextKept = next.shots.filter((s) => !moving.has(s.id));
  return { toSceneId: next.scene.id, toIndex: dir < 0 ? nextKept.length : 0 };
}

/** Whether moving `ids` to `target` would change anything. */
export function changesOrder(model: TimelineModel, ids: readonly string[], target: MoveTarget): boolean {
  const before = model.order.map((id) => `${model.shotById.get(id)?.sceneId}/${id}`).join(',');
  const after = applyShotMove(
    model.blocks.flatMap((b) => b.shots),
    ids,
    target,
  )
    .sort((a, b) => sceneRank(model, a) - sceneRank(model, b) || a.position - b.position)
    .map((s) => `${s.sceneId}/${s.id}`)
    .join(',');
  return before !== after;
}

function sceneRank(model: TimelineModel, shot: Shot): number {
  return model.sceneById.get(shot.sceneId)?.position ?? 0;
}

/** `shots` (in timeline order) after the move, with scenes and dense positions updated (for an optimistic update). */
export function applyShotMove(shots: readonly Shot[], ids: readonly string[], target: MoveTarget): Shot[] {
  const moving = new Set(ids);
  const bySceneOrder = (sceneId: string) => shots.filter((s) => s.sceneId === sceneId).sort((a, b) => a.position - b.position);
  // `shots` come in timeline order, so filtering keeps the moving shots in that order.
  const movingShots = shots.filter((s) => moving.has(s.id));
  const targetIds = [
    ...bySceneOrder(target.toSceneId)
      .filter((s) => !moving.has(s.id))
      .map((s) => s.id),
    ...movingShots.map((s) => s.id),
  ];
  const placed = moveItems(targetIds, moving, target.toIndex);
  const pos = new Map<string, { sceneId: string; position: number }>();
  placed.forEach((id, i) => pos.set(id, { sceneId: target.toSceneId, position: i }));
  const sources = new Set(movingShots.map((s) => s.sceneId));
  for (const sceneId of sources) {
    if (sceneId === target.toSceneId) continue;
    bySceneOrder(sceneId)
      .filter((s) => !moving.has(s.id))
      .forEach((s, i) => pos.set(s.id, { sceneId, position: i }));
  }
  return shots.map((s) => {
    const p = pos.get(s.id);
    return p ? { ...s, ...p } : s;
  });
}

/** The snapshot after moving a scene to `toIndex` (optimistic update for `scene.move`). */
export function applySceneMove(snapshot: ProjectSnapshot, sceneId: string, toIndex: number): ProjectSnapshot {
  const ids = [...snapshot.scenes].sort((a, b) => a.position - b.position).map((s) => s.id);
  const placed = moveItems(ids, new Set([sceneId]), toIndex);
  const rank = new Map(placed.map((id, i) => [id, i]));
  return { ...snapshot, scenes: snapshot.scenes.map((s) => ({ ...s, position: rank.get(s.id) ?? s.position })) };
}

/** A drop at slot `slot` (0..n of the scene's full shot list) as a `shot.move` target. */
export function slotTarget(model: TimelineModel, ids: readonly string[], sceneId: string, slot: number): MoveTarget | null {
  const block = model.blocks.find((b) => b.scene.id === sceneId);
  if (!block) return null;
  const moving = new Set(ids);
  const toIndex = block.shots.slice(0, slot).filter((s) => !moving.has(s.id)).length;
  const target = { toSceneId: sceneId, toIndex };
  return changesOrder(model, ids, target) ? target : null;
}

/** A scene dropped before scene index `slot` (0..n) as a `scene.move` index; null when it stays put. */
export function sceneSlotIndex(model: TimelineModel, sceneId: string, slot: number): number | null {
  const from = model.blocks.findIndex((b) => b.scene.id === sceneId);
  if (from < 0) return null;
  const to = slot > from ? slot - 1 : slot;
  return to === from ? null : to;
}
