import { describe, expect, it } from 'vitest';
import { range } from './define';
import { describeDurations, describeList, nearestDuration, nearestRatio, tierFor } from './fit';
import { getModel } from './index';

describe('nearestDuration', () => {
  it('picks the closest accepted duration', () => {
    expect(nearestDuration([5, 10], 7)).toBe(5);
    expect(nearestDuration([5, 10], 12)).toBe(10);
    expect(nearestDuration([5, 10], 1)).toBe(5);
    expect(nearestDuration([4, 6, 8], 8)).toBe(8);
  });
  it('breaks ties toward the longer clip', () => {
    expect(nearestDuration([5, 10], 7.5)).toBe(10);
    expect(nearestDuration(range(2, 10), 5.5)).toBe(6);
    expect(nearestDuration([4, 6, 8], 5)).toBe(6);
  });
});

describe('nearestRatio', () => {
  it('matches by shape and breaks ties toward the first listed', () => {
    expect(nearestRatio(['16:9', '9:16'], '21:9')).toBe('16:9');
    expect(nearestRatio(['16:9', '9:16'], '3:4')).toBe('9:16');
    expect(nearestRatio(['16:9', '9:16'], '1:1')).toBe('16:9');
    expect(nearestRatio(['16:9', '1:1'], '3:4')).toBe('1:1');
    // 4:3 is the geometric mean of 16:9 and 1:1: a true tie.
    expect(nearestRatio(['16:9', '1:1'], '4:3')).toBe('16:9');
    expect(nearestRatio(['1:1', '16:9'], '4:3')).toBe('1:1');
  });
});

describe('describing lists', () => {
  it('reads like a person wrote it', () => {
    expect(describeList(['16:9'])).toBe('16:9');
    expect(describeList(['a', 'b', 'c'])).toBe('a, b or c');
    expect(describeDurations(range(2, 10))).toBe('2–10 s');
    expect(describeDurations([5, 10])).toBe('5 or 10 s');
    expect(describeDurations([4, 6, 8])).toBe('4, 6 or 8 s');
    expect(describeDurations(range(1, 60, 0.5))).toBe('1–60 s in half-second steps');
    expect(describeDurations([])).toBe('no video');
  });
});

describe('tierFor', () => {
  it('uses the default for an empty resolution, ignores case, and rejects unknown ones', () => {
    const hailuo = getModel('minimax:MiniMax-Hailuo-02');
    if (!hailuo) throw new Error('missing Hailuo');
    expect(tierFor(hailuo, '')?.resolution).toBe('768p');
    expect(tierFor(hailuo, '1080P')?.resolution).toBe('1080p');
    expect(tierFor(hailuo, '4k')).toBeNull();
  });
});
