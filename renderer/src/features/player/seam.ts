// Seam scheduling: while an item plays forward, where it ends, what plays next (and from which
// frame, so it can be loaded and parked on that frame ahead of time), and how the outgoing
// clip's last frame and audio are timed so the cut lands on the frame without a gap or click.
import { TIMELINE_FPS } from '../../../../shared/domain/timecode';
import { itemIndexAt, type PlayItem } from './items';
import { playRange, hasLoop, type LoopRange } from './transport';

export const FRAME_MS = 1000 / TIMELINE_FPS;

export interface Seam {
  /** First record frame that no longer belongs to the playing stretch (exclusive end). */
  cutFrame: number;
  /** What plays after the cut; null at the end of the cut (playback stops). */
  next: { index: number; frame: number } | null;
  /** Last record frame the item's video presents before the rest is held (or the cut comes). */
  videoEnd: number | null;
}

/** The seam ahead of `index` when playing forward, honouring the loop range. */
export function seamAfter(items: readonly PlayItem[], index: number, loop: LoopRange, total: number): Seam {
  const item = items[index]!;
  const { start, end } = playRange(loop, total);
  const loopEndsHere = hasLoop(loop) && end > item.recordIn && end <= item.recordOut;
  const cutFrame = loopEndsHere ? end : item.recordOut;
  let next: Seam['next'] = null;
  if (loopEndsHere) next = { index: itemIndexAt(items, start), frame: start };
  else if (index + 1 < items.length) next = { index: index + 1, frame: items[index + 1]!.recordIn };
  const v = item.video;
  const videoEnd = v && v.playFrames > 0 ? Math.min(item.recordIn + v.playFrames, cutFrame) - 1 : null;
  return { cutFrame, next, videoEnd };
}

/**
 * When the outgoing clip's last frame is presented at `presentedAt` (ms, performance clock), the
 * incoming clip must show its first frame one frame later. The incoming clip is parked on that
 * frame and comes forward at once; a few ms of `startupMs` cover the timer's and the next
 * paint's lateness. The audio fade starts a little before and ends when the outgoing clip stops.
 */
export const STARTUP_MS = 6;

export function seamTiming(presentedAt: number, rate: number, startupMs = STARTUP_MS, fadeMs = 12): { startAt: number; fadeAt: number; fadeMs: number } {
  const frame = FRAME_MS / Math.max(1, Math.abs(rate));
  const startAt = presentedAt + Math.max(0, frame - startupMs);
  return { startAt, fadeAt: Math.max(presentedAt, startAt - fadeMs), fadeMs: Math.min(fadeMs, frame) };
}

/** Frames a wall clock has advanced `elapsedMs` after it started, at `rate` (negative = reverse). */
export function clockFrames(elapsedMs: number, rate: number): number {
  const f = (elapsedMs / FRAME_MS) * rate;
  return Math.trunc(f + Math.sign(rate) * 1e-6) || 0;
}
