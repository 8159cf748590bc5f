import { describe, expect, it } from 'vitest';
import { DEFAULT_LANE, laneGains, levelLabel } from './mix';

const mix = (take = {}, music = {}, dialogue = {}) => ({
  dialogue: { ...DEFAULT_LANE, ...dialogue },
  effects: DEFAULT_LANE,
  take: { ...DEFAULT_LANE, ...take },
  music: { ...DEFAULT_LANE, ...music },
});

describe('laneGains', () => {
  it('plays every lane at its level', () => {
    const g = laneGains(mix({}, { levelDb: -6 }));
    expect(g.take).toBe(1);
    expect(g.music).toBeCloseTo(0.501, 3);
  });
  it('silences a muted lane', () => {
    expect(laneGains(mix({ muted: true }))).toEqual({ dialogue: 1, effects: 1, take: 0, music: 1 });
  });
  it('hears only soloed lanes while any is soloed, and mute still wins', () => {
    expect(laneGains(mix({}, { solo: true }))).toEqual({ dialogue: 0, effects: 0, take: 0, music: 1 });
    expect(laneGains(mix({ solo: true }, { solo: true, muted: true }, { solo: true }))).toEqual({ dialogue: 1, effects: 0, take: 1, music: 0 });
  });
});

describe('levelLabel', () => {
  it('signs the level with a real minus', () => {
    expect(levelLabel(0)).toBe('0 dB');
    expect(levelLabel(-6.2)).toBe('−6 dB');
    expect(levelLabel(3)).toBe('+3 dB');
  });
});
