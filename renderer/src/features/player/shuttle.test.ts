import { describe, expect, it } from 'vitest';
import { rateLabel, shuttle, type TransportKey } from './shuttle';

function press(keys: TransportKey[], rate = 0): number {
  return keys.reduce((r, k) => shuttle(r, k).rate, rate);
}

describe('J/K/L shuttle', () => {
  it('L plays, and each further L doubles up to 8×', () => {
    expect(press(['L'])).toBe(1);
    expect(press(['L', 'L'])).toBe(2);
    expect(press(['L', 'L', 'L', 'L', 'L', 'L'])).toBe(8);
  });
  it('J plays backwards the same way; the other key reverses at normal speed', () => {
    expect(press(['J'])).toBe(-1);
    expect(press(['J', 'J', 'J'])).toBe(-4);
    expect(press(['L', 'L', 'J'])).toBe(-1);
    expect(press(['J', 'J', 'L'])).toBe(1);
  });
  it('K stops; Space toggles normal play', () => {
    expect(press(['L', 'L', 'K'])).toBe(0);
    expect(press(['Space'])).toBe(1);
    expect(press(['L', 'L', 'Space'])).toBe(0);
  });
  it('with K held, J and L step one frame and stop', () => {
    expect(shuttle(2, 'L', true)).toEqual({ rate: 0, step: 1 });
    expect(shuttle(0, 'J', true)).toEqual({ rate: 0, step: -1 });
  });
  it('labels the speed beside the timecode', () => {
    expect(rateLabel(1)).toBe('');
    expect(rateLabel(4)).toBe('4×');
    expect(rateLabel(-2)).toBe('◀ 2×');
  });
});
