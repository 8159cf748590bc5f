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

/** Peaks a second the lanes draw: enough for a bed several minutes long drawn a few hundred pixels wide. */
export const PEAKS_PER_SECOND = 50;

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

/** What the cut plays for a shot: its take's own sound, its dialogue and effects, or both. */
export const SOUND_MODES = ['both', 'take', 'dialogue'] as const;
export type SoundMode = (typeof SOUND_MODES)[number];

/** A take of a spoken line or of a sound effect, as the lanes and the inspector list it. */
export interface AudioTake {
  id: string;
  /** Its number among the takes of that line or cue (1, 2, …). */
  number: number;
  /** Project-relative path of the audio file. */
  relPath: string;
  durationS: number;
  tool: string;
  createdAt: string;
  /** The user circled it (otherwise the newest take that is not rejected plays). */
  circled: boolean;
  rejected: boolean;
}

/** One spoken line of a shot and its audio. */
export interface LineSound {
  /** Its place in the shot's dialogue. */
  index: number;
  /** The line's key (shared/domain/lines.ts): takes follow it through reorders. */
  key: string;
  speaker: string;
  text: string;
  /** Where it starts inside the shot: its own offset, else right after the line before. */
  startS: number;
  /** The offset the user set, or null (placed after the line before). */
  offsetS: number | null;
  /** The take that plays: the circled one, else the newest not rejected; null before any. */
  take: AudioTake | null;
  takes: AudioTake[];
}

/** A sound-effect cue on a shot: what to make, how long, where it starts in the shot. */
export interface SfxCue {
  id: string;
  shotId: string;
  text: string;
  seconds: number;
  offsetS: number;
  gainDb: number;
  take: AudioTake | null;
  takes: AudioTake[];
}

/** A shot's sound as the player, the card and the inspector show it. */
export interface ShotSound {
  shotId: string;
  mode: SoundMode;
  lines: LineSound[];
  cues: SfxCue[];
  /** How far the last spoken line runs past the end of the shot (0 when it fits). */
  overrunS: number;
  /** The next duration the shot's tool accepts that holds every line; null when it fits or no duration does. */
  fixDurationS: number | null;
}

/** An ElevenLabs voice as `GET /v1/voices` lists it. */
export interface VoiceOption {
  voiceId: string;
  name: string;
  category: string | null;
  /** The voice's sample (an https URL at ElevenLabs), or null. */
  previewUrl: string | null;
  labels: Record<string, string>;
}
