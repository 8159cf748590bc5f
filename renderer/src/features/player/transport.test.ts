import { describe, expect, it } from 'vitest';
import { cut } from './items.testkit';
import { clampFrame, hasLoop, markIn, markOut, nextEdit, NO_LOOP, playRange, playStart, previousEdit, stepFrame, wrapFrame } from './transport';

describe('frame stepping', () => {
  it('moves one frame and stops at both ends', () => {
    expect(stepFrame(10, 1, 100)).toBe(11);
    expect(stepFrame(10, -1, 100)).toBe(9);
    expect(stepFrame(0, -1, 100)).toBe(0);
    expect(stepFrame(99, 1, 100)).toBe(99);
    expect(clampFrame(5, 0)).toBe(0);
  });
});

describe('edit to edit', () => {
  const items = cut([24, 48, 12]);
  it('goes to the start of the shot, then the one before', () => {
    expect(previousEdit(items, 30)).toBe(24);
    expect(previousEdit(items, 24)).toBe(0);
    expect(previousEdit(items, 0)).toBe(0);
  });
  it('goes to the next shot, and to the last frame from the last shot', () => {
    expect(nextEdit(items, 0)).toBe(24);
    expect(nextEdit(items, 30)).toBe(72);
    expect(nextEdit(items, 72)).toBe(83);
  });
});

describe('loop range', () => {
  it('marks in and out, the out frame included', () => {
    const loop = markOut(markIn(NO_LOOP, 10), 20);
    expect(loop).toEqual({ in: 10, out: 21 });
    expect(playRange(loop, 100)).toEqual({ start: 10, end: 21 });
    expect(hasLoop(loop)).toBe(true);
    expect(hasLoop(NO_LOOP)).toBe(false);
  });
  it('drops the other side when a mark passes it', () => {
    expect(markIn({ in: 10, out: 21 }, 30)).toEqual({ in: 30, out: null });
    expect(markOut({ in: 10, out: 21 }, 5)).toEqual({ in: null, out: 6 });
  });
  it('loops from either side alone to the cut edge', () => {
    expect(playRange({ in: 40, out: null }, 100)).toEqual({ start: 40, end: 100 });
    expect(playRange({ in: null, out: 50 }, 100)).toEqual({ start: 0, end: 50 });
    expect(playRange(NO_LOOP, 100)).toEqual({ start: 0, end: 100 });
  });
  it('starts play inside the range', () => {
    const loop = { in: 10, out: 21 };
    expect(playStart(15, loop, 100)).toBe(15);
    expect(playStart(50, loop, 100)).toBe(10);
    expect(playStart(50, loop, 100, -1)).toBe(20);
    expect(playStart(99, NO_LOOP, 100)).toBe(0);
    expect(playStart(99, NO_LOOP, 100, -1)).toBe(99);
  });
  it('wraps at the loop ends and stops at the cut edges', () => {
    const loop = { in: 10, out: 21 };
    expect(wrapFrame(21, 1, loop, 100)).toBe(10);
    expect(wrapFrame(9, -1, loop, 100)).toBe(20);
    expect(wrapFrame(15, 1, loop, 100)).toBe(15);
    expect(wrapFrame(100, 1, NO_LOOP, 100)).toBeNull();
    expect(wrapFrame(-1, -2, NO_LOOP, 100)).toBeNull();
  });
});
