// Conforming a clip to a timeline: constant 24 fps, the timeline's size with square pixels
// (letter/pillar-boxed or cropped, never stretched), audio kept as 48 kHz stereo, an optional
// frozen last frame (a hold), and an embedded start timecode. One function for every caller
// that needs a clip Resolve links and plays at the timeline's rate (docs/resolve.md, Conformed clips): the Resolve
// export, and whatever else joins takes into one cut. A clip that already conforms is stream-
// copied with only its timecode set (without ffmpeg for an MP4: mp4Timecode.ts), never re-encoded.
import fs from 'node:fs';
import path from 'node:path';
import { capture, resolveFfprobe, runFfmpeg } from './ffmpeg';
import { stampTimecode } from './mp4Timecode';
import { parseSourceProbe, type SourceProbe } from './sourceProbe';
import type { FrameFit, MediaFormat } from '../../../shared/domain/resolveExport';
import { framesToTimecode, TIMELINE_FPS } from '../../../shared/domain/timecode';

export interface ConformSpec {
  width: number;
  height: number;
  fit: FrameFit;
  format: MediaFormat;
}

interface FormatInfo {
  ext: '.mp4' | '.mov';
  /** What ffprobe calls a stream we may copy as it is. */
  codec: string;
  profiles: readonly string[];
  pixFmt: string;
  video: string[];
  audioCodec: string;
  audio: string[];
  mux: string[];
}

/**
 * H.264 follows the conform recipe in docs/resolve.md (High, yuv420p, CRF 16, a keyframe a second, AAC 48 kHz
 * stereo); `-preset veryfast` because an export re-encodes whole films: it halves the encoding
 * time of the default preset (measured on 1080p) while CRF 16 keeps the picture. DNxHR HQ is 8-bit 4:2:2 and ProRes 422 (prores_ks profile 2) 10-bit 4:2:2, both with
 * PCM audio in MOV: the intermediates Resolve's free Linux edition decodes.
 */
export const FORMATS: Record<MediaFormat, FormatInfo> = {
  h264: {
    ext: '.mp4',
    codec: 'h264',
    // Baseline and Main decode everywhere High does: a take in them is not worth a generation loss.
    profiles: ['High', 'Main', 'Constrained Baseline', 'Baseline'],
    pixFmt: 'yuv420p',
    video: ['-c:v', 'libx264', '-profile:v', 'high', '-preset', 'veryfast', '-crf', '16', '-g', '24'],
    audioCodec: 'aac',
    audio: ['-c:a', 'aac', '-b:a', '192k'],
    mux: ['-movflags', '+faststart', '-video_track_timescale', '24000'],
  },
  dnxhr: {
    ext: '.mov',
    codec: 'dnxhd',
    profiles: ['DNXHR HQ'],
    pixFmt: 'yuv422p',
    video: ['-c:v', 'dnxhd', '-profile:v', 'dnxhr_hq'],
    audioCodec: 'pcm_s16le',
    audio: ['-c:a', 'pcm_s16le'],
    mux: ['-video_track_timescale', '24000'],
  },
  prores: {
    ext: '.mov',
    codec: 'prores',
    profiles: ['Standard'],
    pixFmt: 'yuv422p10le',
    video: ['-c:v', 'prores_ks', '-profile:v', '2', '-vendor', 'apl0'],
    audioCodec: 'pcm_s16le',
    audio: ['-c:a', 'pcm_s16le'],
    mux: ['-video_track_timescale', '24000'],
  },
};

export const AUDIO_RATE = 48_000;

/** The filters that put any picture into `spec`'s frame: square pixels first, then fit or fill. */
export function fitFilters(spec: Pick<ConformSpec, 'width' | 'height' | 'fit'>): string[] {
  const { width: w, height: h } = spec;
  // A source with non-square pixels is first scaled to what it looks like (scale reads an unset SAR as 1).
  const square = ['scale=w=trunc(iw*sar/2)*2:h=ih', 'setsar=1'];
  return spec.fit === 'crop'
    ? [...square, `scale=${w}:${h}:force_original_aspect_ratio=increase:flags=lanczos`, `crop=${w}:${h}`, 'setsar=1']
    : [...square, `scale=${w}:${h}:force_original_aspect_ratio=decrease:flags=lanczos`, `pad=${w}:${h}:(ow-iw)/2:(oh-ih)/2:color=black`, 'setsar=1'];
}

