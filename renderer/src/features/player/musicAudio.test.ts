// The Web Audio side of the music lane against a recording fake context: what it starts, when,
// from where in the file, and that pause and drift stop or restart it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MusicAudio } from './musicAudio';
import type { BedSource } from './musicSchedule';

interface Started {
  when: number;
  offset: number;
  duration: number;
  stoppedAt: number | null;
  gain: Array<[string, number, number]>;
}

function fakeContext() {
  const started: Started[] = [];
  const ctx = {
    currentTime: 10,
    destination: {},
    decodeAudioData: vi.fn(async () => ({ duration: 6 })),
    createGain() {
      const calls: Array<[string, number, number]> = [];
      const param = {
        value: 1,
        setValueAtTime: (v: number, t: number) => calls.push(['set', v, t]),
        linearRampToValueAtTime: (v: number, t: number) => calls.push(['ramp', v, t]),
        setTargetAtTime: (v: number, t: number) => calls.push(['target', v, t]),
        cancelScheduledValues: () => {},
      };
      const node = { gain: param, context: ctx, calls, connect: (n: unknown) => n };
      return node;
    },
    createBufferSource() {
      const src = {
        buffer: null as unknown,
        onended: null as null | (() => void),
        gainCalls: null as Array<[string, number, number]> | null,
        connect(gain: { calls: Array<[string, number, number]> }) {
          src.gainCalls = gain.calls;
          return gain;
        },
        start(when: number, offset: number, duration: number) {
          started.push({ when, offset, duration, stoppedAt: null, gain: src.gainCalls ?? [] });
        },
        stop(t: number) {
          started.at(-1)!.stoppedAt = t;
        },
      };
      return src;
    },
  };
  return { ctx, started };
}

const bed: BedSource = { id: 'a', url: 'media/a.mp3', atS: 2, trimInS: 1, lengthS: 4, gainDb: 0, fadeInS: 0, fadeOutS: 0 };
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('MusicAudio', () => {
  beforeEach(() =>
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => ({ ok: true, arrayBuffer: async () => new ArrayBuffer(8) })),
    ),
  );
  afterEach(() => vi.unstubAllGlobals());

  it('starts a bed under the playhead at once, as far into the file as the playhead is into the bed', async () => {
    const { ctx, started } = fakeContext();
    const counts: number[] = [];
    const music = new MusicAudio(
      () => ctx as unknown as AudioContext,
      (n) => counts.push(n),
    );
    music.setBeds([bed], { speech: [], duckDb: 10 });
    music.start(3.5);
    await flush();
    expect(started).toEqual([expect.objectContaining({ when: 10, offset: 2.5, duration: 2.5, stoppedAt: null })]);
    expect(counts.at(-1)).toBe(1);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('schedules a bed ahead of the playhead for later, and stops everything on pause', async () => {
    const { ctx, started } = fakeContext();
    const counts: number[] = [];
    const music = new MusicAudio(
      () => ctx as unknown as AudioContext,
      (n) => counts.push(n),
    );
    music.setBeds([bed], { speech: [], duckDb: 10 });
    music.start(0.5);
    await flush();
    expect(started[0]).toMatchObject({ when: 11.5, offset: 1, duration: 4 });
    music.stop();
    expect(started[0]!.stoppedAt).toBeCloseTo(10.015, 6);
    expect(counts.at(-1)).toBe(0);
  });

  it('restarts when the picture has moved away from the music (a loop wrapping), not for a frame of jitter', async () => {
    const { ctx, started } = fakeContext();
    const music = new MusicAudio(
      () => ctx as unknown as AudioContext,
      () => {},
    );
    music.setBeds([bed], { speech: [], duckDb: 10 });
    music.start(3);
    await flush();
    ctx.currentTime = 11;
    music.follow(4 + 1 / 24);
    await flush();
    expect(started).toHaveLength(1);
    music.follow(2);
    await flush();
    expect(started).toHaveLength(2);
    expect(started[1]).toMatchObject({ when: 11, offset: 1, duration: 4 });
  });

  it('does nothing before play has made a context', () => {
    const music = new MusicAudio(
      () => null,
      () => {},
    );
    music.setBeds([bed], { speech: [], duckDb: 10 });
    expect(() => music.start(0)).not.toThrow();
  });
});
