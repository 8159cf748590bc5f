import { describe, expect, it } from 'vitest';
import { buildPlaybackCut, type PlaybackShotInput } from '../../../shared/domain/playback';
import { animaticFrame } from './segments';

const shotWith = (id: string, size: [number, number] | null): PlaybackShotInput => ({
  id,
  label: id,
  sceneId: 's',
  durationS: 2,
  action: '',
  takes: size
    ? [{ id: `t-${id}`, number: 1, relPath: `media/${id}.mp4`, durationS: 2, width: size[0], height: size[1], selected: true, rejected: false, createdAt: '' }]
    : [],
  fit: { mode: null, trimInS: 0 },
  still: null,
});

describe('the animatic frame', () => {
  it('is 1080p when every take already is, so they are copied; else 720p', () => {
    const at = (...sizes: Array<[number, number] | null>) => animaticFrame(buildPlaybackCut(sizes.map((s, i) => shotWith(`s${i}`, s))), '16:9');
    expect(at([1920, 1080], null, [1920, 1080])).toEqual({ width: 1920, height: 1080 });
    expect(at([1920, 1080], [1280, 720])).toEqual({ width: 1280, height: 720 });
    expect(at(null)).toEqual({ width: 1280, height: 720 });
  });

  it('follows the project ratio', () => {
    const cut = buildPlaybackCut([shotWith('a', [1080, 1920])]);
    expect(animaticFrame(cut, '9:16')).toEqual({ width: 1080, height: 1920 });
    expect(animaticFrame(cut, '16:9')).toEqual({ width: 1280, height: 720 });
  });
});
