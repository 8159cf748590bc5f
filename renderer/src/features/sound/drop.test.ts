import { describe, expect, it } from 'vitest';
import { planMusic, refusalText } from './drop';

const file = (name: string, mb: number) => ({ name, size: mb * 1024 * 1024 }) as File;

describe('planMusic', () => {
  it('sends bytes in batches under 48 MB and refuses what is too big to send', () => {
    const { batches, refused } = planMusic([file('a.wav', 30), file('b.wav', 30), file('c.mp3', 1), file('huge.wav', 300)], () => false);
    expect(batches.map((b) => b.map((f) => f.name))).toEqual([['a.wav'], ['b.wav', 'c.mp3']]);
    expect(refused).toEqual([{ name: 'huge.wav', reason: expect.stringContaining('at most 200 MB') }]);
  });
  it('sends files with paths in one call, whatever their size', () => {
    const { batches, refused } = planMusic([file('a.wav', 300), file('b.wav', 300)], () => true);
    expect(batches).toHaveLength(1);
    expect(refused).toEqual([]);
  });
});

describe('refusalText', () => {
  it('names every refused file once, with its reason', () => {
    expect(
      refusalText([
        { name: 'notes.wav', reason: 'notes.wav has no sound in it. Use WAV, AIFF, MP3, AAC/M4A or FLAC.' },
        { name: 'huge.wav', reason: 'it is 300 MB; a dropped music file can be at most 200 MB here.' },
      ]),
    ).toBe(
      'Not added to the music lane: notes.wav has no sound in it. Use WAV, AIFF, MP3, AAC/M4A or FLAC. huge.wav: it is 300 MB; a dropped music file can be at most 200 MB here.',
    );
  });
});
