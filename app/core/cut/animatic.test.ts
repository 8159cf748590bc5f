import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlaybackCut, type PlaybackShotInput } from '../../../shared/domain/playback';
import { ffprobe, runFfmpeg } from '../media/ffmpeg';
import { packetTimes, judgeFrameRate } from '../media/qc';
import { makeClip } from '../media/clips.testkit';
import { renderAnimatic } from './animatic';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'shotline-animatic-cut-'));
const SIZE = { width: 320, height: 180 };

beforeAll(async () => {
  fs.mkdirSync(path.join(folder, 'media'));
  const m = (name: string) => path.join(folder, 'media', name);
  await Promise.all([
    makeClip(m('a.mp4'), { durationS: 1 }),
    makeClip(m('b.mp4'), { durationS: 1.5, source: 'smptebars=size=320x180:rate=24' }),
    makeClip(m('c.mp4'), { durationS: 0.5 }),
    makeClip(m('voiced.mp4'), { durationS: 1, audio: true }),
    makeClip(m('fps30.mp4'), { durationS: 1, fps: 30, width: 240, height: 180, audio: true }),
    runFfmpeg(['-f', 'lavfi', '-i', 'testsrc2=size=200x300', '-frames:v', '1', '-y', m('still.png')]),
  ]);
});
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

let n = 0;
function shot(durationS: number, take: { relPath: string; durationS: number } | null, extra: Partial<PlaybackShotInput> = {}): PlaybackShotInput {
  n += 1;
  return {
    id: `s${n}`,
    label: `1${String.fromCharCode(64 + n)}`,
    sceneId: 'sc',
    durationS,
    action: 'A door opens',
    takes: take
      ? [
          {
            id: `t${n}`,
            number: 1,
            relPath: take.relPath,
            durationS: take.durationS,
            width: 320,
            height: 180,
            selected: true,
            rejected: false,
            createdAt: '2026-01-01',
          },
        ]
      : [],
    fit: { mode: null, trimInS: 0 },
    still: null,
    ...extra,
  };
}

async function check(file: string, expectedFrames: number, clips: number) {
  const probe = await ffprobe(file, { countFrames: true });
  // Within one frame per shot, and in practice exact.
  expect(Math.abs(probe.durationS * 24 - expectedFrames)).toBeLessThanOrEqual(clips);
  expect(Math.abs((probe.frames ?? 0) - expectedFrames)).toBeLessThanOrEqual(clips);
  expect(judgeFrameRate(probe.fps, await packetTimes(file), 24)).toMatchObject({ ok: true, detail: 'Constant 24 fps.' });
  expect([probe.width, probe.height, probe.codec, probe.pixFmt]).toEqual([320, 180, 'h264', 'yuv420p']);
  return probe;
}

describe('renderAnimatic', () => {
  it('joins takes that already conform by stream copy', async () => {
    const cut = buildPlaybackCut([
      shot(1, { relPath: 'media/a.mp4', durationS: 1 }),
      shot(1.5, { relPath: 'media/b.mp4', durationS: 1.5 }),
      shot(0.5, { relPath: 'media/c.mp4', durationS: 0.5 }),
    ]);
    const out = path.join(folder, 'out', 'copy.mp4');
    const progress: number[] = [];
    const result = await renderAnimatic({ cut, folder, size: SIZE, out, onProgress: (f) => progress.push(f) });
    expect(result).toEqual({ path: out, mode: 'copy', durationS: 3, frames: 72 });
    await check(out, 72, 3);
    expect(progress.at(-1)).toBe(1);
  });

  it('conforms a mix of takes (30 fps, another size, with sound, trimmed, held), stills and title cards, with burn-in', async () => {
    const cut = buildPlaybackCut([
      shot(1, { relPath: 'media/fps30.mp4', durationS: 1 }),
      shot(0.75, null, { still: { relPath: 'media/still.png', from: 'keyframe' } }),
      shot(0.5, null),
      shot(1, { relPath: 'media/b.mp4', durationS: 1.5 }, { fit: { mode: 'trim', trimInS: 0.5 } }),
      shot(1, { relPath: 'media/c.mp4', durationS: 0.5 }, { fit: { mode: 'hold', trimInS: 0 } }),
    ]);
    expect(cut.totalFrames).toBe(24 + 18 + 12 + 24 + 24);
    const out = path.join(folder, 'mixed.mp4');
    const result = await renderAnimatic({ cut, folder, size: SIZE, out, burnIn: true });
    expect(result.mode).toBe('encode');
    const probe = await check(out, 102, 5);
    // One take has sound: it is mixed and laid under the whole picture.
    expect(probe.hasAudio).toBe(true);
    expect(Math.abs(probe.durationS * 24 - 102)).toBeLessThanOrEqual(5);
  });

  it('joins a take with sound by stream copy and mixes its sound, or leaves it out when the shot plays dialogue only', async () => {
    const cut = buildPlaybackCut([shot(1, { relPath: 'media/voiced.mp4', durationS: 1 }), shot(1, { relPath: 'media/a.mp4', durationS: 1 })]);
    const heard = await renderAnimatic({ cut, folder, size: SIZE, out: path.join(folder, 'heard.mp4') });
    expect(heard.mode).toBe('copy');
    expect((await check(heard.path, 48, 2)).hasAudio).toBe(true);
    // Nothing else to mix: the take's own sound must still not reach the file.
    const silent = await renderAnimatic({ cut, folder, size: SIZE, out: path.join(folder, 'silent.mp4'), takeSoundOff: new Set([cut.clips[0]!.shotId]) });
    expect(silent.mode).toBe('copy');
    expect((await check(silent.path, 48, 2)).hasAudio).toBe(false);
  });

  it('stops on cancel and leaves no file behind', async () => {
    const cut = buildPlaybackCut(Array.from({ length: 6 }, () => shot(2, null)));
    const out = path.join(folder, 'cancel', 'never.mp4');
    const abort = new AbortController();
    const rendering = renderAnimatic({ cut, folder, size: SIZE, out, signal: abort.signal, concurrency: 1, onProgress: (f) => f > 0 && abort.abort() });
    await expect(rendering).rejects.toMatchObject({ name: 'AbortError' });
    expect(fs.readdirSync(path.dirname(out))).toEqual([]);
  });
});
