// Transport maths: frame steps, edit-to-edit moves and the I/O loop range. Frames are record
// frames from the first frame of the cut; `total` is the cut's length (last frame = total − 1).
import { itemIndexAt, type PlayItem } from './items';

export function clampFrame(frame: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(Math.max(0, Math.round(frame)), total - 1);
}

export function stepFrame(frame: number, delta: number, total: number): number {
  return clampFrame(frame + delta, total);
}

/** Up arrow: the start of the shot under the playhead, or of the one before when already there. */
export function previousEdit(items: readonly PlayItem[], frame: number): number {
  const i = itemIndexAt(items, frame);
  if (i < 0) return 0;
  const item = items[i]!;
  if (frame > item.recordIn) return item.recordIn;
  return items[Math.max(0, i - 1)]!.recordIn;
}

/** Down arrow: the start of the next shot; the last frame when there is none. */
export function nextEdit(items: readonly PlayItem[], frame: number): number {
  const i = itemIndexAt(items, frame);
  if (i < 0) return 0;
  const next = items[i + 1];
  return next ? next.recordIn : items[i]!.recordOut - 1;
}

// ---- Loop range -------------------------------------------------------------------------------
// I marks the frame under the playhead as the first of the range, O as the last (so `out` is
// stored exclusive, one past it). Marking one side past the other drops the other side, as in
// an NLE. Either side alone loops to or from the cut's end.

export interface LoopRange {
  in: number | null;
  /** Exclusive. */
  out: number | null;
}

export const NO_LOOP: LoopRange = { in: null, out: null };

export function markIn(loop: LoopRange, frame: number): LoopRange {
  return { in: frame, out: loop.out !== null && loop.out <= frame ? null : loop.out };
}

export function markOut(loop: LoopRange, frame: number): LoopRange {
  return { in: loop.in !== null && loop.in > frame ? null : loop.in, out: frame + 1 };
}

export function hasLoop(loop: LoopRange): boolean {
  return loop.in !== null || loop.out !== null;
}

/** The frames playback stays within: the loop when one is marked, else the whole cut. */
export function playRange(loop: LoopRange, total: number): { start: number; end: number } {
  const start = Math.min(Math.max(0, loop.in ?? 0), Math.max(0, total - 1));
  const end = Math.max(start + 1, Math.min(total, loop.out ?? total));
  return { start, end };
}

/** Where play starts from `frame`: inside the range as is; outside it, the range's start. */
export function playStart(frame: number, loop: LoopRange, total: number, rate = 1): number {
  const { start, end } = playRange(loop, total);
  if (frame >= start && frame < end) {
    // Playing forward from the very last frame starts over, like every player does.
    if (rate > 0 && frame === end - 1 && !hasLoop(loop)) return start;
    return frame;
  }
  return rate < 0 ? end - 1 : start;
}

/**
 * Where playback goes once the playhead reaches `frame` (moving with `rate`): the same frame,
 * the loop's other end when looping, or null when it must stop at the cut's edge.
 */
export function wrapFrame(frame: number, rate: number, loop: LoopRange, total: number): number | null {
  const { start, end } = playRange(loop, total);
  const looping = hasLoop(loop);
  if (rate > 0 && frame >= end) return looping ? start : null;
  if (rate < 0 && frame < start) return looping ? end - 1 : null;
  return frame;
}
