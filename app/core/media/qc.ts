// The automatic technical check of a take: what an editor would find out too late. ffprobe reads
// the streams and every packet's time (variable frame rate), and one ffmpeg decode pass runs
// blackdetect, freezedetect and scdet together. No db here: the caller stores the results, and
// a failed check never deletes anything.
import type { QcCheck, QcResult } from '../../../shared/domain/takes';
import type { AspectRatio } from '../../../shared/domain/types';
import { capture, ffprobe, resolveFfprobe, runFfmpeg, type ProbeResult } from './ffmpeg';

export interface QcExpectations {
  /** The catalog's frame rate for the model; null skips the comparison (only constancy is checked). */
  fps: number | null;
  /** What the provider was asked to make, already snapped to the model's accepted lengths. */
  durationS: number | null;
  /** How far off the length may be: one frame plus the provider's own rounding. */
  durationToleranceS: number;
  /** Exact pixels where the model's output size is known; else the ratio and a floor are checked. */
  size: { width: number; height: number } | null;
  ratio: AspectRatio;
  /** "720p" → 720: the short side must not be smaller than that (less 10 %). */
  minShortSide: number | null;
  audioPromised: boolean;
  /** The local animatic of a still with no camera move is frozen by design. */
  stillExpected: boolean;
  modelName: string;
}

export interface Interval {
  startS: number;
  endS: number;
}

export interface Analysis {
  black: Interval[];
  frozen: Interval[];
  /** Times of hard cuts, with scdet's score (0–100). */
  cuts: Array<{ atS: number; score: number }>;
}

/** Thresholds, with why: */
export const QC_TUNING = {
  /** Two frames at 24 fps: a single dark frame is a flash, two are a visible black. */
  blackMinS: 0.08,
  /** Half a second of identical frames reads as a stall, not a held pose. */
  frozenMinS: 0.5,
  /** -60 dB: only practically identical frames; generated video always has some noise when it moves. */
  frozenNoiseDb: -60,
  /** scdet's score: real cuts in generated clips score 35+; fast motion stays under 20. */
  cutScore: 30,
  /** Packet spacing may wobble by rounding (41666/41667 µs); more than this is a different rate. */
  vfrTolerance: 0.1,
} as const;

const fmt = (s: number) => `${s.toFixed(2)} s`;
const fpsText = (f: number) => `${Math.round(f * 1000) / 1000} fps`;
const result = (check: QcCheck, ok: boolean, detail: string, measured: Record<string, unknown> = {}): QcResult => ({ check, ok, detail, measured });

/** Presentation times of the video packets, sorted (decode order differs with B-frames). */
export async function packetTimes(file: string, signal?: AbortSignal): Promise<number[]> {
  const bin = await resolveFfprobe();
  const text = await capture(bin, ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'packet=pts_time', '-of', 'csv=p=0', file], signal);
  return text
    .split('\n')
    .map((l) => Number.parseFloat(l))
    .filter((n) => Number.isFinite(n))
    .sort((a, b) => a - b);
}

/** Constant and equal to the catalog's rate: the stream's nominal and average rates agree, and so do the gaps between frames. */
export function judgeFrameRate(fps: ProbeResult['fps'], times: number[], expected: number | null): QcResult {
  const gaps = times.slice(1).map((t, i) => t - times[i]!);
  const sorted = [...gaps].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const minGap = sorted[0] ?? 0;
  const maxGap = sorted[sorted.length - 1] ?? 0;
  const gapsVary = median > 0 && (maxGap - median > median * QC_TUNING.vfrTolerance || median - minGap > median * QC_TUNING.vfrTolerance);
  const ratesDiffer = fps.r !== null && fps.avg !== null && Math.abs(fps.r - fps.avg) > fps.r * 0.01;
  const measuredFps = median > 0 ? 1 / median : (fps.avg ?? fps.r);
  const measured = { r: fps.r, avg: fps.avg, medianGapS: median, minGapS: minGap, maxGapS: maxGap, expected };
  if (gapsVary || ratesDiffer) {
    const spread = median > 0 ? ` (frames ${(minGap * 1000).toFixed(1)}–${(maxGap * 1000).toFixed(1)} ms apart)` : '';
    return result(
      'frame_rate',
      false,
      `Variable frame rate${spread}: editors drift out of sync with it. The cut and the export conform it to 24 fps.`,
      measured,
    );
  }
  if (measuredFps === null) return result('frame_rate', false, 'No frame rate could be read from the file.', measured);
  if (expected !== null && Math.abs(measuredFps - expected) > expected * 0.01) {
    return result('frame_rate', false, `${fpsText(measuredFps)}, but the model makes ${fpsText(expected)}: the cut will drop or repeat frames to conform it.`, {
      ...measured,
      fps: measuredFps,
    });
  }
  return result('frame_rate', true, `Constant ${fpsText(measuredFps)}.`, { ...measured, fps: measuredFps });
}

