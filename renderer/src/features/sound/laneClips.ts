// The dialogue and effects lanes as clips on the cut's time: each shot's spoken lines and effect
// cues that have audio, placed at the shot's record in plus their start inside it, as the
// animatic mix places them (app/core/sound/lineAudio.ts). A shot set to play its take's own
// sound contributes none. Pure: the lanes draw these and the player schedules them.
import type { AudioTake, Interval, ShotSound } from '../../../../shared/domain/sound';
import { TIMELINE_FPS } from '../../../../shared/domain/timecode';
import type { PlayItem } from '../player/items';
import { snapS } from './edit';

export interface LaneClip {
  /** The line's key or the cue's id, with its shot: stable across refetches. */
  id: string;
  shotId: string;
  /** Line index in its shot, or null for an effect cue. */
  line: number | null;
  /** What the clip says: "MAYA: We're late." or the cue's text. */
  name: string;
  take: AudioTake;
  /** Every take of it, to pick from. */
  takes: AudioTake[];
  shotLabel: string;
  /** Timeline seconds from the cut's first frame. */
  atS: number;
  lengthS: number;
  gainDb: number;
  /** Its shot's place on the timeline, seconds: a drag keeps the clip inside it. */
  shotStartS: number;
  shotEndS: number;
}

export interface LanePlan {
  dialogue: LaneClip[];
  effects: LaneClip[];
  /** Where dialogue sounds, for the music to duck under. */
  speech: Interval[];
}

export function laneClips(items: readonly PlayItem[], sounds: Readonly<Record<string, ShotSound>> | undefined): LanePlan {
  const dialogue: LaneClip[] = [];
  const effects: LaneClip[] = [];
  for (const it of items) {
    const sound = sounds?.[it.shotId];
    if (!sound || sound.mode === 'take') continue;
    const shotStartS = it.recordIn / TIMELINE_FPS;
    const shotEndS = it.recordOut / TIMELINE_FPS;
    const place = { shotId: it.shotId, shotLabel: it.label, shotStartS, shotEndS };
    for (const l of sound.lines) {
      if (!l.take) continue;
      const name = `${l.speaker}: ${l.text}`;
      dialogue.push({
        ...place,
        id: `${it.shotId}|${l.key}`,
        line: l.index,
        name,
        take: l.take,
        takes: l.takes,
        atS: shotStartS + l.startS,
        lengthS: l.take.durationS,
        gainDb: 0,
      });
    }
    for (const c of sound.cues) {
      if (!c.take) continue;
      const lengthS = Math.min(c.take.durationS, c.seconds);
      effects.push({ ...place, id: c.id, line: null, name: c.text, take: c.take, takes: c.takes, atS: shotStartS + c.offsetS, lengthS, gainDb: c.gainDb });
    }
  }
  return { dialogue, effects, speech: dialogue.map((c) => ({ startS: c.atS, endS: c.atS + c.lengthS })) };
}

/**
 * A line clip dragged `ds` seconds: its new start inside its shot, on a frame, never before the
 * shot's first frame and never later than lets it end with the shot (a line longer than its shot
 * stays at the start).
 */
export function dragLineOffset(clip: LaneClip, ds: number): number {
  const latest = Math.max(0, clip.shotEndS - clip.shotStartS - clip.lengthS);
  const start = snapS(clip.atS - clip.shotStartS + ds);
  return Math.round(Math.min(latest, Math.max(0, start)) * 1e6) / 1e6;
}

/**
 * A row for each clip so that clips sharing a stretch of the lane (a line running past its shot
 * under the next shot's line) sit one above the other instead of hiding each other: the first
 * row whose last clip has ended. Rows are counted from 0; `rows` is how many there are.
 */
export function stackRows(clips: readonly Pick<LaneClip, 'atS' | 'lengthS'>[]): { row: number[]; rows: number } {
  const ends: number[] = [];
  const order = clips.map((_, i) => i).sort((a, b) => clips[a]!.atS - clips[b]!.atS);
  const row: number[] = new Array<number>(clips.length).fill(0);
  for (const i of order) {
    const c = clips[i]!;
    let r = ends.findIndex((end) => end <= c.atS + 1e-6);
    if (r === -1) r = ends.push(0) - 1;
    ends[r] = c.atS + c.lengthS;
    row[i] = r;
  }
  return { row, rows: Math.max(1, ends.length) };
}
