// The cut as the Resolve export writes it: a small, explicit model that every writer (FCPXML,
// EDL, OTIO, CSV, PDF) reads, plus the pure rules that give each media file its name and its
// embedded start timecode. Frames at TIMELINE_FPS are the unit everywhere (timecode.ts).
import { TIMELINE_FPS } from './timecode';
import { splitTool, type AspectRatio, type CameraMove, type Tier, type ToolId } from './types';
import { unreserved } from './filenames';
import { parseLabel } from './labels';
import type { ShotListFields } from './shotList';

export type MediaFolder = 'Media' | 'Placeholders' | 'Alternates';

/** One media file of the export. */
export interface ClipMedia {
  /** ASCII only and unique in the export (docs/resolve.md, Media URLs: Resolve does not decode non-ASCII URLs). */
  fileName: string;
  folder: MediaFolder;
  /** Absolute path inside the finished export folder: what the timeline files reference. */
  path: string;
  /** What the file is made from: a conformed take to copy, or the still a placeholder is rendered from. */
  sourcePath: string;
  /** Length of the whole file; what lies outside a clip's trim is its handles. */
  durationFrames: number;
  /** The file's embedded start timecode (see assignSourceTimecodes). */
  startTimecodeFrames: number;
  hasAudio: boolean;
}

export interface ExportAlternate {
  take: number;
  tool: ToolId;
  media: ClipMedia;
}

export interface ExportClip {
  /** 0-based position in the cut. */
  index: number;
  shotId: string;
  sceneNumber: number;
  /** The shot label ("1A"): the clip name in every timeline file and the marker name. */
  label: string;
  /** The selected take's number; null when the shot has no take and `media` is a placeholder. */
  take: number | null;
  media: ClipMedia;
  /** Trim in frames from the file's first frame, out exclusive. */
  sourceInFrames: number;
  sourceOutFrames: number;
  /** Absolute timeline frames (the cut starts at ExportCut.startTimecodeFrames), out exclusive. */
  recordInFrames: number;
  recordOutFrames: number;
  action: string;
  /** The prompt the tool was (or would be) sent. */
  prompt: string;
  dialogue: string;
  tool: ToolId;
  tier: Tier;
  camera: CameraMove;
  /** The shot list's columns, for the metadata CSV and the storyboard. */
  list: ShotListFields;
  alternates: ExportAlternate[];
  /** The take's own sound stays on the clip but silenced: the shot's sound mode plays its dialogue and effects only. */
  takeSoundOff?: boolean;
}

/** The sound lanes under the picture, in order, and the FCPXML lane each is connected on. */
export const AUDIO_LANES = ['dialogue', 'effects', 'music'] as const;
export type AudioLane = (typeof AUDIO_LANES)[number];
export const FCPXML_AUDIO_LANE: Record<AudioLane, number> = { dialogue: -1, effects: -2, music: -3 };

/**
 * A piece of sound in Audio/: a 48 kHz 24-bit WAV of exactly what plays (its trim, level and
 * fades rendered in, since Resolve's FCPXML import drops volume given in dB).
 */
export interface ExportAudio {
  fileName: string;
  /** Absolute path in the finished export's Audio/ folder. */
  path: string;
  lane: AudioLane;
  /** As the user knows it: the music file's name, "1A line 2"… */
  name: string;
  /** Absolute timeline frames where it starts. */
  recordInFrames: number;
  /** The file's length, all of which plays. */
  durationFrames: number;
  /** What the file is rendered from. */
  source: { path: string; inS: number; lengthS: number; gainDb: number; fadeInS: number; fadeOutS: number };
}

/** A library image copied to References/. */
export interface ExportReference {
  fileName: string;
  sourcePath: string;
  path: string;
}

export interface ExportCut {
  title: string;
  /** The script's credits ("Written by\nAna Ruiz"), printed on the storyboard cover. */
  credits: string;
  fps: typeof TIMELINE_FPS;
  width: number;
  height: number;
  aspectRatio: AspectRatio;
  /** Record timecode of the first frame: 01:00:00:00 (docs/resolve.md, Time values). */
  startTimecodeFrames: number;
  clips: ExportClip[];
  references: ExportReference[];
  /** Sound on its own lanes (music beds); absent or empty when the cut has none. */
  audio?: ExportAudio[];
}

/** Every media file of the cut, main clips first. */
export function cutMedia(cut: ExportCut): ClipMedia[] {
  return [...cut.clips.map((c) => c.media), ...cut.clips.flatMap((c) => c.alternates.map((a) => a.media))];
}

// ---- Embedded source timecodes -----------------------------------------------------------------
// Resolve conforms an EDL by source timecode alone (docs/resolve.md, CMX3600 EDL: "file names are never used"),
// and links FCPXML clips by timecode extents. AI clips all start at 00:00:00:00, so each
// file is stamped with its own start: the first at 02:00:00:00 (clear of the 01:00:00:00 record
// timecodes and of 00:00:00:00, where files without a timecode sit), each next one at the first
// whole minute after the previous file ends — clip n of the cut reads 02:0n:00:00. When that grid
// cannot fit every file before 24:00:00:00 (more than ~1,300 files), whole seconds are used.

