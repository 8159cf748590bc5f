import { describe, expect, it } from 'vitest';
import type { AudioTake, LineSound, ShotSound } from '../../../../shared/domain/sound';
import { cut } from '../player/items.testkit';
import { dragLineOffset, laneClips, stackRows } from './laneClips';

const take = (id: string, durationS: number): AudioTake => ({
  id,
  number: 1,
  relPath: `media/audio/${id}.wav`,
  durationS,
  tool: 'local:voice',
  createdAt: '2026-01-01T00:00:00Z',
  circled: false,
  rejected: false,
});

const line = (index: number, startS: number, t: AudioTake | null): LineSound => ({
  index,
  key: `k${index}`,
  speaker: index % 2 ? 'LEO' : 'MAYA',
  text: `line ${index}`,
  startS,
  offsetS: null,
  take: t,
  takes: t ? [t] : [],
});

const sound = (shotId: string, patch: Partial<ShotSound>): ShotSound => ({
  shotId,
  mode: 'both',
  lines: [],
  cues: [],
  overrunS: 0,
  fixDurationS: null,
  ...patch,
});

// Two shots of 2 s and 3 s (48 and 72 frames).
const items = cut([48, 72]);

describe('laneClips', () => {
  it('places each line at its shot’s record in plus its start, named by speaker and words', () => {
    const plan = laneClips(items, { s1: sound('s1', { lines: [line(0, 0, take('a', 1.2)), line(1, 1.45, take('b', 0.8))] }) });
    expect(plan.dialogue.map((c) => [c.name, c.atS, c.lengthS, c.line])).toEqual([
      ['MAYA: line 0', 2, 1.2, 0],
      ['LEO: line 1', 3.45, 0.8, 1],
    ]);
    expect(plan.dialogue[0]).toMatchObject({ shotStartS: 2, shotEndS: 5 });
    expect(plan.speech).toEqual([
      { startS: 2, endS: 3.2 },
      { startS: 3.45, endS: 4.25 },
    ]);
  });

  it('leaves out lines and cues with no audio yet, and everything of a shot that plays its take’s own sound', () => {
    const cue = { id: 'c1', shotId: 's0', text: 'door slam', seconds: 1, offsetS: 0.5, gainDb: -3, take: take('fx', 1), takes: [] };
    const plan = laneClips(items, {
      s0: sound('s0', { lines: [line(0, 0, null)], cues: [cue, { ...cue, id: 'c2', take: null }] }),
      s1: sound('s1', { mode: 'take', lines: [line(0, 0, take('a', 1))], cues: [{ ...cue, id: 'c3', shotId: 's1' }] }),
    });
    expect(plan.dialogue).toEqual([]);
    expect(plan.speech).toEqual([]);
    expect(plan.effects.map((c) => [c.id, c.atS, c.gainDb, c.line])).toEqual([['c1', 0.5, -3, null]]);
  });

  it('plays an effect no longer than its cue asks', () => {
    const cue = { id: 'c1', shotId: 's0', text: 'rain', seconds: 1.5, offsetS: 0, gainDb: 0, take: take('fx', 4), takes: [] };
    expect(laneClips(items, { s0: sound('s0', { cues: [cue] }) }).effects[0]!.lengthS).toBe(1.5);
  });
});

describe('dragLineOffset', () => {
  const clip = laneClips(items, { s1: sound('s1', { lines: [line(0, 0.5, take('a', 1))] }) }).dialogue[0]!;

  it('moves the start by the drag, on a frame', () => {
    expect(dragLineOffset(clip, 0.51)).toBeCloseTo(1, 6);
    expect(dragLineOffset(clip, 0.3) * 24).toBeCloseTo(19, 3);
  });

  it('keeps the line inside its shot', () => {
    expect(dragLineOffset(clip, -5)).toBe(0);
    expect(dragLineOffset(clip, 10)).toBe(2);
  });

  it('holds a line longer than its shot at the shot’s first frame', () => {
    const long = { ...clip, lengthS: 4 };
    expect(dragLineOffset(long, 1)).toBe(0);
  });
});

describe('stackRows', () => {
  const at = (atS: number, lengthS: number) => ({ atS, lengthS });

  it('keeps clips that follow each other on one row', () => {
    expect(stackRows([at(0, 1), at(1, 1), at(3, 2)])).toEqual({ row: [0, 0, 0], rows: 1 });
  });

  it('puts a clip that starts under another on the next free row, whatever their order', () => {
    expect(stackRows([at(2, 1), at(0, 5.7), at(4, 1), at(6, 1)])).toEqual({ row: [1, 0, 1, 0], rows: 2 });
    expect(stackRows([at(0, 3), at(1, 3), at(2, 3)])).toEqual({ row: [0, 1, 2], rows: 3 });
  });

  it('has one row for an empty lane', () => {
    expect(stackRows([])).toEqual({ row: [], rows: 1 });
  });
});