export interface ConformJob {
  src: string;
  dest: string;
  spec: ConformSpec;
  /** Frames of the source the file keeps, from its first: the whole take, so trims have handles. */
  frames: number;
  /** Frames the last kept frame is frozen for after them (a hold); the file is frames + hold long. */
  holdFrames?: number;
  /** The file's embedded start timecode, in frames at 24 fps. */
  startTimecodeFrames?: number;
  /** No B-frames: frames stored in the order they play, so a stream copy may cut after any of them. */
  noReorder?: boolean;
}

/** The arguments of a full conform (re-encode); pure, for tests. `audio`: the source has a sound track to keep. */
export function conformArgs(job: ConformJob, audio: boolean): string[] {
  const f = FORMATS[job.spec.format];
  const hold = job.holdFrames ?? 0;
  const total = job.frames + hold;
  const video = [
    'setpts=PTS-STARTPTS',
    `fps=${TIMELINE_FPS}`,
    // Exactly `frames` of the source, then clones of the last one: the hold, plus a few spare
    // frames in case the source decodes a frame or two short of its stated length.
    `trim=end_frame=${job.frames}`,
    ...fitFilters(job.spec),
    `tpad=stop_mode=clone:stop=${hold + 2}`,
    `format=${f.pixFmt}`,
  ].join(',');
  const seconds = (n: number) => (n / TIMELINE_FPS).toFixed(6);
  // The take's sound up to its last kept frame, then silence through the hold.
  const sound = `asetpts=PTS-STARTPTS,aresample=${AUDIO_RATE},atrim=end=${seconds(job.frames)},apad=whole_dur=${seconds(total)},atrim=end=${seconds(total)}`;
  const graph = audio ? `[0:v:0]${video}[v];[0:a:0]${sound}[a]` : `[0:v:0]${video}[v]`;
  const args = ['-i', job.src, '-filter_complex', graph, '-map', '[v]'];
  if (audio) args.push('-map', '[a]', ...f.audio, '-ac', '2', '-ar', String(AUDIO_RATE));
  args.push(
    '-frames:v',
    String(total),
    '-r',
    String(TIMELINE_FPS),
    '-fps_mode',
    'cfr',
    ...f.video,
    ...(job.noReorder ? ['-bf', '0'] : []),
    '-pix_fmt',
    f.pixFmt,
  );
  return [...args, ...timecodeArgs(job), ...f.mux, '-map_metadata', '-1', '-map_chapters', '-1', '-y', job.dest];
}

/** The arguments of a stream copy that only sets the timecode (re-encoding the audio when it is not the format's). */
export function copyArgs(job: ConformJob, audio: 'copy' | 'encode' | 'none'): string[] {
  const f = FORMATS[job.spec.format];
  const sound = audio === 'none' ? [] : ['-map', '0:a:0', ...(audio === 'copy' ? ['-c:a', 'copy'] : [...f.audio, '-ac', '2', '-ar', String(AUDIO_RATE)])];
  return [
    '-i',
    job.src,
    '-map',
    '0:v:0',
    '-c:v',
    'copy',
    ...sound,
    ...timecodeArgs(job),
    ...f.mux,
    '-map_metadata',
    '-1',
    '-map_chapters',
    '-1',
    '-y',
    job.dest,
  ];
}

function timecodeArgs(job: ConformJob): string[] {
  // The mp4/mov muxers write it as a tmcd track, which Resolve reads as the clip's start.
  return job.startTimecodeFrames === undefined ? [] : ['-timecode', framesToTimecode(job.startTimecodeFrames)];
}

export { parseSourceProbe, type SourceProbe } from './sourceProbe';

export async function probeSource(file: string, signal?: AbortSignal): Promise<SourceProbe> {
  const bin = await resolveFfprobe();
  const text = await capture(bin, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file], signal);
  return parseSourceProbe(JSON.parse(text) as Parameters<typeof parseSourceProbe>[0]);
}

/** Frames at 24 fps the source plays for: the declared count when it is 24 fps, else its duration. */
export function sourceFrames(p: SourceProbe): number | null {
  if (p.frames !== null && p.avgFrameRate === `${TIMELINE_FPS}/1`) return p.frames;
  return p.durationS === null ? null : Math.round(p.durationS * TIMELINE_FPS);
}

/**
 * How the job can be done: `copy` when the video stream is already what the timeline wants —
 * the format's codec and pixel format, the exact size, square pixels, exactly 24/1 constant
 * (docs/resolve.md, Conformed clips: 23.976 or variable rates must be re-timed) and as many frames as the file
 * should hold (a hold needs new frames, so it always encodes).
 */
