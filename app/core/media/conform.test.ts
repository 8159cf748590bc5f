import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../testing/tmp.testkit';
import { frameDiff, makeClip, tinyFrames } from './clips.testkit';
import { conformArgs, conformClip, conformMode, parseSourceProbe, probeSource, type ConformJob, type SourceProbe } from './conform';

const tmp = useTmpDir('shotline-conform-');
const W = 640;
const H = 360;

const probeOf = (file: string) => probeSource(file);
/** Gray levels of a 16-pixel-wide strip at x, through the middle of the first frame. */
function strip(file: string, x: number): number[] {
  const out = execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-frames:v', '1', '-vf', `crop=16:16:${x}:${H / 2 - 8},format=gray`, '-f', 'rawvideo', '-'], {
    maxBuffer: 1 << 20,
  });
  return [...out];
}
const black = (px: number[]) => Math.max(...px) < 24;
const packetHash = (file: string) =>
  execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-map', '0:v:0', '-c', 'copy', '-f', 'md5', '-'], { encoding: 'utf8' }).trim();

const base = (p: Partial<SourceProbe> = {}): SourceProbe => ({
  codec: 'h264',
  profile: 'High',
  pixFmt: 'yuv420p',
  width: W,
  height: H,
  sar: '1:1',
  rFrameRate: '24/1',
  avgFrameRate: '24/1',
  timeBase: '1/24000',
  frames: 48,
  durationS: 2,
  audio: null,
  ...p,
});
const job = (p: Partial<ConformJob> = {}): ConformJob => ({
  src: 'in.mp4',
  dest: 'out.mp4',
  spec: { width: W, height: H, fit: 'letterbox', format: 'h264' },
  frames: 48,
  ...p,
});

describe('conformMode', () => {
  it('copies only a stream that is already the timeline: codec, size, square pixels, exactly 24/1, every frame', () => {
    expect(conformMode(base(), job())).toEqual({ video: 'copy', audio: 'none' });
    expect(conformMode(base({ profile: 'Constrained Baseline', sar: null }), job()).video).toBe('copy');
    for (const p of [
      { avgFrameRate: '24000/1001' },
      { rFrameRate: '30/1' },
      { width: 642 },
      { sar: '4:3' },
      { pixFmt: 'yuv420p10le' },
      { codec: 'hevc' },
      { frames: 47 },
      { profile: 'High 4:4:4 Predictive' },
    ]) {
      expect(conformMode(base(p), job()).video, JSON.stringify(p)).toBe('encode');
    }
    expect(conformMode(base(), job({ holdFrames: 1 })).video).toBe('encode');
    expect(conformMode(base(), job({ spec: { width: W, height: H, fit: 'crop', format: 'dnxhr' } })).video).toBe('encode');
  });

  it('copies AAC 48 kHz stereo as it is and re-encodes any other sound', () => {
    expect(conformMode(base({ audio: { codec: 'aac', sampleRate: 48000, channels: 2 } }), job()).audio).toBe('copy');
    expect(conformMode(base({ audio: { codec: 'aac', sampleRate: 44100, channels: 1 } }), job()).audio).toBe('encode');
    expect(
      conformMode(
        base({ audio: { codec: 'pcm_s16le', sampleRate: 48000, channels: 2 } }),
        job({ spec: { width: W, height: H, fit: 'letterbox', format: 'prores' } }),
      ).audio,
    ).toBe('copy');
  });

  it('reads what ffprobe says, treating N/A as unknown', () => {
    const p = parseSourceProbe({
      streams: [
        {
          codec_type: 'video',
          codec_name: 'h264',
          profile: 'High',
          pix_fmt: 'yuv420p',
          width: 1920,
          height: 1080,
          sample_aspect_ratio: 'N/A',
          r_frame_rate: '24/1',
          avg_frame_rate: '24/1',
          nb_frames: '120',
        },
        { codec_type: 'audio', codec_name: 'aac', sample_rate: '48000', channels: 2 },
      ],
      format: { duration: '5.000000' },
    });
    expect(p).toMatchObject({ sar: null, frames: 120, durationS: 5, audio: { codec: 'aac', sampleRate: 48000, channels: 2 } });
  });

  it('builds an argument array with the timecode, the exact frame count and the format', () => {
    const args = conformArgs(job({ holdFrames: 12, startTimecodeFrames: 2 * 3600 * 24 + 24 }), true);
    expect(args.slice(args.indexOf('-frames:v'), args.indexOf('-frames:v') + 2)).toEqual(['-frames:v', '60']);
    expect(args).toContain('02:00:01:00');
    expect(args.join(' ')).toContain('tpad=stop_mode=clone:stop=14');
    expect(args.join(' ')).toContain('apad=whole_dur=2.500000');
    expect(args.at(-1)).toBe('out.mp4');
  });
});

