import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { useTmpDir } from '../testing/tmp.testkit';
import { UserError } from '../errors';
import { AbortError, capture, ffprobe, findOnPath, parseProbe, progressSeconds, resolveFfmpeg, resolveFfprobe, runFfmpeg } from './ffmpeg';
import { extractFrame } from './thumbnail';

const tmp = useTmpDir();

// ffmpeg-static is optional and, here, installed without its binary; pretend it is absent so
// the fallbacks are what is tested wherever the suite runs.
vi.mock('ffmpeg-static', () => ({ default: null }));

describe('finding ffmpeg', () => {
  it('prefers SHOTLINE_FFMPEG, and says what to do when it points nowhere', async () => {
    const real = findOnPath('ffmpeg')!;
    expect(await resolveFfmpeg({ ...process.env, SHOTLINE_FFMPEG: real })).toBe(real);
    await expect(resolveFfmpeg({ SHOTLINE_FFMPEG: '/nope/ffmpeg', PATH: '' })).rejects.toThrow(/SHOTLINE_FFMPEG is set to "\/nope\/ffmpeg"/);
  });

  it('falls back to PATH, and names the fix when there is none', async () => {
    const dir = tmp();
    const fake = path.join(dir, 'ffmpeg');
    fs.writeFileSync(fake, '#!/bin/sh\n', { mode: 0o755 });
    expect(await resolveFfmpeg({ PATH: dir })).toBe(fake);
    const err = await resolveFfmpeg({ PATH: tmp() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as Error).message).toContain('install ffmpeg (apt install ffmpeg / brew install ffmpeg) or set SHOTLINE_FFMPEG');
  });

  it('finds ffprobe beside SHOTLINE_FFMPEG before PATH', async () => {
    const dir = tmp();
    for (const name of ['ffmpeg', 'ffprobe']) fs.writeFileSync(path.join(dir, name), '#!/bin/sh\n', { mode: 0o755 });
    expect(await resolveFfprobe({ SHOTLINE_FFMPEG: path.join(dir, 'ffmpeg'), PATH: '/usr/bin' })).toBe(path.join(dir, 'ffprobe'));
    await expect(resolveFfprobe({ PATH: tmp() })).rejects.toThrow(/or set SHOTLINE_FFPROBE/);
  });
});

describe('running ffmpeg', () => {
  // Linux shows a process's nice value in /proc; the child reads its own after it has been set.
  it.skipIf(process.platform !== 'linux')('runs media tools below normal priority, so the app itself stays quick', async () => {
    const nice = await capture('/bin/sh', ['-c', 'sleep 0.3; cut -d" " -f19 /proc/$$/stat']);
    expect(Number(nice)).toBeGreaterThan(0);
  });

  it('reports progress, then probes what it made', async () => {
    const out = path.join(tmp(), 'bars.mp4');
    const seen: number[] = [];
    await runFfmpeg(
      [
        '-f',
        'lavfi',
        '-i',
        'testsrc2=size=320x240:rate=24',
        '-f',
        'lavfi',
        '-i',
        'sine=frequency=440:sample_rate=48000',
        '-t',
        '2',
        '-c:v',
        'libx264',
        '-preset',
        'ultrafast',
        '-pix_fmt',
        'yuv420p',
        '-c:a',
        'aac',
        '-y',
        out,
      ],
      { durationS: 2, onProgress: (f) => seen.push(f) },
    );
    expect(seen.length).toBeGreaterThan(0);
    expect(Math.max(...seen)).toBeLessThanOrEqual(1);
    const p = await ffprobe(out, { countFrames: true });
    expect(p).toMatchObject({ width: 320, height: 240, codec: 'h264', pixFmt: 'yuv420p', hasVideo: true, hasAudio: true, frames: 48 });
    expect(p.fps).toEqual({ avg: 24, r: 24 });
    expect(p.durationS).toBeGreaterThan(1.9);

    const thumb = path.join(tmp(), 'thumb.jpg');
    await extractFrame(out, thumb, { atS: 1, width: 160 });
    expect(await ffprobe(thumb)).toMatchObject({ width: 160, height: 120 });
  });

  it('is killed by its AbortSignal', async () => {
    const ac = new AbortController();
    const run = runFfmpeg(['-re', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=24', '-t', '60', '-f', 'null', '-'], {
      signal: ac.signal,
      durationS: 60,
      onProgress: () => ac.abort(),
    });
    await expect(run).rejects.toBeInstanceOf(AbortError);
  });

  it("fails with ffmpeg's own words", async () => {
    await expect(runFfmpeg(['-i', path.join(tmp(), 'missing.mp4'), '-f', 'null', '-'])).rejects.toThrow(/ffmpeg failed \(exit 1\): .*missing\.mp4/);
    const notMedia = path.join(tmp(), 'notes.mp4');
    fs.writeFileSync(notMedia, 'hello');
    await expect(ffprobe(notMedia)).rejects.toThrow(/ffprobe failed/);
  });
});

describe('parsing', () => {
  it('reads -progress lines', () => {
    expect(progressSeconds('out_time_us=1500000')).toBe(1.5);
    expect(progressSeconds('out_time_ms=2000000')).toBe(2);
    expect(progressSeconds('out_time=00:00:01.5')).toBeNull();
  });

  it('ignores cover art and tolerates missing fields', () => {
    const p = parseProbe({
      streams: [
        { codec_type: 'video', codec_name: 'mjpeg', disposition: { attached_pic: 1 } },
        { codec_type: 'audio', codec_name: 'mp3' },
      ],
      format: { duration: '3.5', format_name: 'mp3' },
    });
    expect(p).toMatchObject({ hasVideo: false, hasAudio: true, codec: null, durationS: 3.5, fps: { avg: null, r: null } });
    expect(parseProbe({}).durationS).toBe(0);
    expect(parseProbe({ streams: [{ codec_type: 'video', avg_frame_rate: '0/0', r_frame_rate: '24000/1001' }] }).fps).toEqual({ avg: null, r: 24000 / 1001 });
  });
});
