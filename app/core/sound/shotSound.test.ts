import { describe, expect, it } from 'vitest';
import { LINE_GAP_S } from '../../../shared/domain/lines';
import type { AudioTake } from '../../../shared/domain/sound';
import { makeShot } from '../../../shared/domain/shot.testkit';
import { shotSound } from './shotSound';

const take = (id: string, durationS: number): AudioTake => ({
  id,
  number: 1,
  relPath: `media/${id}.wav`,
  durationS,
  tool: 'local:voice',
  createdAt: '2026-01-01T00:00:00Z',
  circled: false,
  rejected: false,
});
const line = (speaker: string, text: string, offsetS?: number) => ({
  speaker,
  extension: null,
  parenthetical: null,
  text,
  ...(offsetS === undefined ? {} : { offsetS }),
});

describe('a shot’s sound', () => {
  const shot = makeShot({
    id: 's1',
    tool: 'kling:kling-v2-6',
    durationS: 5,
    soundMode: 'dialogue',
    dialogue: [line('MARA', 'Coffee.'), line('DEE', 'Closed.'), line('MARA', 'Later.', 4)],
  });

  it('places lines after each other unless they say where, and offers the duration that holds them', () => {
    const sound = shotSound(shot, [
      { key: 'a', take: take('a1', 2), takes: [take('a1', 2)] },
      { key: 'b', take: null, takes: [] },
      { key: 'c', take: take('c1', 2.4), takes: [take('c1', 2.4)] },
    ]);
    expect(sound.mode).toBe('dialogue');
    expect(sound.lines.map((l) => [l.speaker, l.startS, l.offsetS, l.take?.id ?? null])).toEqual([
      ['MARA', 0, null, 'a1'],
      // No audio yet: it takes no time, and starts after the line before.
      ['DEE', 2 + LINE_GAP_S, null, null],
      ['MARA', 4, 4, 'c1'],
    ]);
    expect(sound.overrunS).toBe(1.4);
    expect(sound.fixDurationS).toBe(10);
  });

  it('has nothing to fix when the lines fit', () => {
    const sound = shotSound(shot, [
      { key: 'a', take: take('a1', 1), takes: [take('a1', 1)] },
      { key: 'b', take: null, takes: [] },
      { key: 'c', take: take('c1', 1), takes: [take('c1', 1)] },
    ]);
    expect(sound).toMatchObject({ overrunS: 0, fixDurationS: null, cues: [] });
  });
});
