import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../testing/tmp.testkit';
import { makeClip } from './clips.testkit';
import { ffprobe, runFfmpeg } from './ffmpeg';
import { concatVideo } from './mp4Concat';
import { judgeFrameRate, packetTimes } from './qc';

const tmp = useTmpDir('shotline-mp4concat-');

/** The hash of every video packet's bytes, in decode order (framemd5's last column). */
const packetHashes = (file: string) =>
  execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-map', '0:v:0', '-c', 'copy', '-f', 'framemd5', '-'], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split(',').at(-1)!.trim());

describe('concatVideo', () => {
  it('joins the pictures of takes end to end, every packet as it was, at a constant 24 fps', async () => {
    const dir = tmp();
    const files = await Promise.all([
      makeClip(path.join(dir, 'a.mp4'), { durationS: 1 }),
      makeClip(path.join(dir, 'b.mp4'), { durationS: 1.5, source: 'smptebars=size=320x180:rate=24', audio: true }),
      // moov first, as our own conforms write it.
      makeClip(path.join(dir, 'c0.mp4'), { durationS: 0.5 }).then(async (f) => {
        await runFfmpeg(['-i', f, '-c', 'copy', '-movflags', '+faststart', '-y', path.join(dir, 'c.mp4')]);
        return path.join(dir, 'c.mp4');
      }),
    ]);
    const out = path.join(dir, 'joined.mp4');
    expect(await concatVideo(files, out)).toBe(true);
    expect(packetHashes(out)).toEqual(files.flatMap(packetHashes));
    const probe = await ffprobe(out, { countFrames: true });
    expect(probe).toMatchObject({ frames: 72, hasAudio: false, width: 320, height: 180, codec: 'h264' });
    expect(Math.abs(probe.durationS - 3)).toBeLessThan(0.01);
    expect(judgeFrameRate(probe.fps, await packetTimes(out), 24)).toMatchObject({ ok: true });
    // Decodes to the end without a complaint, each take's first frame where the cut puts it.
    expect(execFileSync('ffmpeg', ['-v', 'error', '-i', out, '-f', 'null', '-'], { encoding: 'utf8' })).toBe('');
    const frame = (file: string, atS: number) =>
      execFileSync('ffmpeg', ['-v', 'error', '-ss', String(atS), '-i', file, '-frames:v', '1', '-vf', 'scale=16:9,format=gray', '-f', 'rawvideo', '-'], {
        maxBuffer: 1 << 20,
      });
    expect(frame(out, 1).equals(frame(files[1]!, 0))).toBe(true);
    expect(frame(out, 2.5).equals(frame(files[2]!, 0))).toBe(true);
  });

  it('declines files whose codec set-up differs, and what is not an MP4, writing nothing', async () => {
    const dir = tmp();
    const a = await makeClip(path.join(dir, 'a.mp4'));
    const wide = await makeClip(path.join(dir, 'wide.mp4'), { width: 640, height: 360 });
    const text = path.join(dir, 'notes.mp4');
    fs.writeFileSync(text, 'not a movie');
    expect(await concatVideo([a, wide], path.join(dir, 'out.mp4'))).toBe(false);
    expect(await concatVideo([a, text], path.join(dir, 'out.mp4'))).toBe(false);
    expect(await concatVideo([], path.join(dir, 'out.mp4'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'out.mp4'))).toBe(false);
  });
});