export const SOURCE_TIMECODE_START_FRAMES = 2 * 3600 * TIMELINE_FPS;
const DAY_FRAMES = 24 * 3600 * TIMELINE_FPS;

/** Start timecode (frames) for files of these lengths, in order; null when they cannot fit in a day. */
export function assignSourceTimecodes(durationsFrames: readonly number[]): number[] | null {
  for (const grid of [60 * TIMELINE_FPS, TIMELINE_FPS]) {
    const starts: number[] = [];
    let next = SOURCE_TIMECODE_START_FRAMES;
    for (const duration of durationsFrames) {
      starts.push(next);
      next = Math.ceil((next + Math.max(1, duration)) / grid) * grid;
    }
    if (next <= DAY_FRAMES) return starts;
  }
  return null;
}

// ---- Names --------------------------------------------------------------------------------------

const TYPOGRAPHY: Record<string, string> = { '‘': "'", '’': "'", '“': '"', '”': '"', '–': '-', '—': '-', '…': '...', ' ': ' ' };

/** One line of printable ASCII for formats that are ASCII (CMX3600 EDL): accents and controls dropped, other letters → "?". */
export function asciiText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’“”–—… ]/g, (c) => TYPOGRAPHY[c] ?? c)
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[\x00-\x1f\x7f]/g, '')
    .replace(/[^\x20-\x7e]/g, '?');
}

/** `[A-Za-z0-9_-]` only, words joined by "_": a name safe in any OS, URL, reel pattern or EDL. */
export function asciiName(text: string): string {
  return asciiText(text)
    .replace(/[^A-Za-z0-9-]+/g, '_')
    .replace(/^[_-]+|[_-]+$/g, '');
}

/** The title as it appears in the export's folder and file names (ASCII: it is part of every media path). */
export function exportTitleStem(title: string): string {
  return unreserved(
    asciiName(title)
      .slice(0, 60)
      .replace(/[_-]+$/, '') || 'Film',
  );
}

/** "A" → 1, "Z" → 26, "AA" → 27: the inverse of labels.ts `letters`, 1-based. */
function letterIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * "1A" → "SC01_SH010", "1B" → "SC01_SH020", "12AA" → "SC12_SH270": the slate convention of shots
 * numbered in tens. A label the user typed in another form keeps its scene and an ASCII form of
 * itself ("Intro" in scene 3 → "SC03_SH_Intro").
 */
export function shotCode(label: string, sceneNumber: number): string {
  const parsed = parseLabel(label);
  if (parsed) return `SC${pad(parsed.scene, 2)}_SH${pad(letterIndex(parsed.letters) * 10, 3)}`;
  return `SC${pad(sceneNumber, 2)}_SH_${asciiName(label) || 'X'}`;
}

/** `SC01_SH010_T02_runway.mp4` (scene, shot, take, provider) or `SC01_SH030_PH.mp4` for a placeholder. */
export function mediaFileName(shot: { label: string; sceneNumber: number }, take: { number: number; tool: ToolId } | null, ext = '.mp4'): string {
  const code = shotCode(shot.label, shot.sceneNumber);
  if (!take) return `${code}_PH${ext}`;
  const provider = asciiName(splitTool(take.tool).provider).toLowerCase() || 'tool';
  return `${code}_T${pad(take.number, 2)}_${provider}${ext}`;
}

/** The take number in one of our media file names (`…_T02_…`), null for placeholders and others. */
export function takeFromFileName(fileName: string): number | null {
  const m = /_T(\d+)(?:_|\.|$)/.exec(fileName);
  return m ? Number(m[1]) : null;
}

/** `name` unless taken, else `name_2`, `name_3` … before the extension; records the result in `taken`. */
export function uniqueFileName(name: string, taken: Set<string>): string {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  let out = name;
  for (let i = 2; taken.has(out.toLowerCase()); i++) out = `${stem}_${i}${ext}`;
  taken.add(out.toLowerCase());
  return out;
}

// ---- Round trip: what an edit exported back from Resolve changed -------------------------------

export interface CutDiffShot {
  shotId: string;
  label: string;
}

export interface CutDiff {
  /** Known shots in the edit's order (first appearance). */
  order: string[];
  /** Shots whose place among the shots still in the edit changed (0-based indexes among those). */
  reordered: Array<CutDiffShot & { from: number; to: number }>;
  /** Shots trimmed (negative delta) or lengthened; seconds are frames / 24. */
  durations: Array<CutDiffShot & { beforeFrames: number; afterFrames: number; deltaFrames: number; deltaSeconds: number }>;
  /** Shots no clip of the edit refers to. Never deleted without asking. */
  removed: CutDiffShot[];
  /** Clips of the edit that match no shot (0-based position among the edit's clips). */
  unknown: Array<{ position: number; name: string; fileName: string | null; durationFrames: number }>;
  /** Shots the editor cut with a different take than the selected one (e.g. from Alternates/). */
  takeChanged: Array<CutDiffShot & { before: number | null; after: number }>;
  /** A shot used again further on: only its first use counts for order and duration. */
  repeated: Array<CutDiffShot & { position: number }>;
}
