// What the player schedules for the music beds from a playhead position: which beds still have
// something to play, when each starts (from now), where in its file, for how long, and its gain
// over time (level × fades × the duck under dialogue) as points the Web Audio gain ramps between.
// Pure: the engine's Web Audio code (musicAudio.ts) only carries it out.
import { DUCK_RAMP_S, duckGainAt, mergeIntervals, type Interval, type MusicBed } from '../../../../shared/domain/sound';

export type BedSource = Pick<MusicBed, 'id' | 'atS' | 'trimInS' | 'lengthS' | 'gainDb' | 'fadeInS' | 'fadeOutS'> & { url: string };

export interface GainPoint {
  /** Seconds from now (schedule) or on the timeline (envelope). */
  t: number;
  gain: number;
}

export interface ScheduledBed {
  id: string;
  url: string;
  /** Seconds from now until it sounds (0: at once). */
  startIn: number;
  /** Where in the file it starts, seconds. */
  offsetS: number;
  durationS: number;
  /** Gain points, seconds from now, in order; the first is at 0 or `startIn`. */
  envelope: GainPoint[];
}

export interface MixSettings {
  /** Where dialogue sounds, timeline seconds: the music ducks under it. None yet (voices come later). */
  speech: readonly Interval[];
  duckDb: number;
}

/** Level × fade in × fade out at timeline second `t` (no duck). */
function bedGainAt(bed: BedSource, t: number): number {
  const local = t - bed.atS;
  const level = 10 ** (bed.gainDb / 20);
  const fin = bed.fadeInS > 0 ? Math.min(1, Math.max(0, local / bed.fadeInS)) : 1;
  const fout = bed.fadeOutS > 0 ? Math.min(1, Math.max(0, (bed.lengthS - local) / bed.fadeOutS)) : 1;
  return level * fin * fout;
}

/**
 * The bed's gain over its length on the timeline, as points to ramp between linearly: at its
 * ends, where fades end and begin, and at each corner of a duck (the ramp into and out of it).
 */
export function bedEnvelope(bed: BedSource, mix: MixSettings): GainPoint[] {
  const start = bed.atS;
  const end = bed.atS + bed.lengthS;
  const times = new Set<number>([start, end, start + bed.fadeInS, end - bed.fadeOutS]);
  if (mix.duckDb > 0) {
    for (const i of mergeIntervals(mix.speech)) for (const t of [i.startS - DUCK_RAMP_S, i.startS, i.endS, i.endS + DUCK_RAMP_S]) times.add(t);
  }
  return [...times]
    .filter((t) => t >= start && t <= end)
    .sort((a, b) => a - b)
    .map((t) => ({ t, gain: round(bedGainAt(bed, t) * (mix.duckDb > 0 ? duckGainAt(mix.speech, mix.duckDb, t) : 1)) }));
}

/** The envelope from timeline second `from` on, as seconds after it; the first point is its value at `from`. */
function envelopeFrom(points: GainPoint[], from: number): GainPoint[] {
  const later = points.filter((p) => p.t > from);
  const before = points.filter((p) => p.t <= from).at(-1);
  const next = later[0];
  let first = before?.gain ?? next?.gain ?? 0;
  if (before && next && next.t > before.t) first = before.gain + ((next.gain - before.gain) * (from - before.t)) / (next.t - before.t);
  return [{ t: 0, gain: round(first) }, ...later.map((p) => ({ t: round(p.t - from), gain: p.gain }))];
}

/** Every bed that has something left to play from `positionS` on, ready to start. */
export function scheduleBeds(beds: readonly BedSource[], positionS: number, mix: MixSettings): ScheduledBed[] {
  const out: ScheduledBed[] = [];
  for (const bed of beds) {
    const end = bed.atS + bed.lengthS;
    if (end <= positionS + 1e-6 || bed.lengthS <= 0) continue;
    const from = Math.max(bed.atS, positionS);
    const startIn = from - positionS;
    const envelope = envelopeFrom(bedEnvelope(bed, mix), from).map((p) => ({ t: round(p.t + startIn), gain: p.gain }));
    out.push({ id: bed.id, url: bed.url, startIn: round(startIn), offsetS: round(bed.trimInS + (from - bed.atS)), durationS: round(end - from), envelope });
  }
  return out;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