export function conformMode(p: SourceProbe, job: ConformJob): { video: 'copy' | 'encode'; audio: 'copy' | 'encode' | 'none' } {
  const f = FORMATS[job.spec.format];
  const square = p.sar === null || p.sar === '1:1' || p.sar === '0:1';
  const rate = `${TIMELINE_FPS}/1`;
  const copy =
    p.codec === f.codec &&
    (p.profile === null || f.profiles.includes(p.profile)) &&
    p.pixFmt === f.pixFmt &&
    p.width === job.spec.width &&
    p.height === job.spec.height &&
    square &&
    p.rFrameRate === rate &&
    p.avgFrameRate === rate &&
    p.frames === job.frames &&
    (job.holdFrames ?? 0) === 0;
  const audioOk = p.audio?.codec === f.audioCodec && p.audio.sampleRate === AUDIO_RATE && p.audio.channels === 2;
  return { video: copy ? 'copy' : 'encode', audio: !p.audio ? 'none' : audioOk ? 'copy' : 'encode' };
}

export interface ConformOptions {
  signal?: AbortSignal;
  onProgress?: (fraction: number) => void;
  /** A probe of `src` made earlier (planning probes every take once). */
  probe?: SourceProbe;
}

/** Writes `job.dest`; resolves with whether the picture was copied or encoded. */
export async function conformClip(job: ConformJob, opts: ConformOptions = {}): Promise<'copy' | 'encode'> {
  const probe = opts.probe ?? (await probeSource(job.src, opts.signal));
  const mode = conformMode(probe, job);
  const total = job.frames + (job.holdFrames ?? 0);
  if (mode.video === 'encode' && job.frames === 1 && !probe.audio && total >= 2 * GOP) {
    await stillClip(job, total, opts);
    return 'encode';
  }
  if (mode.video === 'copy' && mode.audio !== 'encode' && (await stampInPlace(job))) {
    opts.onProgress?.(1);
    return 'copy';
  }
  const args = mode.video === 'copy' ? copyArgs(job, mode.audio) : conformArgs(job, mode.audio !== 'none');
  await runFfmpeg(args, { signal: opts.signal, onProgress: opts.onProgress, durationS: total / TIMELINE_FPS });
  return mode.video;
}

/** A conforming MP4 gets its timecode without ffmpeg (mp4Timecode.ts); false when that cannot be done. */
async function stampInPlace(job: ConformJob): Promise<boolean> {
  if (FORMATS[job.spec.format].ext !== '.mp4') return false;
  if (job.startTimecodeFrames === undefined) {
    await fs.promises.copyFile(job.src, job.dest, fs.constants.COPYFILE_FICLONE);
    return true;
  }
  return stampTimecode(job.src, job.dest, job.startTimecodeFrames);
}

/** Frames between keyframes in what we encode (`-g 24`, and every intra frame for DNxHR/ProRes). */
const GOP = TIMELINE_FPS;

/**
 * A still held for `total` frames: one second is encoded, then repeated by stream copy and cut
 * at the exact frame count. Every second starts on a keyframe and has no B-frames (so the cut
 * drops only frames at the end), and the copy is a valid constant-rate stream; a long
 * placeholder costs what a one-second one does.
 */
async function stillClip(job: ConformJob, total: number, opts: ConformOptions): Promise<void> {
  const second = `${job.dest}.second${FORMATS[job.spec.format].ext}`;
  const list = `${job.dest}.list.txt`;
  try {
    await runFfmpeg(conformArgs({ ...job, dest: second, holdFrames: GOP - 1, startTimecodeFrames: undefined, noReorder: true }, false), {
      signal: opts.signal,
    });
    const quoted = `file '${path.resolve(second).replace(/'/g, "'\\''")}'\n`;
    fs.writeFileSync(list, quoted.repeat(Math.ceil(total / GOP)));
    const args = [
      '-f',
      'concat',
      '-safe',
      '0',
      '-i',
      list,
      '-map',
      '0:v:0',
      '-c',
      'copy',
      '-frames:v',
      String(total),
      ...timecodeArgs(job),
      ...FORMATS[job.spec.format].mux,
      '-y',
      job.dest,
    ];
    await runFfmpeg(args, { signal: opts.signal, onProgress: opts.onProgress, durationS: total / TIMELINE_FPS });
  } finally {
    fs.rmSync(second, { force: true });
    fs.rmSync(list, { force: true });
  }
}
