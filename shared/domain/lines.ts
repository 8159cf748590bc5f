// Spoken lines as sound: which line a piece of audio belongs to, and where each line of a shot
// starts once its audio exists. Pure rules shared by the core (jobs, mix, export) and the UI.
import { defaultTier, durationsAt, getModel, tierFor } from '../catalog';
import type { DialogueLine } from './dialogue';
import type { Shot } from './types';

/**
 * A line's identity for its audio: who says it and the words, with a count for repeats in the
 * same shot. Reordering lines keeps their audio; changing the words asks for new audio (the old
 * one says the old words).
 */
export function lineKeys(lines: readonly DialogueLine[]): string[] {
  const seen = new Map<string, number>();
  return lines.map((l) => {
    const base = `${l.speaker.trim().toUpperCase()}|${l.text.trim()}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return `${hash(base)}:${n}`;
  });
}

/** A short, stable hash (FNV-1a, 32 bits) as hex: keys stay readable in the db and in JSON. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The breath between two lines of the same shot when neither says where it starts. */
export const LINE_GAP_S = 0.25;

/**
 * Where each line starts inside its shot: its own offset where it has one, else right after the
 * line before (plus a breath), the first at the shot's first frame. `durations` are the lines'
 * audio lengths (null: no audio yet, so it takes no time).
 */
export function lineStarts(offsets: ReadonlyArray<number | null | undefined>, durations: ReadonlyArray<number | null>): number[] {
  const starts: number[] = [];
  let next = 0;
  offsets.forEach((offset, i) => {
    const start = offset ?? next;
    starts.push(start);
    const length = durations[i] ?? 0;
    next = start + length + (length > 0 ? LINE_GAP_S : 0);
  });
  return starts;
}

/** Where the last spoken line ends inside its shot, in seconds (0 with no audio). */
export function linesEndS(starts: readonly number[], durations: ReadonlyArray<number | null>): number {
  return Math.max(0, ...starts.map((s, i) => s + (durations[i] ?? 0)));
}

/** How far the last spoken line runs past the end of the shot, in seconds (0 when it fits). */
export function overrunS(starts: readonly number[], durations: ReadonlyArray<number | null>, shotS: number): number {
  return Math.max(0, Math.round((linesEndS(starts, durations) - shotS) * 100) / 100);
}

/**
 * The shortest duration the shot's tool accepts (at the shot's resolution, as validation reads it)
 * that holds lines ending at `endS`; null when they already fit, or when no duration is that long
 * (the shot needs splitting or another tool).
 */
export function fixDurationS(shot: Pick<Shot, 'tool' | 'resolution' | 'durationS'>, endS: number): number | null {
  // Hundredths, as overrunS rounds: a line ending a rounding error past the cut is not an overrun.
  const end = Math.round(endS * 100) / 100;
  if (end <= shot.durationS) return null;
  const spec = getModel(shot.tool);
  if (!spec) return null;
  const durations = durationsAt(spec, tierFor(spec, shot.resolution) ?? defaultTier(spec));
  return durations.find((d) => d >= end - 1e-9) ?? null;
}
