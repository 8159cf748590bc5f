// Reviewing takes: the reviewers' ratings, rejection, the automatic technical check,
// draft → final links, continuity and how a take fits its shot's planned length. Plain data for
// the contract, plus the pure rules about them (cost per usable second).
import type { TakeView } from './jobs';
import type { AspectRatio, ToolId } from './types';
import { ratioValue } from './focus';

/** The checks run on every take after download, in the order they are shown. */
export const QC_CHECKS = ['frame_rate', 'duration', 'resolution', 'black_frames', 'frozen', 'hard_cuts', 'audio'] as const;
export type QcCheck = (typeof QC_CHECKS)[number];

export const QC_LABELS: Record<QcCheck, string> = {
  frame_rate: 'Frame rate',
  duration: 'Duration',
  resolution: 'Size',
  black_frames: 'Black frames',
  frozen: 'Frozen frames',
  hard_cuts: 'Cuts inside',
  audio: 'Audio',
};

export interface QcResult {
  check: QcCheck;
  /** False shows a badge; nothing is ever deleted because of it. */
  ok: boolean;
  /** Plain words: what was found ("black for the first 0.50 s"), or what was expected and seen. */
  detail: string;
  /** The figures behind the verdict (fps, seconds, intervals), for tooltips and the CLI. */
  measured: Record<string, unknown>;
}

/** The three criteria reviewers score on, 1–5 each; null = not rated yet. */
export interface TakeRating {
  fidelity: number | null;
  consistency: number | null;
  adherence: number | null;
  notes: string;
}

export const EMPTY_RATING: TakeRating = { fidelity: null, consistency: null, adherence: null, notes: '' };

/** A take as the take browser shows it: the job engine's view plus its review and provenance. */
export interface TakeInfo extends TakeView {
  negativePrompt: string | null;
  /** What was sent besides the prompt (duration, ratio, resolution, camera, remote ids…). */
  params: Record<string, unknown>;
  /** Project-relative paths of the start frame and references the request carried. */
  startFrameRelPath: string | null;
  referenceRelPaths: string[];
  rating: TakeRating;
  /** Hidden from the strip and the cut, never deleted. */
  rejected: boolean;
  /** The shot's start keyframe changed (frame chaining) since this take was made. */
  continuityStale: boolean;
  /** For a final: the draft it was made from. */
  fromTakeId: string | null;
  /** null until the check has run (an old take, or one checked by an older build). */
  qc: QcResult[] | null;
  /** How many checks failed. */
  qcFailed: number;
}

/** One take in a shot card's thumbnail strip. */
export interface TakeChip {
  id: string;
  number: number;
  thumbRelPath: string | null;
  selected: boolean;
  rejected: boolean;
  continuityStale: boolean;
  qcFailed: number;
  durationS: number | null;
}

/** Per shot, for the timeline: its takes (rejected included, flagged) and the circled one. */
export interface ShotTakes {
  shotId: string;
  selectedTakeId: string | null;
  takes: TakeChip[];
  /** The circled storyboard frame (it is also the shot's start keyframe). */
  selectedFrameId: string | null;
  /** Storyboard frames, oldest first (rejected included, flagged). */
  frames: TakeChip[];
}

/**
 * How a take that is longer or shorter than its slot is fitted (chosen per shot):
 * trim — play from `trimInS`, cut at the planned length (hold the last frame if it runs out);
 * hold — play from the start, hold the last frame to fill the slot;
 * retime-plan — the plan follows the take: the shot's planned duration becomes the take's length.
 */
export const FIT_MODES = ['trim', 'hold', 'retime-plan'] as const;
export type FitMode = (typeof FIT_MODES)[number];

export interface ShotFit {
  shotId: string;
  /** null: not decided; plays as trim from the first frame. */
  mode: FitMode | null;
  trimInS: number;
}

/** What a final would be made with and cost, before it is queued. */
export interface FinalQuote {
  tool: ToolId;
  /** '' = the model's default. */
  resolution: string;
  estimateUsd: number;
  budgetUsd: number | null;
  /** Budget minus spent and on its way; null without a budget. */
  budgetLeftUsd: number | null;
}

export interface MakeFinalResult {
  jobId: string;
  tool: ToolId;
  estimateUsd: number;
}

/** Cost per usable second: money spent on a shot ÷ seconds of its selected take in the cut. */
export interface UsableCostLine {
  shotId: string;
  label: string;
  spentUsd: number;
  /** Seconds of the selected take that play in the cut (held frames do not count). */
  usableS: number;
  /** null when nothing of the shot is usable yet (no selected take). */
  usdPerUsableS: number | null;
}

export interface UsableCost {
  shots: UsableCostLine[];
  film: { spentUsd: number; usableS: number; usdPerUsableS: number | null };
}

/**
 * Pure: per shot and for the film. Every dollar counts for the film, including shots without a
 * circled take and `elsewhereUsd` (spent on shots since deleted): it is money the film cost.
 */
export function usableCost(lines: Array<Omit<UsableCostLine, 'usdPerUsableS'>>, elsewhereUsd = 0): UsableCost {
  const per = (spent: number, s: number) => (s > 0 ? spent / s : null);
  const shots = lines.map((l) => ({ ...l, usdPerUsableS: per(l.spentUsd, l.usableS) }));
  const spentUsd = lines.reduce((sum, l) => sum + l.spentUsd, elsewhereUsd);
  const usableS = lines.reduce((sum, l) => sum + l.usableS, 0);
  return { shots, film: { spentUsd, usableS, usdPerUsableS: per(spentUsd, usableS) } };
}

export interface AnimaticResult {
  path: string;
  /** copy: every clip already conformed, joined without re-encoding; encode: clips were conformed first. */
  mode: 'copy' | 'encode';
  durationS: number;
  frames: number;
}

export interface AnimaticProgress {
  renderId: string;
  /** 0–1 */
  fraction: number;
  /** What it is doing, in words ("Conforming 3A (4 of 12)"). */
  stage: string;
}

/** Takes whose picture is not `ratio` (within 1 %): a change of the project's frame leaves them to be letterboxed or cropped. */
export function takesOffFrame(takes: ReadonlyArray<{ width: number | null; height: number | null }>, ratio: AspectRatio): { off: number; wider: number } {
  const want = ratioValue(ratio);
  let off = 0;
  let wider = 0;
  for (const t of takes) {
    if (!t.width || !t.height) continue;
    const r = t.width / t.height;
    if (Math.abs(r / want - 1) <= 0.01) continue;
    off += 1;
    if (r > want) wider += 1;
  }
  return { off, wider };
}
