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

/**
 * Every video packet in decode order: its composition offset (pts − dts), duration and the hash of
 * its bytes, from framemd5's columns (stream, dts, pts, duration, size, hash).
 */
const packets = (file: string) =>
  execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-map', '0:v:0', '-c', 'copy', '-f', 'framemd5', '-'], { encoding: 'utf8', maxBuffer: 1 << 24 })
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [, dts, pts, duration, , hash] = l.split(',').map((c) => c.trim());
      return `${Number(pts) - Number(dts)} ${duration} ${hash}`;
    });

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
    expect(packets(out)).toEqual(files.flatMap(packets));
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

  it('copies files larger than one read, several at once, each into its own place', async () => {
    const dir = tmp();
    // Noise hardly compresses: each file is several MiB, more than a copy reads at once.
    const noise = await makeClip(path.join(dir, 'noise.mp4'), { durationS: 4, source: "nullsrc=size=320x180:rate=24,geq=lum='random(1)*255':cb=128:cr=128" });
    const calm = await makeClip(path.join(dir, 'calm.mp4'), { durationS: 1 });
    expect(fs.statSync(noise).size).toBeGreaterThan(2 << 20);
    // More files than copies run at once, big and small between each other.
    const files = [noise, calm, noise, noise, calm, noise, calm];
    const out = path.join(dir, 'joined.mp4');
    expect(await concatVideo(files, out)).toBe(true);
    expect(packets(out)).toEqual(files.flatMap(packets));
    expect(execFileSync('ffmpeg', ['-v', 'error', '-i', out, '-f', 'null', '-'], { encoding: 'utf8' })).toBe('');
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
