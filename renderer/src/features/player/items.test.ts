import { describe, expect, it } from 'vitest';
import { frameInItem, frameToMediaTime, itemIndexAt, mediaTimeToFrame, recordFrameFromMedia, totalFrames } from './items';
import { cut } from './items.testkit';

describe('itemIndexAt (bisection)', () => {
  const items = cut([24, 48, 12, 60]);
  it('finds the item under each frame, edges included', () => {
    expect(itemIndexAt(items, 0)).toBe(0);
    expect(itemIndexAt(items, 23)).toBe(0);
    expect(itemIndexAt(items, 24)).toBe(1);
    expect(itemIndexAt(items, 71)).toBe(1);
    expect(itemIndexAt(items, 72)).toBe(2);
    expect(itemIndexAt(items, 84)).toBe(3);
    expect(itemIndexAt(items, 143)).toBe(3);
  });
  it('clamps outside the cut and copes with an empty one', () => {
    expect(itemIndexAt(items, -5)).toBe(0);
    expect(itemIndexAt(items, 10_000)).toBe(3);
    expect(itemIndexAt([], 3)).toBe(-1);
    expect(totalFrames(items)).toBe(144);
    expect(totalFrames([])).toBe(0);
  });
  it('agrees with a linear scan on a 500-shot cut', () => {
    const big = cut(Array.from({ length: 500 }, (_, i) => 12 + ((i * 37) % 200)));
    for (let f = 0; f < totalFrames(big); f += 17) {
      expect(itemIndexAt(big, f)).toBe(big.findIndex((it) => f >= it.recordIn && f < it.recordOut));
    }
  });
});

describe('frameInItem', () => {
  it('is a still for a shot without a take', () => {
    const [a] = cut([24]);
    expect(frameInItem(a!, 5)).toEqual({ kind: 'still', local: 5 });
  });
  it('maps through the trim in point, then holds the last frame', () => {
    const [a] = cut([48], () => ({ sourceIn: 10, playFrames: 30 }));
    expect(frameInItem(a!, 0)).toEqual({ kind: 'video', sourceFrame: 10, local: 0 });
    expect(frameInItem(a!, 29)).toEqual({ kind: 'video', sourceFrame: 39, local: 29 });
    expect(frameInItem(a!, 30)).toEqual({ kind: 'hold', sourceFrame: 39, local: 30 });
    expect(frameInItem(a!, 47)).toEqual({ kind: 'hold', sourceFrame: 39, local: 47 });
  });
});

describe('media time', () => {
  it('round-trips every frame of an hour', () => {
    for (let f = 0; f < 86_400; f += 7) expect(mediaTimeToFrame(frameToMediaTime(f))).toBe(f);
  });
  it('reads a presented 24 fps timestamp as its frame', () => {
    expect(mediaTimeToFrame(1)).toBe(24);
    expect(mediaTimeToFrame(41 / 24)).toBe(41);
  });
  it('turns a presented media time into a record frame within the played stretch', () => {
    const [, b] = cut([24, 48], (i) => (i === 1 ? { sourceIn: 12, playFrames: 40 } : null));
    expect(recordFrameFromMedia(b!, 12 / 24)).toBe(24);
    expect(recordFrameFromMedia(b!, 20 / 24)).toBe(32);
    expect(recordFrameFromMedia(b!, 0)).toBe(24);
    expect(recordFrameFromMedia(b!, 100)).toBe(24 + 39);
  });
});
