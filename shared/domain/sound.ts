// Sound on the cut: music beds on their lane, and how dialogue ducks them. Pure rules (placement,
// ducking envelope) shared by the animatic mix, the player and the export.

/** How far dialogue pulls the music down, by default. */
export const DEFAULT_DUCK_DB = 10;
/** Ramp into and out of a duck, in seconds: short enough to follow speech, long enough not to click. */
export const DUCK_RAMP_S = 0.15;

export const MUSIC_EXTENSIONS = ['wav', 'aif', 'aiff', 'mp3', 'aac', 'm4a', 'flac'] as const;

export interface MusicBed {
  id: string;
  name: string;
  /** Project-relative path of the stored file. */
  relPath: string;
  /** Where it starts on the timeline, in seconds from the first frame of the cut. */
  atS: number;
  /** Where in the file it starts. */
  trimInS: number;
  /** How long it plays. */
  lengthS: number;
  /** The file's full length. */
  sourceS: number;
  gainDb: number;
  fadeInS: number;
  fadeOutS: number;
}

/** The peaks of a sound file for drawing: `perSecond` values a second, each the loudest sample of its slice (0–1). */
export interface Waveform {
  peaks: number[];
  perSecond: number;
  durationS: number;
}

export interface Interval {
  startS: number;
  endS: number;
}

/** Overlapping or touching intervals joined, in order. */
export function mergeIntervals(list: readonly Interval[]): Interval[] {
  const sorted = [...list].filter((i) => i.endS > i.startS).sort((a, b) => a.startS - b.startS);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out.at(-1);
    if (last && i.startS <= last.endS) last.endS = Math.max(last.endS, i.endS);
    else out.push({ ...i });
  }
  return out;
}

/** The music's gain over time while dialogue plays (1 = untouched), as an ffmpeg expression of `t`. */
export function duckExpression(speech: readonly Interval[], duckDb: number, rampS = DUCK_RAMP_S): string {
  const merged = mergeIntervals(speech);
  if (merged.length === 0 || duckDb <= 0) return '1';
  const low = 10 ** (-duckDb / 20);
  const r = rampS;
  // Each interval's depth: 0 outside, 1 inside, linear over the ramp either side.
  const depth = merged.map((i) => `clip((t-${fmt(i.startS - r)})/${fmt(r)},0,1)*clip((${fmt(i.endS + r)}-t)/${fmt(r)},0,1)`);
  const deepest = depth.reduce((acc, d) => `max(${acc},${d})`);
  return `1-${fmt(1 - low)}*${deepest}`;
}

/** The gain `duckExpression` gives at time `t` (for tests and the player's meter). */
export function duckGainAt(speech: readonly Interval[], duckDb: number, t: number, rampS = DUCK_RAMP_S): number {
  const low = 10 ** (-duckDb / 20);
  const clip = (x: number) => Math.min(1, Math.max(0, x));
  const depth = Math.max(0, ...mergeIntervals(speech).map((i) => clip((t - (i.startS - rampS)) / rampS) * clip((i.endS + rampS - t) / rampS)));
  return 1 - (1 - low) * depth;
}

function fmt(n: number): string {
  return String(Math.round(n * 1e6) / 1e6);
}
