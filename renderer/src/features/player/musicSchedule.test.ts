import { describe, expect, it } from 'vitest';
import { DUCK_RAMP_S } from '../../../../shared/domain/sound';
import { bedEnvelope, scheduleBeds, type BedSource } from './musicSchedule';

const bed = (over: Partial<BedSource> = {}): BedSource => ({
  id: 'a',
  url: 'blob:a',
  atS: 2,
  trimInS: 1,
  lengthS: 4,
  gainDb: 0,
  fadeInS: 0,
  fadeOutS: 0,
  ...over,
});
const quiet = { speech: [], duckDb: 10 };

describe('scheduleBeds', () => {
  it('starts a bed ahead of the playhead later, at its trim', () => {
    expect(scheduleBeds([bed()], 0.5, quiet)).toEqual([
      {
        id: 'a',
        url: 'blob:a',
        startIn: 1.5,
        offsetS: 1,
        durationS: 4,
        envelope: [
          { t: 1.5, gain: 1 },
          { t: 5.5, gain: 1 },
        ],
      },
    ]);
  });

  it('starts a bed under the playhead at once, as far in as the playhead is (trim + playhead − start)', () => {
    const [s] = scheduleBeds([bed()], 3.25, quiet);
    expect(s).toMatchObject({ startIn: 0, offsetS: 2.25, durationS: 2.75 });
  });

  it('leaves out beds that have ended, and schedules the ones after', () => {
    const list = scheduleBeds([bed({ id: 'done', atS: 0, lengthS: 1 }), bed({ id: 'next', atS: 8 })], 1, quiet);
    expect(list.map((s) => [s.id, s.startIn])).toEqual([['next', 7]]);
  });

  it('picks up a fade where the playhead is inside it', () => {
    const [s] = scheduleBeds([bed({ fadeInS: 2, gainDb: -6 })], 3, quiet);
    const level = 10 ** (-6 / 20);
    expect(s!.envelope[0]!.t).toBe(0);
    expect(s!.envelope[0]!.gain).toBeCloseTo(level / 2, 5);
    expect(s!.envelope[1]).toEqual({ t: 1, gain: expect.closeTo(level, 5) });
  });
});

describe('bedEnvelope', () => {
  it('ramps up over the fade in and down over the fade out', () => {
    expect(bedEnvelope(bed({ fadeInS: 1, fadeOutS: 2 }), quiet)).toEqual([
      { t: 2, gain: 0 },
      { t: 3, gain: 1 },
      { t: 4, gain: 1 },
      { t: 6, gain: 0 },
    ]);
  });

  it('ducks under dialogue with short ramps either side', () => {
    const points = bedEnvelope(bed({ atS: 0, lengthS: 10 }), { speech: [{ startS: 3, endS: 5 }], duckDb: 10 });
    const low = 10 ** (-10 / 20);
    expect(points.map((p) => p.t)).toEqual([0, 3 - DUCK_RAMP_S, 3, 5, 5 + DUCK_RAMP_S, 10]);
    expect(points.map((p) => p.gain)).toEqual([1, 1, expect.closeTo(low, 5), expect.closeTo(low, 5), 1, 1]);
  });

  it('does not duck at 0 dB', () => {
    const points = bedEnvelope(bed({ atS: 0, lengthS: 10 }), { speech: [{ startS: 3, endS: 5 }], duckDb: 0 });
    expect(points).toEqual([
      { t: 0, gain: 1 },
      { t: 10, gain: 1 },
    ]);
  });
});
