// Waveforms read off real files made by ffmpeg: loud where the tone is, silent where it is not.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveFfmpeg } from '../media/ffmpeg';
import { useTmpDir } from '../testing/tmp.testkit';
import { computeWaveform, keptWaveformPath, peaksOf, waveform } from './waveform';

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

  it('keeps a waveform on disk and reads it back instead of decoding again, unless it does not fit the file', async () => {
    const dir = tmp();
    const lavfi = ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=1'];
    const first = await make(path.join(dir, 'first.m4a'), ...lavfi);
    const keptPath = keptWaveformPath(dir, 'media/ab/first.m4a', 20);
    const computed = await waveform(first, 20, keptPath);
    expect(JSON.parse(fs.readFileSync(keptPath, 'utf8'))).toEqual({ size: fs.statSync(first).size, waveform: computed });
    expect(fs.readdirSync(path.dirname(keptPath))).toEqual(['first-p20.json']);

    // Another file (as after a restart: nothing in memory) with a kept waveform that says otherwise:
    // what is kept is what comes back, so no ffmpeg ran.
    const second = await make(path.join(dir, 'second.m4a'), ...lavfi);
    const secondKept = keptWaveformPath(dir, 'media/cd/second.m4a', 20);
    const planted = { peaks: [0.5, 0.25], perSecond: 20, durationS: 0.1 };
    fs.writeFileSync(secondKept, JSON.stringify({ size: fs.statSync(second).size, waveform: planted }));
    expect(await waveform(second, 20, secondKept)).toEqual(planted);

    // Kept for a file of another size, or broken: computed again, and kept anew.
    const third = await make(path.join(dir, 'third.m4a'), ...lavfi);
    const thirdKept = keptWaveformPath(dir, 'media/ef/third.m4a', 20);
    fs.writeFileSync(thirdKept, JSON.stringify({ size: 1, waveform: planted }));
    expect((await waveform(third, 20, thirdKept)).peaks.length).toBeGreaterThanOrEqual(19);
    const fourth = await make(path.join(dir, 'fourth.m4a'), ...lavfi);
    const fourthKept = keptWaveformPath(dir, 'media/gh/fourth.m4a', 20);
    fs.writeFileSync(fourthKept, '{"size": 12, "wave');
    const recomputed = await waveform(fourth, 20, fourthKept);
    expect(recomputed.peaks.length).toBeGreaterThanOrEqual(19);
    expect(JSON.parse(fs.readFileSync(fourthKept, 'utf8')).waveform).toEqual(recomputed);
  });

  it('refuses a file that is not sound with ffmpeg’s reason', async () => {
    const file = path.join(tmp(), 'notes.wav');
    fs.writeFileSync(file, 'not audio');
    await expect(computeWaveform(file)).rejects.toThrow(/ffprobe failed/);
  });
});
