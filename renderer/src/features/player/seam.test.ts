import { describe, expect, it } from 'vitest';
import { clockFrames, FRAME_MS, seamAfter, seamTiming } from './seam';
import { cut } from './items.testkit';
import { NO_LOOP } from './transport';

describe('seamAfter', () => {
  const items = cut([24, 48, 12], (i) => (i === 1 ? { playFrames: 30 } : i === 2 ? {} : null));
  it('cuts at the record out to the next shot', () => {
    expect(seamAfter(items, 0, NO_LOOP, 84)).toEqual({ cutFrame: 24, next: { index: 1, frame: 24 }, videoEnd: null });
  });
  it('ends the video where its take runs out, then holds to the cut', () => {
    expect(seamAfter(items, 1, NO_LOOP, 84)).toEqual({ cutFrame: 72, next: { index: 2, frame: 72 }, videoEnd: 53 });
  });
  it('has nothing after the last shot', () => {
    expect(seamAfter(items, 2, NO_LOOP, 84)).toEqual({ cutFrame: 84, next: null, videoEnd: 83 });
  });
  it('wraps to the loop in point when the loop ends inside the shot', () => {
    expect(seamAfter(items, 1, { in: 10, out: 40 }, 84)).toEqual({ cutFrame: 40, next: { index: 0, frame: 10 }, videoEnd: 39 });
    expect(seamAfter(items, 2, { in: 30, out: null }, 84)).toEqual({ cutFrame: 84, next: { index: 1, frame: 30 }, videoEnd: 83 });
  });
  it('ignores a loop that ends in another shot', () => {
    expect(seamAfter(items, 0, { in: 10, out: 40 }, 84).next).toEqual({ index: 1, frame: 24 });
  });
});

describe('seamTiming', () => {
  it('starts the incoming clip a start-up delay before the outgoing last frame is over', () => {
    const t = seamTiming(1000, 1, 12, 12);
    expect(t.startAt).toBeCloseTo(1000 + FRAME_MS - 12);
    expect(seamTiming(1000, 1).startAt).toBeCloseTo(1000 + FRAME_MS - 6);
    expect(t.fadeAt).toBeCloseTo(t.startAt - 12);
    expect(t.fadeMs).toBe(12);
  });
  it('shortens the frame at speed', () => {
    const t = seamTiming(0, 4, 12, 12);
    expect(t.startAt).toBe(0);
    expect(t.fadeMs).toBeCloseTo(FRAME_MS / 4);
  });
});

describe('clockFrames', () => {
  it('counts whole frames forward and backward', () => {
    expect(clockFrames(0, 1)).toBe(0);
    expect(clockFrames(FRAME_MS * 3 - 0.01, 1)).toBe(2);
    expect(clockFrames(FRAME_MS * 3, 1)).toBe(3);
    expect(clockFrames(FRAME_MS * 3, 2)).toBe(6);
    expect(clockFrames(FRAME_MS * 3, -1)).toBe(-3);
    expect(clockFrames(FRAME_MS * 0.5, -1)).toBe(0);
    expect(clockFrames(FRAME_MS, -1)).toBe(-1);
  });
});
