// Timeline maths at the project's fixed 24 fps. Frames are the unit of truth; seconds are
// converted once, rounding to the nearest frame, so sums of shots never drift.
export const TIMELINE_FPS = 24;
/** Record timecode of the first frame of the cut, the broadcast convention Resolve uses. */
export const TIMELINE_START_FRAMES = 60 * 60 * TIMELINE_FPS;

export function secondsToFrames(seconds: number, fps = TIMELINE_FPS): number {
  return Math.round(seconds * fps);
}

export function framesToTimecode(frames: number, fps = TIMELINE_FPS): string {
  const f = Math.max(0, Math.round(frames));
  const pad = (n: number) => String(n).padStart(2, '0');
  const ff = f % fps;
  const totalSeconds = Math.floor(f / fps);
  return `${pad(Math.floor(totalSeconds / 3600))}:${pad(Math.floor(totalSeconds / 60) % 60)}:${pad(totalSeconds % 60)}:${pad(ff)}`;
}

/** "01:00:05:12" → frames; null when it is not HH:MM:SS:FF (`;` accepted, read as non-drop: 24 fps has no DF). */
export function timecodeToFrames(timecode: string, fps = TIMELINE_FPS): number | null {
  const m = /^(\d{1,2})[:;](\d{2})[:;](\d{2})[:;](\d{2})$/.exec(timecode.trim());
  if (!m) return null;
  const [h, min, s, f] = m.slice(1).map(Number) as [number, number, number, number];
  if (min > 59 || s > 59 || f >= fps) return null;
  return ((h * 60 + min) * 60 + s) * fps + f;
}

/** Running time for people: "4:05" or "1:02:03". */
export function formatRunningTime(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor(s / 60) % 60;
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
