// One clock for a side-by-side compare: the clock says where every take should be; each video
// is nudged toward it. Small drift is absorbed by a slightly faster or slower rate (no visible
// jump); large drift (a stall, a seek) is corrected by seeking.

export const SEEK_DRIFT_S = 0.25;
export const IGNORE_DRIFT_S = 1 / 48;

/** Clock time `elapsedMs` after it started at `fromS`, looping over `lengthS` if asked. */
export function clockTime(fromS: number, elapsedMs: number, lengthS: number, loop: boolean): number {
  const t = fromS + elapsedMs / 1000;
  if (lengthS <= 0) return 0;
  if (loop) return t % lengthS;
  return Math.min(t, lengthS);
}

/**
 * What a video at `videoS` (of `durationS`) should do when the clock says `clockS`: past its end
 * it holds its last frame; otherwise a rate nudge or a seek.
 */
export function correction(clockS: number, videoS: number, durationS: number): { seekTo: number | null; rate: number; ended: boolean } {
  if (clockS >= durationS) return { seekTo: videoS < durationS - 0.05 ? durationS : null, rate: 1, ended: true };
  const drift = clockS - videoS;
  if (Math.abs(drift) > SEEK_DRIFT_S) return { seekTo: clockS, rate: 1, ended: false };
  if (Math.abs(drift) <= IGNORE_DRIFT_S) return { seekTo: null, rate: 1, ended: false };
  // Catch up over about half a second, never faster than ±10 %.
  return { seekTo: null, rate: Math.min(1.1, Math.max(0.9, 1 + drift * 2)), ended: false };
}
