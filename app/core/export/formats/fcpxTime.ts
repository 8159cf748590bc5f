// FCPXML time values: rational seconds, "N/Ds" or whole "Ns" (the DTD's header; docs/resolve.md, Time values).
// We write every value as a whole number of 24 fps frames over the 100/2400s frame duration the
// Resolve-tested template uses; we read any rational and round it to the nearest frame.
import { TIMELINE_FPS } from '../../../../shared/domain/timecode';

/** The sequence's frameDuration: one frame at 24 fps. */
export const FRAME_DURATION = '100/2400s';

export function fcpxTime(frames: number): string {
  if (!Number.isInteger(frames) || frames < 0) throw new Error(`FCPXML time needs whole frames, got ${frames}`);
  return frames % TIMELINE_FPS === 0 ? `${frames / TIMELINE_FPS}s` : `${frames * 100}/2400s`;
}

/** Frames at 24 fps for "3600s", "12000/2400s", "1001/24000s" …; null when it is not a time value. */
export function parseFcpxTime(value: string | undefined): number | null {
  const m = /^\s*(-?\d+)(?:\/(\d+))?s\s*$/.exec(value ?? '');
  if (!m) return null;
  const denominator = Number(m[2] ?? 1);
  if (denominator === 0) return null;
  return Math.round((Number(m[1]) * TIMELINE_FPS) / denominator);
}
