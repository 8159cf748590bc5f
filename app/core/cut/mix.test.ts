// The mix measured on the rendered file with ffmpeg's own meters: loudness (ebur128), the
// moment a line starts (silencedetect), and how far the music ducks under dialogue (astats).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { duckGainAt } from '../../../shared/domain/sound';
import { resolveFfmpeg } from '../media/ffmpeg';
import { useTmpDir } from '../testing/tmp.testkit';
import { mixGraph, renderMix, type SoundEvent } from './mix';

const tmp = useTmpDir('shotline-mix-');
const run = promisify(execFile);

async function ffmpeg(args: string[]): Promise<string> {
  const { stderr } = await run(await resolveFfmpeg(), ['-hide_banner', '-nostats', ...args], { maxBuffer: 64 * 1024 * 1024 });
  return stderr;
}

/** A sine tone of `seconds` at `freq` Hz and `db` dBFS, as a WAV (or any container the name says). */
async function tone(name: string, freq: number, seconds: number, db: number): Promise<string> {
  const file = path.join(tmp(), name);
  await ffmpeg(['-f', 'lavfi', '-i', `sine=frequency=${freq}:sample_rate=44100:duration=${seconds}`, '-af', `volume=${db}dB`, '-y', file]);
  return file;
}

const event = (file: string, lane: SoundEvent['lane'], startS: number, lengthS: number, extra: Partial<SoundEvent> = {}): SoundEvent => ({
  file,
  lane,
  startS,
  inS: 0,
  lengthS,
  gainDb: 0,
  fadeInS: 0,
  fadeOutS: 0,
  ...extra,
});

/** Integrated loudness and true peak of `file`, as ebur128 reports them. */
async function loudness(file: string): Promise<{ i: number; tp: number }> {
  const out = await ffmpeg(['-i', file, '-af', 'ebur128=peak=true', '-f', 'null', '-']);
  const summary = out.slice(out.lastIndexOf('Summary:'));
  return { i: Number(/I:\s+(-?[\d.]+) LUFS/.exec(summary)![1]), tp: Number(/Peak:\s+(-?[\d.]+) dBFS/.exec(summary)![1]) };
}

/** RMS level in dB of `file` between `from` and `to` seconds, after a band-pass around `freq`. */
async function bandLevel(file: string, freq: number, from: number, to: number): Promise<number> {
  const out = await ffmpeg([
    '-i',
    file,
    '-af',
    `atrim=${from}:${to},bandpass=f=${freq}:width_type=q:w=8,astats=measure_overall=RMS_level:measure_perchannel=none`,
    '-f',
    'null',
    '-',
  ]);
  return Number(/RMS level dB:\s+(-?[\d.]+)/.exec(out)![1]);
}

describe('the mix', () => {
  it('is -16 LUFS integrated (±1 LU) with true peaks at most -1 dBTP, as long as the cut, 48 kHz stereo', async () => {
    const music = await tone('bed.mp3', 220, 8, -30);
    const line = await tone('line.wav', 1000, 2, -6);
    const dest = path.join(tmp(), 'mix.wav');
    const made = await renderMix([event(music, 'music', 0, 8, { fadeInS: 1, fadeOutS: 1 }), event(line, 'dialogue', 3, 2)], 10, dest, { duckDb: 10 });
    expect(made).toBe(true);
    const { i, tp } = await loudness(dest);
    expect(Math.abs(i + 16)).toBeLessThanOrEqual(1);
    expect(tp).toBeLessThanOrEqual(-1);
    const probe = await ffmpeg(['-i', dest, '-f', 'null', '-']);
    expect(probe).toMatch(/48000 Hz, stereo/);
    expect(probe).toMatch(/time=00:00:10\.0\d/);
  });

  it('keeps true peaks under -1 dBTP when the gain to -16 LUFS would push a loud moment over', async () => {
    const music = await tone('quiet.wav', 330, 8, -24);
    const slam = await tone('slam.wav', 2000, 0.3, 18);
    const dest = path.join(tmp(), 'peaks.wav');
    await renderMix([event(music, 'music', 0, 8), event(slam, 'effects', 4, 0.3)], 8, dest, { duckDb: 10 });
    const { i, tp } = await loudness(dest);
    expect(tp).toBeLessThanOrEqual(-1);
    expect(Math.abs(i + 16)).toBeLessThanOrEqual(1);
  });

  it('starts a line within one frame of its place on the timeline', async () => {
    const line = await tone('beep.wav', 1000, 0.5, -6);
    const dest = path.join(tmp(), 'sync.wav');
    await renderMix([event(line, 'dialogue', 2.5, 0.5)], 4, dest, { duckDb: 10 });
    const out = await ffmpeg(['-i', dest, '-af', 'silencedetect=noise=-40dB:d=0.1', '-f', 'null', '-']);
    const start = Number(/silence_end: ([\d.]+)/.exec(out)![1]);
    expect(Math.abs(start - 2.5)).toBeLessThan(1 / 24);
  });

  it('ducks the music by the set amount while dialogue plays, and not elsewhere', async () => {
    const music = await tone('music.wav', 200, 6, -20);
    const line = await tone('words.wav', 3000, 2, -20);
    const dest = path.join(tmp(), 'duck.wav');
    await renderMix([event(music, 'music', 0, 6), event(line, 'dialogue', 2, 2)], 6, dest, { duckDb: 10 });
    const open = await bandLevel(dest, 200, 0.5, 1.5);
    const ducked = await bandLevel(dest, 200, 2.5, 3.5);
    const after = await bandLevel(dest, 200, 4.6, 5.6);
    expect(open - ducked).toBeGreaterThan(8.5);
    expect(open - ducked).toBeLessThan(11.5);
    expect(Math.abs(open - after)).toBeLessThan(1);
  });

  it('leaves a silent cut silent: no events, no file', async () => {
    expect(await renderMix([], 3, path.join(tmp(), 'none.wav'), { duckDb: 10 })).toBe(false);
  });

  it('builds one chain per event and ducks only the music lane', () => {
    const { args, graph } = mixGraph([event('/m.wav', 'music', 0, 4), event('/d.wav', 'dialogue', 1, 1, { gainDb: -3 })], 4, 10);
    expect(args.filter((a) => a === '-i')).toHaveLength(3);
    expect(graph).toContain('[1:a]atrim=start=0:duration=4');
    expect(graph).toContain(
      '[2:a]atrim=start=0:duration=1,asetpts=PTS-STARTPTS,aformat=sample_rates=48000:channel_layouts=stereo,volume=-3dB,adelay=delays=1000:all=1[e1]',
    );
    expect(graph).toMatch(/\[e0\]volume=eval=frame:volume='1-0\.68377\d*\*/);
    expect(duckGainAt([{ startS: 1, endS: 2 }], 10, 1.5)).toBeCloseTo(0.316, 3);
    expect(duckGainAt([{ startS: 1, endS: 2 }], 10, 3)).toBe(1);
  });
});