export function judgeDuration(durationS: number, exp: Pick<QcExpectations, 'durationS' | 'durationToleranceS'>): QcResult {
  const measured = { durationS, expectedS: exp.durationS, toleranceS: exp.durationToleranceS };
  if (exp.durationS === null) return result('duration', true, `${fmt(durationS)} long.`, measured);
  const off = durationS - exp.durationS;
  if (Math.abs(off) <= exp.durationToleranceS) return result('duration', true, `${fmt(durationS)}, as asked (${fmt(exp.durationS)}).`, measured);
  const how = off < 0 ? `${fmt(-off)} short` : `${fmt(off)} too long`;
  return result('duration', false, `${fmt(durationS)}, but ${fmt(exp.durationS)} was asked for (${how}).`, measured);
}

const ratioOf = (r: AspectRatio) => {
  const [w, h] = r.split(':').map(Number);
  return (w ?? 1) / (h ?? 1);
};

export function judgeSize(width: number | null, height: number | null, exp: Pick<QcExpectations, 'size' | 'ratio' | 'minShortSide'>): QcResult {
  const measured = { width, height, expected: exp.size, ratio: exp.ratio };
  if (!width || !height) return result('resolution', false, 'The frame size could not be read.', measured);
  const got = `${width}×${height}`;
  if (exp.size) {
    if (width === exp.size.width && height === exp.size.height) return result('resolution', true, `${got}, as expected.`, measured);
    return result('resolution', false, `${got}, but ${exp.size.width}×${exp.size.height} (${exp.ratio}) was expected.`, measured);
  }
  const want = ratioOf(exp.ratio);
  if (Math.abs(width / height - want) > want * 0.02) {
    return result('resolution', false, `${got} is not ${exp.ratio}: it will be letterboxed or pillarboxed in the cut.`, measured);
  }
  const short = Math.min(width, height);
  if (exp.minShortSide !== null && short < exp.minShortSide * 0.9) {
    return result('resolution', false, `${got} is smaller than the ${exp.minShortSide}p that was asked for.`, measured);
  }
  return result('resolution', true, `${got} (${exp.ratio}).`, measured);
}

/** Reads what blackdetect, freezedetect and scdet printed. */
export function parseAnalysis(log: string, durationS: number): Analysis {
  const black: Interval[] = [];
  for (const m of log.matchAll(/black_start:\s*([\d.]+)\s+black_end:\s*([\d.]+)/g)) black.push({ startS: Number(m[1]), endS: Number(m[2]) });
  const frozen: Interval[] = [];
  let open: number | null = null;
  for (const m of log.matchAll(/lavfi\.freezedetect\.freeze_(start|end):\s*([\d.]+)/g)) {
    if (m[1] === 'start') open = Number(m[2]);
    else if (open !== null) {
      frozen.push({ startS: open, endS: Number(m[2]) });
      open = null;
    }
  }
  // A freeze that lasts to the last frame is never closed.
  if (open !== null) frozen.push({ startS: open, endS: durationS });
  const cuts = [...log.matchAll(/lavfi\.scd\.score:\s*([\d.]+),\s*lavfi\.scd\.time:\s*([\d.]+)/g)].map((m) => ({ score: Number(m[1]), atS: Number(m[2]) }));
  return { black, frozen, cuts };
}

const near = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol;
const inside = (i: Interval, outer: Interval[]) => outer.some((o) => i.startS >= o.startS - 0.05 && i.endS <= o.endS + 0.05);
const where = (i: Interval, durationS: number) =>
  i.startS <= 0.05
    ? `for the first ${fmt(i.endS)}`
    : i.endS >= durationS - 0.05
      ? `for the last ${fmt(durationS - i.startS)}`
      : `from ${fmt(i.startS)} to ${fmt(i.endS)}`;

