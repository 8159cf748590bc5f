import { describe, expect, it } from 'vitest';
import type { MusicBed } from '../../../../shared/domain/sound';
import { fitFades, MIN_BED_S, moveBed, snapS, trimEnd, trimStart } from './edit';

const bed = (over: Partial<MusicBed> = {}): MusicBed => ({
  id: 'b',
  name: 'theme.mp3',
  relPath: 'media/ab/x.mp3',
  atS: 2,
  trimInS: 1,
  lengthS: 4,
  sourceS: 6,
  gainDb: 0,
  fadeInS: 0,
  fadeOutS: 0,
  ...over,
});

describe('snapS', () => {
  it('lands on the nearest 1/24 s', () => {
    expect(snapS(1.01)).toBe(1);
    expect(snapS(1.03) * 24).toBe(25);
  });
});

describe('moveBed', () => {
  it('moves by whole frames and never before the cut', () => {
    expect(moveBed(bed(), 0.52)).toEqual({ atS: 2.5 });
    expect(moveBed(bed(), 0.01)).toEqual({ atS: 2 });
    expect(moveBed(bed(), -5)).toEqual({ atS: 0 });
  });
});

describe('trimStart', () => {
  it('keeps the end where it was while the start moves', () => {
    const p = trimStart(bed(), 0.5);
    expect(p).toEqual({ atS: 2.5, trimInS: 1.5, lengthS: 3.5 });
  });
  it('stops at the start of the file', () => {
    expect(trimStart(bed(), -3)).toEqual({ atS: 1, trimInS: 0, lengthS: 5 });
  });
  it('stops at the start of the cut', () => {
    expect(trimStart(bed({ atS: 0.5, trimInS: 3 }), -2)).toEqual({ atS: 0, trimInS: 2.5, lengthS: 4.5 });
  });
  it('leaves a few frames', () => {
    const p = trimStart(bed(), 10);
    expect(p.lengthS).toBeCloseTo(MIN_BED_S, 6);
    expect(p.atS! + p.lengthS!).toBeCloseTo(6, 6);
  });
});

describe('trimEnd', () => {
  it('ends on a frame, within the file, never shorter than a few frames', () => {
    expect(trimEnd(bed(), -1)).toEqual({ lengthS: 3 });
    expect(trimEnd(bed(), 5)).toEqual({ lengthS: 5 });
    expect(trimEnd(bed(), -10).lengthS).toBeCloseTo(MIN_BED_S, 6);
  });
});

describe('fitFades', () => {
  it('keeps the fades inside the bed without crossing', () => {
    expect(fitFades(bed(), 1, 1)).toEqual({ fadeInS: 1, fadeOutS: 1 });
    expect(fitFades(bed(), 3, 3)).toEqual({ fadeInS: 3, fadeOutS: 1 });
    expect(fitFades(bed(), -1, 9)).toEqual({ fadeInS: 0, fadeOutS: 4 });
  });
});
