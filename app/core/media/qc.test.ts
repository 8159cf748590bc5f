import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QcCheck, QcResult } from '../../../shared/domain/takes';
import { ffprobe, runFfmpeg } from './ffmpeg';
import { judgeCuts, judgeFrameRate, judgeFrozen, packetTimes, parseAnalysis, runQc, type QcExpectations } from './qc';

// Clips made once for the file: each fails exactly one check, one passes them all.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shotline-qc-'));
const clip = (name: string) => path.join(dir, `${name}.mp4`);
const X264 = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'];
const SRC = 'testsrc2=size=640x360:rate=24';

const EXPECT: QcExpectations = {
  fps: 24,
  durationS: 3,
  durationToleranceS: 1 / 24 + 0.075,
  size: { width: 640, height: 360 },
  ratio: '16:9',
  minShortSide: null,
  audioPromised: false,
  stillExpected: false,
  modelName: 'Test model',
};

beforeAll(async () => {
  const make = (args: string[], name: string) => runFfmpeg([...args, ...X264, '-y', clip(name)]);
  await Promise.all([
    make(['-f', 'lavfi', '-i', SRC, '-t', '3'], 'pass'),
    // 2 s at 24 fps then 1 s at 12 fps, muxed with the real timestamps.
    make(
      [
        '-f',
        'lavfi',
        '-i',
        `${SRC}:d=2`,
        '-f',
        'lavfi',
        '-i',
        'testsrc2=size=640x360:rate=12:d=1',
        '-filter_complex',
        '[0][1]concat=n=2:v=1',
        '-fps_mode',
        'vfr',
      ],
      'vfr',
    ),
    make(['-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=30', '-t', '3'], 'fps30'),
    make(
      ['-f', 'lavfi', '-i', 'color=black:size=640x360:rate=24:d=0.5', '-f', 'lavfi', '-i', `${SRC}:d=2.5`, '-filter_complex', '[0][1]concat=n=2:v=1'],
      'black',
    ),
    // Frame 24 repeated for 30 frames: frozen from 1 s to 2.25 s.
    make(['-f', 'lavfi', '-i', SRC, '-vf', 'loop=loop=30:size=1:start=24,setpts=N/24/TB', '-t', '3'], 'frozen'),
    make(['-f', 'lavfi', '-i', `${SRC}:d=1.5`, '-f', 'lavfi', '-i', `${SRC}:d=1.5,negate,hue=h=90`, '-filter_complex', '[0][1]concat=n=2:v=1'], 'cut'),
    make(['-f', 'lavfi', '-i', 'testsrc2=size=480x360:rate=24', '-t', '3'], 'size'),
  ]);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const failed = (results: QcResult[]) => results.filter((r) => !r.ok).map((r) => r.check);
const find = (results: QcResult[], check: QcCheck) => results.find((r) => r.check === check)!;

describe('runQc on real clips', () => {
  it('passes a clean 24 fps clip of the right length and size on every check', async () => {
    const results = await runQc(clip('pass'), EXPECT);
    expect(results.map((r) => r.check)).toEqual(['frame_rate', 'duration', 'resolution', 'black_frames', 'frozen', 'hard_cuts', 'audio']);
    expect(failed(results)).toEqual([]);
    expect(find(results, 'frame_rate').detail).toBe('Constant 24 fps.');
  });

  it('catches a variable frame rate', async () => {
    const results = await runQc(clip('vfr'), EXPECT);
    expect(failed(results)).toEqual(['frame_rate']);
    expect(find(results, 'frame_rate').detail).toMatch(/^Variable frame rate \(frames 41\.\d–83\.\d ms apart\)/);
  });

  it('reads the packet times from the probe that asked for them, the same as its own reading', async () => {
    const probe = await ffprobe(clip('vfr'), { packets: true });
    expect(probe.packetTimes).toEqual(await packetTimes(clip('vfr')));
    expect(probe.packetTimes).toHaveLength(48 + 12);
    expect((await ffprobe(clip('vfr'))).packetTimes).toBeUndefined();
    // QC judges the frame rate from the times it is given, without reading them again.
    const clean = await ffprobe(clip('pass'), { packets: true });
    expect(failed(await runQc(clip('pass'), EXPECT, { probe: clean }))).toEqual([]);
    expect(failed(await runQc(clip('pass'), EXPECT, { probe: { ...clean, packetTimes: probe.packetTimes } }))).toEqual(['frame_rate']);
  });

  it('catches 30 fps from a model that makes 24', async () => {
    const results = await runQc(clip('fps30'), EXPECT);
    expect(failed(results)).toEqual(['frame_rate']);
    expect(find(results, 'frame_rate').detail).toBe('30 fps, but the model makes 24 fps: the cut will drop or repeat frames to conform it.');
  });

  it('catches a black start, and reports it once (not also as frozen or a cut)', async () => {
    const results = await runQc(clip('black'), EXPECT);
    expect(failed(results)).toEqual(['black_frames']);
    expect(find(results, 'black_frames').detail).toBe('Black for the first 0.50 s.');
  });

  it('catches a frozen stretch in the middle', async () => {
    const results = await runQc(clip('frozen'), EXPECT);
    expect(failed(results)).toEqual(['frozen']);
    expect(find(results, 'frozen').detail).toMatch(/^Frozen from 0\.9\d s to 2\.2\d s\.$/);
  });

  it('catches a hard cut inside the take', async () => {
    const results = await runQc(clip('cut'), EXPECT);
    expect(failed(results)).toEqual(['hard_cuts']);
    expect(find(results, 'hard_cuts').detail).toBe('A hard cut inside the take at 1.50 s: trim around it.');
  });

  it('catches the wrong size, and a wrong ratio when only the ratio is known', async () => {
    expect(failed(await runQc(clip('size'), EXPECT))).toEqual(['resolution']);
    const byRatio = await runQc(clip('size'), { ...EXPECT, size: null, minShortSide: 360 });
    expect(find(byRatio, 'resolution').detail).toBe('480×360 is not 16:9: it will be letterboxed or pillarboxed in the cut.');
  });

  it('fails the duration outside one frame plus the tolerance, and audio only when the model promises it', async () => {
    const results = await runQc(clip('pass'), { ...EXPECT, durationS: 5, audioPromised: true, modelName: 'Veo 3' });
    expect(failed(results)).toEqual(['duration', 'audio']);
    expect(find(results, 'duration').detail).toBe('3.00 s, but 5.00 s was asked for (2.00 s short).');
    expect(find(results, 'audio').detail).toBe('No audio track, though Veo 3 makes sound.');
  });
});

describe('QC verdicts (pure)', () => {
  it('treats rounding jitter of frame times as constant', () => {
    const times = Array.from({ length: 48 }, (_, i) => Math.round((i / 24) * 1e6) / 1e6);
    expect(judgeFrameRate({ r: 24, avg: 24 }, times, 24).ok).toBe(true);
  });

  it('reads an unclosed freeze as lasting to the end, and a still animatic as fine', () => {
    const a = parseAnalysis('[freezedetect @ 0x1] lavfi.freezedetect.freeze_start: 0\n', 4);
    expect(a.frozen).toEqual([{ startS: 0, endS: 4 }]);
    expect(judgeFrozen(a, 4, false).detail).toBe('The picture never moves: the whole take is one frame.');
    expect(judgeFrozen(a, 4, true).ok).toBe(true);
  });

  it('ignores weak scene changes and the jump out of black', () => {
    const a = parseAnalysis(
      ['black_start:0 black_end:1 black_duration:1', 'lavfi.scd.score: 42.6, lavfi.scd.time: 1', 'lavfi.scd.score: 12.0, lavfi.scd.time: 2.5'].join('\n'),
      4,
    );
    expect(judgeCuts(a).ok).toBe(true);
  });
});