export function judgeBlack(a: Analysis, durationS: number): QcResult {
  if (a.black.length === 0) return result('black_frames', true, 'No black frames.');
  return result('black_frames', false, `Black ${a.black.map((i) => where(i, durationS)).join(', ')}.`, { intervals: a.black });
}

/** A black stretch is also "frozen"; it is reported once, as black. */
export function judgeFrozen(a: Analysis, durationS: number, stillExpected: boolean): QcResult {
  const frozen = a.frozen.filter((i) => !inside(i, a.black));
  if (frozen.length === 0) return result('frozen', true, 'No frozen stretches.');
  const whole = frozen.some((i) => i.startS <= 0.05 && i.endS >= durationS - 0.05);
  if (whole && stillExpected) return result('frozen', true, 'A still with no camera move, as asked.', { intervals: frozen });
  if (whole) return result('frozen', false, 'The picture never moves: the whole take is one frame.', { intervals: frozen });
  return result('frozen', false, `Frozen ${frozen.map((i) => where(i, durationS)).join(', ')}.`, { intervals: frozen });
}

/** A jump into or out of black is already the black check's finding. */
export function judgeCuts(a: Analysis): QcResult {
  const edges = a.black.flatMap((i) => [i.startS, i.endS]);
  const cuts = a.cuts.filter((c) => c.score >= QC_TUNING.cutScore && !edges.some((e) => near(e, c.atS, 0.1)));
  if (cuts.length === 0) return result('hard_cuts', true, 'One continuous shot.');
  const times = cuts.map((c) => fmt(c.atS)).join(', ');
  return result(
    'hard_cuts',
    false,
    `${cuts.length === 1 ? 'A hard cut' : `${cuts.length} hard cuts`} inside the take at ${times}: trim around ${cuts.length === 1 ? 'it' : 'them'}.`,
    { cuts },
  );
}

export function judgeAudio(hasAudio: boolean, exp: Pick<QcExpectations, 'audioPromised' | 'modelName'>): QcResult {
  if (hasAudio) return result('audio', true, 'Has an audio track.', { hasAudio });
  if (exp.audioPromised) return result('audio', false, `No audio track, though ${exp.modelName} makes sound.`, { hasAudio });
  return result('audio', true, 'No audio (the model makes none).', { hasAudio });
}

/** One decode pass with the three detectors, on a small copy of each frame (the detectors do not need detail). */
export async function analyse(file: string, durationS: number, signal?: AbortSignal): Promise<Analysis> {
  const filters = [
    'scale=320:-2',
    `blackdetect=d=${QC_TUNING.blackMinS}:pix_th=0.10`,
    `freezedetect=n=${QC_TUNING.frozenNoiseDb}dB:d=${QC_TUNING.frozenMinS}`,
    'scdet=threshold=10',
  ].join(',');
  let log = '';
  await runFfmpeg(['-i', file, '-map', '0:v:0', '-vf', filters, '-an', '-sn', '-f', 'null', '-'], {
    signal,
    logLevel: 'info',
    onStderr: (t) => {
      log += t;
    },
  });
  return parseAnalysis(log, durationS);
}

/** Every check, in QC_CHECKS order. Rejects only when ffmpeg cannot read the file at all (or on abort). */
export async function runQc(file: string, exp: QcExpectations, opts: { signal?: AbortSignal; probe?: ProbeResult } = {}): Promise<QcResult[]> {
  // The engine has just probed the download to check it, with its packet times: reuse that rather than start ffprobe again.
  const probe = opts.probe ?? (await ffprobe(file, { signal: opts.signal }));
  const [times, analysis] = await Promise.all([probe.packetTimes ?? packetTimes(file, opts.signal), analyse(file, probe.durationS, opts.signal)]);
  return [
    judgeFrameRate(probe.fps, times, exp.fps),
    judgeDuration(probe.durationS, exp),
    judgeSize(probe.width, probe.height, exp),
    judgeBlack(analysis, probe.durationS),
    judgeFrozen(analysis, probe.durationS, exp.stillExpected),
    judgeCuts(analysis),
    judgeAudio(probe.hasAudio, exp),
  ];
}
