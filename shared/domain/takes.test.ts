import { describe, expect, it } from 'vitest';
import { takesOffFrame, usableCost } from './takes';

describe('usableCost', () => {
  it('divides what each shot cost by the seconds of its circled take in the cut', () => {
    const report = usableCost([
      { shotId: 'a', label: '1A', spentUsd: 3, usableS: 5 },
      { shotId: 'b', label: '1B', spentUsd: 1.2, usableS: 0 },
    ]);
    expect(report.shots.map((s) => s.usdPerUsableS)).toEqual([0.6, null]);
    // Money spent on a shot with nothing usable still counts against the film.
    expect(report.film.spentUsd).toBeCloseTo(4.2, 10);
    expect(report.film.usableS).toBe(5);
    expect(report.film.usdPerUsableS).toBeCloseTo(0.84, 10);
  });

  it('counts money spent on shots since deleted, and has no figure for a film with nothing usable', () => {
    expect(usableCost([{ shotId: 'a', label: '1A', spentUsd: 2, usableS: 4 }], 2).film.usdPerUsableS).toBe(1);
    expect(usableCost([], 5).film).toEqual({ spentUsd: 5, usableS: 0, usdPerUsableS: null });
  });
});

describe('takesOffFrame', () => {
  it('counts takes another frame would letterbox or crop, and how many are wider', () => {
    const takes = [
      { width: 1280, height: 720 },
      { width: 1920, height: 1080 },
      { width: 720, height: 1280 },
      { width: null, height: null },
    ];
    expect(takesOffFrame(takes, '16:9')).toEqual({ off: 1, wider: 0 });
    expect(takesOffFrame(takes, '9:16')).toEqual({ off: 2, wider: 2 });
    expect(takesOffFrame(takes, '1:1')).toEqual({ off: 3, wider: 2 });
  });
});
