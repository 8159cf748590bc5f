import { describe, expect, it } from 'vitest';
import { peaksBetween, waveHeight, wavePath } from './wave';

describe('peaksBetween', () => {
  const peaks = [0, 0.1, 0.9, 0.2, 0.3, 0.4, 0.5, 0.6];
  it('cuts out the seconds asked for', () => {
    expect(peaksBetween(peaks, 2, 1, 2.5, 100)).toEqual([0.9, 0.2, 0.3]);
  });
  it('thins long stretches keeping the loudest', () => {
    expect(peaksBetween(peaks, 2, 0, 4, 3)).toEqual([0.9, 0.4, 0.6]);
  });
  it('gives nothing outside the file', () => {
    expect(peaksBetween(peaks, 2, 5, 6, 10)).toEqual([]);
  });
});

describe('waveHeight', () => {
  it('draws in decibels: full scale full height, −24 dB half, −48 dB and below nothing', () => {
    expect(waveHeight(1)).toBe(1);
    expect(waveHeight(10 ** (-24 / 20))).toBeCloseTo(0.5, 6);
    expect(waveHeight(10 ** (-60 / 20))).toBe(0);
    expect(waveHeight(0)).toBe(0);
  });
  it('follows the gain, clipped at full height', () => {
    expect(waveHeight(0.5, 2)).toBe(1);
    expect(waveHeight(1, 10 ** (-12 / 20))).toBeCloseTo(0.75, 6);
  });
});

describe('wavePath', () => {
  it('mirrors the peaks about the middle', () => {
    expect(wavePath([1, 0], 1)).toBe('M0 0.5L0.2500 0.000L0.7500 0.500L1 0.5L0.7500 0.500L0.2500 1.000Z');
    expect(wavePath([10 ** (-24 / 20)])).toBe('M0 0.5L0.5000 0.250L1 0.5L0.5000 0.750Z');
    expect(wavePath([])).toBe('');
  });
});
