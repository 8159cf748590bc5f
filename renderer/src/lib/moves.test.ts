import { describe, expect, it } from 'vitest';
import { twoScenes } from './snapshots.testkit';
import { applySceneMove, applyShotMove, changesOrder, sceneSlotIndex, slotTarget, stepMove } from './moves';
import { buildTimeline, timelineOf } from './timeline';

const model = buildTimeline(twoScenes());
const orderAfter = (ids: string[], target: { toSceneId: string; toIndex: number }) =>
  buildTimeline({
    scenes: twoScenes().scenes,
    shots: applyShotMove(
      model.blocks.flatMap((b) => b.shots),
      ids,
      target,
    ),
  }).order;

describe('timeline model', () => {
  it('orders scenes and shots by position and times them', () => {
    expect(model.order).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(model.startFrames.get('d')).toBe((5 + 5 + 2) * 24);
    expect(model.totalFrames).toBe(27 * 24);
  });

  it('is built once per snapshot object, and anew for a new snapshot', () => {
    const snapshot = twoScenes();
    expect(timelineOf(snapshot)).toBe(timelineOf(snapshot));
    const next = { ...snapshot, shots: snapshot.shots.slice(1) };
    expect(timelineOf(next)).not.toBe(timelineOf(snapshot));
    expect(timelineOf(next).order).toEqual(['a', 'b', 'c', 'e']);
  });
});

describe('stepMove (Alt+Left / Alt+Right)', () => {
  it('moves within a scene', () => {
    expect(stepMove(model, ['b'], 1)).toEqual({ toSceneId: 's1', toIndex: 2 });
    expect(orderAfter(['b'], stepMove(model, ['b'], 1)!)).toEqual(['a', 'c', 'b', 'd', 'e']);
    expect(orderAfter(['b'], stepMove(model, ['b'], -1)!)).toEqual(['b', 'a', 'c', 'd', 'e']);
  });

  it('crosses into the neighbouring scene at the edges', () => {
    expect(stepMove(model, ['c'], 1)).toEqual({ toSceneId: 's2', toIndex: 0 });
    expect(stepMove(model, ['d'], -1)).toEqual({ toSceneId: 's1', toIndex: 3 });
    expect(orderAfter(['d'], stepMove(model, ['d'], -1)!)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('stops at the ends of the film', () => {
    expect(stepMove(model, ['a'], -1)).toBeNull();
    expect(stepMove(model, ['e'], 1)).toBeNull();
  });

  it('moves a multi-selection as a block past the next unselected shot', () => {
    // The last selected shot leads: c is at the end of scene 1, so the block enters scene 2.
    expect(orderAfter(['a', 'c'], stepMove(model, ['a', 'c'], 1)!)).toEqual(['b', 'a', 'c', 'd', 'e']);
    expect(stepMove(model, ['a', 'b'], 1)).toEqual({ toSceneId: 's1', toIndex: 1 });
    expect(orderAfter(['a', 'b'], { toSceneId: 's1', toIndex: 1 })).toEqual(['c', 'a', 'b', 'd', 'e']);
  });
});

describe('slotTarget (drop between cards)', () => {
  it('drops at a slot of the full scene list', () => {
    // Slot 1 of scene 1 = between a and b.
    expect(slotTarget(model, ['e'], 's1', 1)).toEqual({ toSceneId: 's1', toIndex: 1 });
    expect(orderAfter(['e'], slotTarget(model, ['e'], 's1', 2)!)).toEqual(['a', 'b', 'e', 'c', 'd']);
    // Moving a forward past b: slot 2 counts a itself, which is moving.
    expect(orderAfter(['a'], slotTarget(model, ['a'], 's1', 2)!)).toEqual(['b', 'a', 'c', 'd', 'e']);
  });

  it('ignores drops that change nothing', () => {
    expect(slotTarget(model, ['b'], 's1', 1)).toBeNull();
    expect(slotTarget(model, ['b'], 's1', 2)).toBeNull();
    expect(slotTarget(model, ['c'], 's2', 0)).not.toBeNull();
  });

  it('detects no-op moves', () => {
    expect(changesOrder(model, ['b'], { toSceneId: 's1', toIndex: 1 })).toBe(false);
    expect(changesOrder(model, ['b'], { toSceneId: 's2', toIndex: 0 })).toBe(true);
  });
});

describe('sceneSlotIndex', () => {
  it('turns an insertion slot into a scene.move index', () => {
    expect(sceneSlotIndex(model, 's1', 2)).toBe(1);
    expect(sceneSlotIndex(model, 's2', 0)).toBe(0);
    expect(sceneSlotIndex(model, 's1', 1)).toBeNull();
    expect(sceneSlotIndex(model, 's1', 0)).toBeNull();
  });
});

describe('applySceneMove', () => {
  it('reorders scenes densely', () => {
    const snap = {
      project: { title: 't', path: '/p', aspectRatio: '16:9' as const, budgetUsd: null, credits: '', customColumns: [], schemaVersion: 1 },
      ...twoScenes(),
    };
    const moved = applySceneMove(snap, 's2', 0);
    expect(buildTimeline(moved).order).toEqual(['d', 'e', 'a', 'b', 'c']);
  });
});
