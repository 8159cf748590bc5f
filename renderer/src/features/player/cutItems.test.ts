import { describe, expect, it } from 'vitest';
import { buildPlaybackCut, type PlaybackShotInput } from '../../../../shared/domain/playback';
import { cutItems, itemsKey } from './cutItems';

const shot = (id: string, durationS: number, extra: Partial<PlaybackShotInput> = {}): PlaybackShotInput => ({
  id,
  label: id.toUpperCase(),
  sceneId: 'sc',
  durationS,
  action: `action ${id}`,
  takes: [],
  fit: { mode: null, trimInS: 0 },
  still: null,
  ...extra,
});
const take = (id: string, durationS: number) => ({
  id,
  number: 1,
  relPath: `media/aa/${id}.mp4`,
  durationS,
  width: 1280,
  height: 720,
  selected: true,
  rejected: false,
  createdAt: '2026-01-01',
});

describe('cutItems', () => {
  const cut = buildPlaybackCut([
    shot('1a', 2),
    shot('1b', 3, { takes: [take('t1', 5)], fit: { mode: 'trim', trimInS: 1 } }),
    shot('1c', 2, { takes: [take('t2', 1)] }),
    shot('1d', 1, { still: { relPath: 'media/bb/k.png', from: 'keyframe' } }),
  ]);
  const items = cutItems(cut, (p) => `/m/${p}`);

  it('counts record frames from the first frame of the cut', () => {
    expect(items.map((i) => [i.recordIn, i.recordOut])).toEqual([
      [0, 48],
      [48, 120],
      [120, 168],
      [168, 192],
    ]);
  });
  it('plays a trimmed take from its in point for the planned length', () => {
    expect(items[1]!.video).toEqual({ src: '/m/media/aa/t1.mp4', takeId: 't1', sourceIn: 24, playFrames: 72 });
  });
  it('plays a short take in full and leaves the rest to the hold', () => {
    expect(items[2]!.video!.playFrames).toBe(24);
    expect(items[2]!.recordOut - items[2]!.recordIn).toBe(48);
  });
  it('shows stills with their image, title cards without', () => {
    expect(items[0]!.video).toBeNull();
    expect(items[0]!.still).toEqual({ src: null, title: '1A', detail: 'action 1a' });
    expect(items[3]!.still.src).toBe('/m/media/bb/k.png');
  });
  it('keys change only when what plays changes', () => {
    expect(itemsKey(cutItems(cut, (p) => `/m/${p}`))).toBe(itemsKey(items));
    const other = buildPlaybackCut([shot('1a', 2), shot('1b', 3, { takes: [take('t1', 5)], fit: { mode: 'trim', trimInS: 0.5 } })]);
    expect(itemsKey(cutItems(other, (p) => p))).not.toBe(itemsKey(items));
  });
});
