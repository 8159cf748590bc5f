import { describe, expect, it } from 'vitest';
import { clockTime, correction } from './syncClock';

describe('compare clock', () => {
  it('runs from where it started, stopping or looping at the longest take', () => {
    expect(clockTime(1, 500, 5, false)).toBeCloseTo(1.5);
    expect(clockTime(4, 2000, 5, false)).toBe(5);
    expect(clockTime(4, 2000, 5, true)).toBeCloseTo(1);
  });
  it('leaves a video alone when it is on time', () => {
    expect(correction(2, 2.01, 5)).toEqual({ seekTo: null, rate: 1, ended: false });
  });
  it('nudges the rate for small drift, within ±10 %', () => {
    const behind = correction(2, 1.9, 5);
    expect(behind.seekTo).toBeNull();
    expect(behind.rate).toBeGreaterThan(1);
    expect(correction(2, 2.2, 5).rate).toBeLessThan(1);
    expect(correction(2, 2.2, 5).rate).toBeGreaterThanOrEqual(0.9);
  });
  it('seeks when far off', () => {
    expect(correction(3, 1, 5).seekTo).toBe(3);
  });
  it('holds the last frame of a shorter take', () => {
    expect(correction(4, 2.9, 3)).toEqual({ seekTo: 3, rate: 1, ended: true });
    expect(correction(4, 3, 3)).toEqual({ seekTo: null, rate: 1, ended: true });
  });
});
