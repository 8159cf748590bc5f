// Moving and trimming a music bed on its lane, as patches for `music.update`. Times snap to the
// timeline's frames (1/24 s) so a bed starts where a picture frame does; a bed never starts
// before the cut, never reads before its file's start or past its end, and keeps a few frames.
import { TIMELINE_FPS } from '../../../../shared/domain/timecode';
import type { MusicBed } from '../../../../shared/domain/sound';

/** The shortest bed a trim leaves: three frames, still something to grab. */
export const MIN_BED_S = 3 / TIMELINE_FPS;

export type BedPatch = Partial<Pick<MusicBed, 'atS' | 'trimInS' | 'lengthS' | 'gainDb' | 'fadeInS' | 'fadeOutS'>>;

/** `s` on the nearest frame. */
export function snapS(s: number): number {
  return Math.round(s * TIMELINE_FPS) / TIMELINE_FPS;
}

/** Rounds away float noise (0.1 + 0.2) so the core stores what the user saw. */
function tidy(s: number): number {
  return Math.round(s * 1e6) / 1e6;
}

/** Dragged by its body `ds` seconds: a new start on a frame, never before the cut. */
export function moveBed(bed: MusicBed, ds: number): BedPatch {
  return { atS: tidy(Math.max(0, snapS(bed.atS + ds))) };
}

/** Left edge dragged `ds` seconds: the start moves, the file is read from further in (or less far), the end stays. */
export function trimStart(bed: MusicBed, ds: number): BedPatch {
  const end = bed.atS + bed.lengthS;
  // Back no further than the file's start or the cut's (exactly there, even off a frame); forward to the shortest bed.
  const earliest = Math.max(bed.atS - bed.trimInS, 0);
  const at = Math.min(Math.max(snapS(bed.atS + ds), earliest), end - MIN_BED_S);
  const d = at - bed.atS;
  return { atS: tidy(bed.atS + d), trimInS: tidy(Math.max(0, bed.trimInS + d)), lengthS: tidy(bed.lengthS - d) };
}

/** Right edge dragged `ds` seconds: ends on a frame, no shorter than the shortest bed, no longer than the file. */
export function trimEnd(bed: MusicBed, ds: number): BedPatch {
  const longest = bed.sourceS - bed.trimInS;
  const end = snapS(bed.atS + bed.lengthS + ds);
  return { lengthS: tidy(Math.min(longest, Math.max(MIN_BED_S, end - bed.atS))) };
}

/** A bed with a patch applied, to draw a drag before the core has it. */
export function patched(bed: MusicBed, patch: BedPatch | null | undefined): MusicBed {
  return patch ? { ...bed, ...patch } : bed;
}

/** Fades that fit the bed: each at most its length, together never crossing. */
export function fitFades(bed: MusicBed, fadeInS: number, fadeOutS: number): { fadeInS: number; fadeOutS: number } {
  const fin = Math.min(Math.max(0, fadeInS), bed.lengthS);
  return { fadeInS: tidy(fin), fadeOutS: tidy(Math.min(Math.max(0, fadeOutS), bed.lengthS - fin)) };
}
