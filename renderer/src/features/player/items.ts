// The cut as the player walks it: one item per shot, in order, with record frames counted from
// the first frame of the cut (frame 0 shows as 01:00:00:00). Pure: the engine and the tests
// share it, and a 500-shot cut is searched by bisection, never scanned per frame.
import type { PlaybackClip } from '../../../../shared/domain/playback';
import { TIMELINE_FPS } from '../../../../shared/domain/timecode';

export interface PlayVideo {
  /** URL the <video> element loads. */
  src: string;
  takeId: string;
  /** First frame used, in timeline frames (1/24 s) from the file's start: the trim in point. */
  sourceIn: number;
  /** Frames played from the file; fewer than the item's length means the rest holds the last frame. */
  playFrames: number;
}

export interface PlayStill {
  /** An image (start keyframe, first reference) or null for a title card. */
  src: string | null;
  title: string;
  detail: string;
}

export interface PlayItem {
  shotId: string;
  label: string;
  /** Record in, frames from the start of the cut. */
  recordIn: number;
  /** Record out, exclusive. */
  recordOut: number;
  video: PlayVideo | null;
  still: PlayStill;
  /** What the core said about this shot's clip (source, fit, mismatch), for the overlay. */
  clip?: PlaybackClip;
}

/** Index of the item that shows `frame`; the last one past the end, -1 for an empty cut. */
export function itemIndexAt(items: readonly PlayItem[], frame: number): number {
  let lo = 0;
  let hi = items.length - 1;
  if (hi < 0) return -1;
  if (frame <= 0) return 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (items[mid]!.recordIn <= frame) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function totalFrames(items: readonly PlayItem[]): number {
  return items.length ? items[items.length - 1]!.recordOut : 0;
}

/** What the item shows at `frame`: a frame of its video, its held last frame, or its still. */
export type ItemFrame =
  { kind: 'video'; sourceFrame: number; local: number } | { kind: 'hold'; sourceFrame: number; local: number } | { kind: 'still'; local: number };

export function frameInItem(item: PlayItem, frame: number): ItemFrame {
  const local = Math.min(Math.max(0, frame - item.recordIn), item.recordOut - item.recordIn - 1);
  const v = item.video;
  if (!v || v.playFrames <= 0) return { kind: 'still', local };
  if (local < v.playFrames) return { kind: 'video', sourceFrame: v.sourceIn + local, local };
  return { kind: 'hold', sourceFrame: v.sourceIn + v.playFrames - 1, local };
}

/**
 * Media time to seek to for a timeline frame of a file. A hair past the frame's start so the
 * decoder never lands on the frame before through float rounding, whatever the file's rate.
 */
export function frameToMediaTime(sourceFrame: number): number {
  return (sourceFrame + 0.02) / TIMELINE_FPS;
}

/** The timeline frame a presented media time belongs to (the inverse of frameToMediaTime). */
export function mediaTimeToFrame(mediaTime: number): number {
  return Math.floor(mediaTime * TIMELINE_FPS + 1e-3);
}

/** Record frame the playhead is at while `item`'s video presents `mediaTime`. */
export function recordFrameFromMedia(item: PlayItem, mediaTime: number): number {
  const v = item.video;
  if (!v) return item.recordIn;
  const local = mediaTimeToFrame(mediaTime) - v.sourceIn;
  return item.recordIn + Math.min(Math.max(0, local), v.playFrames - 1);
}
