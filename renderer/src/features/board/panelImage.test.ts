import { describe, expect, it } from 'vitest';
import type { ShotTakes, TakeChip } from '../../../../shared/domain/takes';
import { panelImage, stripFrames } from './panelImage';

const chip = (id: string, number: number, extra: Partial<TakeChip> = {}): TakeChip => ({
  id,
  number,
  thumbRelPath: `media/${id}.jpg`,
  selected: false,
  rejected: false,
  continuityStale: false,
  qcFailed: 0,
  durationS: null,
  ...extra,
});

const strip = (over: Partial<ShotTakes>): ShotTakes => ({ shotId: 's1', selectedTakeId: null, takes: [], selectedFrameId: null, frames: [], ...over });

describe('the picture a board panel shows', () => {
  it('is the circled frame first, even when a video take is circled', () => {
    const s = strip({ frames: [chip('f1', 1), chip('f2', 2)], selectedFrameId: 'f2', takes: [chip('t1', 1)], selectedTakeId: 't1' });
    expect(panelImage(s)).toEqual({ relPath: 'media/f2.jpg', what: 'frame 2 (circled)', kind: 'frame' });
  });

  it('falls back to the circled video take', () => {
    const s = strip({ frames: [chip('f1', 1)], takes: [chip('t1', 1), chip('t2', 2)], selectedTakeId: 't2' });
    expect(panelImage(s)).toEqual({ relPath: 'media/t2.jpg', what: 'take 2 (circled)', kind: 'take' });
  });

  it('is nothing without a circled frame or take, or without a thumbnail', () => {
    expect(panelImage(undefined)).toBeNull();
    expect(panelImage(strip({ takes: [chip('t1', 1)] }))).toBeNull();
    expect(panelImage(strip({ frames: [chip('f1', 1, { thumbRelPath: null })], selectedFrameId: 'f1' }))).toBeNull();
  });

  it('offers the frames that are not rejected, in order', () => {
    const s = strip({ frames: [chip('f1', 1), chip('f2', 2, { rejected: true }), chip('f3', 3)] });
    expect(stripFrames(s).map((f) => f.id)).toEqual(['f1', 'f3']);
  });
});
