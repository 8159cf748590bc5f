// Waveforms read off real files made by ffmpeg: loud where the tone is, silent where it is not.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveFfmpeg } from '../media/ffmpeg';
import { useTmpDir } from '../testing/tmp.testkit';
import { computeWaveform, peaksOf, waveform } from './waveform';

const tmp = useTmpDir('shotline-waveform-');

async function make(file: string, ...lavfi: string[]) {
  execFileSync(await resolveFfmpeg(), ['-v', 'error', ...lavfi, '-y', file]);
  return file;
}

describe('peaksOf', () => {
  it('takes the loudest sample of each bucket, as 0–1', () => {
    const samples = Int16Array.from([0, 100, -32767, 5, 16384, -2, 0, 0, 1]);
    // 4 samples a second, 2 buckets a second: buckets of 2 samples.
    expect(peaksOf(samples, 4, 2)).toEqual([0, 1, 0.5, 0, 0]);
  });
});

describe('waveform', () => {
  it('is loud where the tone plays and flat in the silence after it', async () => {
    const file = await make(
      path.join(tmp(), 'tone.mp3'),
      ...['-f', 'lavfi', '-i', 'sine=frequency=220:duration=2', '-f', 'lavfi', '-i', 'anullsrc=r=44100:cl=mono', '-t', '3'],
      ...['-filter_complex', '[0][1]concat=n=2:v=0:a=1'],
    );
    const w = await computeWaveform(file, 10);
    expect(w.perSecond).toBe(10);
    expect(w.durationS).toBeCloseTo(3, 0);
    expect(w.peaks.length).toBeGreaterThanOrEqual(29);
    const tone = w.peaks.slice(2, 18);
    const quiet = w.peaks.slice(22, 29);
    expect(Math.min(...tone)).toBeGreaterThan(0.05);
    expect(Math.max(...quiet)).toBeLessThan(0.01);
    expect(Math.max(...w.peaks)).toBeLessThanOrEqual(1);
  });

  it('reads a video’s sound, gives a silent video an empty waveform, and computes each file once', async () => {
    const dir = tmp();
    const withSound = await make(
      path.join(dir, 'take.mp4'),
      ...['-f', 'lavfi', '-i', 'testsrc=size=64x36:rate=24:duration=1', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=1', '-shortest'],
    );
    const silent = await make(path.join(dir, 'silent.mp4'), '-f', 'lavfi', '-i', 'testsrc=size=64x36:rate=24:duration=1');
    const a = await waveform(withSound, 20);
    expect(a.peaks.length).toBeGreaterThanOrEqual(19);
    expect(Math.max(...a.peaks)).toBeGreaterThan(0.05);
    expect(waveform(withSound, 20)).toBe(waveform(withSound, 20));
    const s = await waveform(silent);
    expect(s.peaks).toEqual([]);
    expect(s.durationS).toBeCloseTo(1, 1);
  });

  it('refuses a file that is not sound with ffmpeg’s reason', async () => {
    const file = path.join(tmp(), 'notes.wav');
    (await import('node:fs')).writeFileSync(file, 'not audio');
    await expect(computeWaveform(file)).rejects.toThrow(/ffprobe failed/);
  });
});
