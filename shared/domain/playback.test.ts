import { describe, expect, it } from 'vitest';
import { buildPlaybackCut, clipAt, fitTake, pickTake, type PlaybackShotInput, type PlaybackTakeInput } from './playback';
import { TIMELINE_START_FRAMES } from './timecode';

const take = (over: Partial<PlaybackTakeInput> = {}): PlaybackTakeInput => ({
  id: 't1',
  number: 1,
  relPath: 'media/aa/t1.mp4',
  durationS: 5,
  width: 1280,
  height: 720,
  selected: false,
  rejected: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

const shot = (over: Partial<PlaybackShotInput> = {}): PlaybackShotInput => ({
  id: 's1',
  label: '1A',
  sceneId: 'sc',
  durationS: 3.5,
  action: 'Mara waits',
  takes: [],
  fit: { mode: null, trimInS: 0 },
  still: null,
  ...over,
});

describe('pickTake', () => {
  it('prefers the circled take, else the newest not rejected', () => {
    const a = take({ id: 'a', number: 1, createdAt: '2026-01-01T00:00:00Z' });
    const b = take({ id: 'b', number: 2, createdAt: '2026-01-02T00:00:00Z' });
    const c = take({ id: 'c', number: 3, createdAt: '2026-01-03T00:00:00Z', rejected: true });
    expect(pickTake([a, b, c])).toEqual({ take: b, source: 'newest' });
    expect(pickTake([{ ...a, selected: true }, b])?.source).toBe('selected');
    expect(pickTake([c])).toBeNull();
  });
});

describe('fitTake', () => {
  it('trims a long take from its in point, and holds a short one on its last frame', () => {
    expect(fitTake(120, 84, { mode: 'trim', trimInS: 1 })).toEqual({ sourceIn: 24, sourceOut: 108, hold: 0, length: 84 });
    expect(fitTake(60, 84, { mode: 'hold', trimInS: 3 })).toEqual({ sourceIn: 0, sourceOut: 60, hold: 24, length: 84 });
    // An in point near the end still plays what is left, then holds.
    expect(fitTake(120, 84, { mode: 'trim', trimInS: 4.5 })).toEqual({ sourceIn: 108, sourceOut: 120, hold: 72, length: 84 });
  });

  it('lets the plan follow the take', () => {
    expect(fitTake(120, 84, { mode: 'retime-plan', trimInS: 0 })).toEqual({ sourceIn: 0, sourceOut: 120, hold: 0, length: 120 });
  });
});

describe('buildPlaybackCut', () => {
  it('lays clips end to end from 01:00:00:00: a take, a keyframe still and a title card', () => {
    const cut = buildPlaybackCut([
      shot({ takes: [take({ selected: true })] }),
      shot({ id: 's2', label: '1B', durationS: 2, still: { relPath: 'media/bb/k.png', from: 'keyframe' } }),
      shot({ id: 's3', label: '1C', durationS: 1, action: '' }),
    ]);
    expect(cut.startFrames).toBe(TIMELINE_START_FRAMES);
    expect(cut.totalFrames).toBe(84 + 48 + 24);
    expect(cut.clips.map((c) => [c.source, c.recordInFrames - TIMELINE_START_FRAMES, c.recordOutFrames - TIMELINE_START_FRAMES])).toEqual([
      ['selected', 0, 84],
      ['keyframe', 84, 132],
      ['title', 132, 156],
    ]);
    expect(cut.clips[0]).toMatchObject({ takeFrames: 120, mismatchFrames: 36, sourceInFrames: 0, sourceOutFrames: 84, holdFrames: 0 });
    expect(cut.clips[2]!.title).toBe('1C');
  });

  it('finds the clip under the playhead', () => {
    const cut = buildPlaybackCut([shot(), shot({ id: 's2', label: '1B', durationS: 2 })]);
    expect(clipAt(cut, TIMELINE_START_FRAMES + 83)?.label).toBe('1A');
    expect(clipAt(cut, TIMELINE_START_FRAMES + 84)?.label).toBe('1B');
    expect(clipAt(cut, TIMELINE_START_FRAMES + 132)).toBeNull();
  });
});