describe('conformClip', () => {
  it('turns a 30 fps, 4:3 clip with mono 44.1 kHz sound into 24 fps at the timeline size, pillar-boxed, with stereo 48 kHz', async () => {
    const dir = tmp();
    const src = await makeClip(path.join(dir, 'in.mp4'), { width: 480, height: 360, fps: 30, durationS: 2, audio: true, audioRate: 44100 });
    const dest = path.join(dir, 'out.mp4');
    expect(await conformClip({ src, dest, spec: { width: W, height: H, fit: 'letterbox', format: 'h264' }, frames: 48, startTimecodeFrames: 172800 })).toBe(
      'encode',
    );
    const p = await probeOf(dest);
    expect(p).toMatchObject({ codec: 'h264', profile: 'High', pixFmt: 'yuv420p', width: W, height: H, rFrameRate: '24/1', avgFrameRate: '24/1', frames: 48 });
    expect(p.audio).toEqual({ codec: 'aac', sampleRate: 48000, channels: 2 });
    expect(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream_tags=timecode', '-of', 'csv=p=0', dest], { encoding: 'utf8' })).toContain(
      '02:00:00:00',
    );
    expect(black(strip(dest, 8))).toBe(true);
    expect(black(strip(dest, W / 2))).toBe(false);
  });

  it('fills the frame when asked to crop, and reads non-square pixels as they display', async () => {
    const dir = tmp();
    const narrow = await makeClip(path.join(dir, 'narrow.mp4'), { width: 480, height: 360, fps: 24, durationS: 1 });
    const cropped = path.join(dir, 'crop.mp4');
    await conformClip({ src: narrow, dest: cropped, spec: { width: W, height: H, fit: 'crop', format: 'h264' }, frames: 24 });
    expect(black(strip(cropped, 8))).toBe(false);
    // 480×360 pixels 4:3 wide each look 640×360: they fill a 16:9 frame with no bars.
    const anamorphic = await makeClip(path.join(dir, 'ana.mp4'), { width: 480, height: 360, fps: 24, durationS: 1, sar: '4/3' });
    const boxed = path.join(dir, 'ana-out.mp4');
    await conformClip({ src: anamorphic, dest: boxed, spec: { width: W, height: H, fit: 'letterbox', format: 'h264' }, frames: 24 });
    expect(black(strip(boxed, 8))).toBe(false);
    expect((await probeOf(boxed)).sar).toBe('1:1');
  });

  it('holds the last frame to fill the planned length', async () => {
    const dir = tmp();
    const src = await makeClip(path.join(dir, 'in.mp4'), { width: W, height: H, fps: 24, durationS: 1, audio: true, audioRate: 44100 });
    const dest = path.join(dir, 'held.mp4');
    expect(await conformClip({ src, dest, spec: { width: W, height: H, fit: 'letterbox', format: 'h264' }, frames: 24, holdFrames: 12 })).toBe('encode');
    const frames = tinyFrames(dest);
    expect(frames).toHaveLength(36);
    // Frozen from frame 23 (the take's last) on; the take itself moves from frame to frame.
    for (const f of frames.slice(24)) expect(frameDiff(f, frames[23]!)).toBeLessThanOrEqual(4);
    expect(frames.slice(1, 24).filter((f, i) => frameDiff(f, frames[i]!) > 8).length).toBeGreaterThan(20);
  });

  it('makes a long still from one encoded second, repeated, at the exact length and timecode', async () => {
    const dir = tmp();
    const src = await makeClip(path.join(dir, 'frame.mp4'), { width: 320, height: 180, fps: 24, durationS: 1 / 24 });
    const dest = path.join(dir, 'still.mp4');
    expect(
      await conformClip({ src, dest, spec: { width: W, height: H, fit: 'letterbox', format: 'h264' }, frames: 1, holdFrames: 70, startTimecodeFrames: 172800 }),
    ).toBe('encode');
    const p = await probeOf(dest);
    expect(p).toMatchObject({ codec: 'h264', profile: 'High', width: W, height: H, rFrameRate: '24/1', avgFrameRate: '24/1', frames: 71 });
    const frames = tinyFrames(dest);
    expect(frames).toHaveLength(71);
    for (const f of frames) expect(frameDiff(f, frames[0]!)).toBeLessThanOrEqual(4);
    expect(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream_tags=timecode', '-of', 'csv=p=0', dest], { encoding: 'utf8' })).toContain(
      '02:00:00:00',
    );
    expect(fs.readdirSync(dir).sort()).toEqual(['frame.mp4', 'still.mp4']);
  });

  it('stream-copies a clip that already conforms, setting only its timecode', async () => {
    const dir = tmp();
    const src = await makeClip(path.join(dir, 'in.mp4'), { width: W, height: H, fps: 24, durationS: 1 });
    const dest = path.join(dir, 'copy.mp4');
    expect(await conformClip({ src, dest, spec: { width: W, height: H, fit: 'crop', format: 'h264' }, frames: 24, startTimecodeFrames: 172800 + 1440 })).toBe(
      'copy',
    );
    expect(packetHash(dest)).toBe(packetHash(src));
    expect(execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream_tags=timecode', '-of', 'csv=p=0', dest], { encoding: 'utf8' })).toContain(
      '02:01:00:00',
    );
  });

  it.each(['dnxhr', 'prores'] as const)('writes %s in MOV with PCM sound that decodes', async (format) => {
    const dir = tmp();
    const src = await makeClip(path.join(dir, 'in.mp4'), { width: 1282, height: 721, fps: 30, durationS: 1, audio: true, audioRate: 44100 });
    const dest = path.join(dir, 'out.mov');
    await conformClip({ src, dest, spec: { width: W, height: H, fit: 'letterbox', format }, frames: 24, startTimecodeFrames: 172800 });
    const p = await probeOf(dest);
    expect(p).toMatchObject({ codec: format === 'dnxhr' ? 'dnxhd' : 'prores', width: W, height: H, avgFrameRate: '24/1', frames: 24 });
    expect(p.audio).toEqual({ codec: 'pcm_s16le', sampleRate: 48000, channels: 2 });
    expect(execFileSync('ffmpeg', ['-v', 'error', '-i', dest, '-f', 'null', '-'], { encoding: 'utf8' })).toBe('');
  });
});
