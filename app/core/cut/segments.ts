// Conforming one clip of the cut to the timeline: 24 fps, the timeline's size (letterboxed or
// pillarboxed, never stretched), H.264 yuv420p, trimmed to its in point and held on its last
// frame to fill its slot, stills held for their length, an optional burned-in label and
// timecode. And the test for "already conforms", which lets the animatic copy instead.
import { TIMELINE_FPS } from '../../../shared/domain/timecode';
import type { PlaybackCut } from '../../../shared/domain/playback';
import type { AspectRatio } from '../../../shared/domain/types';
import { fitFilters, probeSource } from '../media/conform';
import type { SourceProbe } from '../media/sourceProbe';
import { animaticSize } from '../providers/local/sizes';

export interface Size {
  width: number;
  height: number;
}

export interface StreamFacts {
  codec: string | null;
  width: number | null;
  height: number | null;
  pixFmt: string | null;
  rFps: string | null;
  avgFps: string | null;
  timeBase: string | null;
  frames: number | null;
  sar: string | null;
  hasAudio: boolean;
}

/** The few stream facts stream-copying depends on, from the one source probe the export's conform uses too. */
export async function streamFacts(file: string, signal?: AbortSignal): Promise<StreamFacts> {
  return factsOf(await probeSource(file, signal));
}

export function factsOf(p: SourceProbe): StreamFacts {
  return {
    codec: p.codec,
    width: p.width,
    height: p.height,
    pixFmt: p.pixFmt,
    rFps: p.rFrameRate,
    avgFps: p.avgFrameRate,
    timeBase: p.timeBase,
    frames: p.frames,
    sar: p.sar,
    hasAudio: !!p.audio,
  };
}

/** Timescale every segment we encode is written with, so they join without re-timing. */
export const SEGMENT_TIMESCALE = 12288;

/**
 * Why a take cannot be copied as it is (null: it can). Copying joins the files' packets, so
 * every one must already be what the animatic is, down to the time base; and the clip must play
 * the whole take, with nothing trimmed or held.
 */
export function copyRefusal(
  f: StreamFacts,
  size: Size,
  clip: { sourceInFrames: number; sourceOutFrames: number; holdFrames: number; takeFrames: number | null },
): string | null {
  if (f.codec !== 'h264') return `codec ${f.codec ?? 'unknown'}`;
  if (f.width !== size.width || f.height !== size.height) return `${f.width}×${f.height}, not ${size.width}×${size.height}`;
  if (f.pixFmt !== 'yuv420p') return `pixel format ${f.pixFmt ?? 'unknown'}`;
  if (f.rFps !== `${TIMELINE_FPS}/1` || f.avgFps !== `${TIMELINE_FPS}/1`) return `frame rate ${f.avgFps ?? '?'}`;
  if (f.timeBase !== `1/${SEGMENT_TIMESCALE}`) return `time base ${f.timeBase ?? '?'}`;
  if (f.sar && f.sar !== '1:1' && f.sar !== '0:1') return `non-square pixels (${f.sar})`;
  if (clip.sourceInFrames !== 0 || clip.holdFrames !== 0 || clip.sourceOutFrames !== clip.takeFrames) return 'it is trimmed or held';
  if (f.frames !== null && f.frames !== clip.takeFrames) return `${f.frames} frames, not ${clip.takeFrames}`;
  return null;
}

export interface SegmentPlan {
  /** A video file (take), an image (still), or null (title card). */
  input: { kind: 'video' | 'image'; path: string; inS: number } | { kind: 'card' };
  frames: number;
  size: Size;
  /** Text is read from files in ffmpeg's cwd, so no user text is ever parsed as filter syntax. */
  text: { font: boolean; title: boolean; label: boolean; timecodeStart: string | null };
  dest: string;
}

export const TEXT_FILES = { label: 'label.txt', title: 'title.txt' } as const;
export const FONT_FILE = 'font.ttf';
const CARD_COLOR = '0x1f2430';

const drawtext = (opts: string) => `drawtext=fontfile=${FONT_FILE}:expansion=none:${opts}`;

/** The ffmpeg arguments for one segment; pure, so tests can read them. */
export function segmentArgs(p: SegmentPlan): string[] {
  const { width: w, height: h } = p.size;
  const inputs: string[] = [];
  if (p.input.kind === 'video') inputs.push('-ss', p.input.inS.toFixed(4), '-i', p.input.path);
  else if (p.input.kind === 'image') inputs.push('-loop', '1', '-framerate', String(TIMELINE_FPS), '-i', p.input.path);
  else inputs.push('-f', 'lavfi', '-i', `color=c=${CARD_COLOR}:s=${w}x${h}:r=${TIMELINE_FPS}`);
  const chain = [
    // fps first: a 30 fps or variable-rate take is resampled in time before anything else.
    `fps=${TIMELINE_FPS}`,
    // The picture fitted the way every conform fits it (square pixels, letterboxed, never stretched).
    ...fitFilters({ width: w, height: h, fit: 'letterbox' }),
    // Hold the last frame for as long as needed; -frames:v below cuts the segment exactly.
    'tpad=stop_mode=clone:stop=-1',
  ];
  const size = Math.round(h / 24);
  const pad = Math.round(h / 36);
  const box = `box=1:boxcolor=black@0.55:boxborderw=${Math.round(size / 3)}`;
  if (p.text.font && p.text.title) chain.push(drawtext(`textfile=${TEXT_FILES.title}:fontsize=${Math.round(h / 12)}:fontcolor=white:x=(w-tw)/2:y=(h-th)/2`));
  if (p.text.font && p.text.label) chain.push(drawtext(`textfile=${TEXT_FILES.label}:fontsize=${size}:fontcolor=white:${box}:x=${pad}:y=${pad}`));
  if (p.text.font && p.text.timecodeStart) {
    const tc = p.text.timecodeStart.replace(/:/g, '\\:');
    chain.push(`drawtext=fontfile=${FONT_FILE}:timecode='${tc}':rate=${TIMELINE_FPS}:fontsize=${size}:fontcolor=white:${box}:x=w-tw-${pad}:y=h-th-${pad}`);
  }
  chain.push('format=yuv420p');
  const graph = [`[0:v]${chain.join(',')}[v]`];
  const seconds = (p.frames / TIMELINE_FPS).toFixed(6);
  return [
    ...inputs,
    '-filter_complex',
    graph.join(';'),
    '-map',
    '[v]',
    '-frames:v',
    String(p.frames),
    '-t',
    seconds,
    '-r',
    String(TIMELINE_FPS),
    '-c:v',
    'libx264',
    '-preset',
    'veryfast',
    '-crf',
    '20',
    '-pix_fmt',
    'yuv420p',
    '-an',
    '-video_track_timescale',
    String(SEGMENT_TIMESCALE),
    '-f',
    'mp4',
    '-y',
    p.dest,
  ];
}

/** The concat demuxer's list: one `file` line per segment, quoted the way it reads them. */
export function concatList(files: string[]): string {
  return files.map((f) => `file '${f.replace(/'/g, "'\\''")}'`).join('\n') + '\n';
}

/**
 * The animatic's frame: 720p, the size drafts mostly come at, so it is quick to make; 1080p when
 * every take of the cut already is (local takes are), so they are joined by copying.
 */
export function animaticFrame(cut: PlaybackCut, ratio: AspectRatio): Size {
  const full = animaticSize(ratio, '1080p');
  const takes = cut.clips.filter((c) => c.takeId);
  return takes.length > 0 && takes.every((c) => c.width === full.width && c.height === full.height) ? full : animaticSize(ratio, '720p');
}
