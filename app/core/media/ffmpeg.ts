// ffmpeg and ffprobe as child processes: found once (env → ffmpeg-static → PATH), always run
// with an argument array (never a shell string), progress read from `-progress pipe:1`, and
// killed when the caller's AbortSignal fires. Used by the local animatic, QC and export.
import { spawn } from 'node:child_process';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors';
import { parseSourceProbe, type SourceProbe } from './sourceProbe';

type Env = Record<string, string | undefined>;

const INSTALL_HINT = 'install ffmpeg (apt install ffmpeg / brew install ffmpeg) or set SHOTLINE_FFMPEG';
const PROBE_HINT = 'install ffmpeg, which includes ffprobe (apt install ffmpeg / brew install ffmpeg), or set SHOTLINE_FFPROBE';

export function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Searches PATH the way a shell would, without running one. */
export function findOnPath(name: string, env: Env = process.env): string | null {
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE;.CMD').split(';') : [''];
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext.toLowerCase());
      if (isExecutable(candidate)) return candidate;
    }
  }
  return null;
}

/**
 * ffmpeg-static's binary, when the optional dependency and its download are both present.
 * Inside a packaged app the binary sits in app.asar.unpacked (asar files cannot be executed).
 */
async function ffmpegStatic(): Promise<string | null> {
  try {
    // A variable specifier: the package is optional, so neither tsc nor the bundler may insist on it.
    const specifier = 'ffmpeg-static';
    const mod = (await import(specifier)) as { default?: unknown };
    const found = typeof mod.default === 'string' ? mod.default.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`) : null;
    return found && isExecutable(found) ? found : null;
  } catch {
    return null;
  }
}

function fromEnv(env: Env, name: 'SHOTLINE_FFMPEG' | 'SHOTLINE_FFPROBE'): string | null {
  const value = env[name];
  if (!value) return null;
  if (!isExecutable(value)) throw new UserError(`${name} is set to "${value}", which is not an executable file. Fix the path or unset ${name}.`);
  return value;
}

const cache = new Map<string, Promise<string>>();

function memo(key: string, find: () => Promise<string>): Promise<string> {
  let hit = cache.get(key);
  if (!hit) {
    hit = find();
    cache.set(key, hit);
    // A failure is not cached: the user may install ffmpeg and try again without restarting.
    hit.catch(() => cache.delete(key));
  }
  return hit;
}

/** The ffmpeg to run: SHOTLINE_FFMPEG, else ffmpeg-static's binary, else `ffmpeg` on PATH. */
export function resolveFfmpeg(env: Env = process.env): Promise<string> {
  return memo(`ffmpeg\0${env.SHOTLINE_FFMPEG ?? ''}\0${env.PATH ?? ''}`, async () => {
    const found = fromEnv(env, 'SHOTLINE_FFMPEG') ?? (await ffmpegStatic()) ?? findOnPath('ffmpeg', env);
    if (!found) throw new UserError(`ffmpeg was not found: ${INSTALL_HINT}.`);
    return found;
  });
}

/** The ffprobe to run: SHOTLINE_FFPROBE, else beside the ffmpeg in use, else `ffprobe` on PATH. */
export function resolveFfprobe(env: Env = process.env): Promise<string> {
  return memo(`ffprobe\0${env.SHOTLINE_FFPROBE ?? ''}\0${env.SHOTLINE_FFMPEG ?? ''}\0${env.PATH ?? ''}`, async () => {
    const explicit = fromEnv(env, 'SHOTLINE_FFPROBE');
    if (explicit) return explicit;
    const besides = [env.SHOTLINE_FFMPEG, await ffmpegStatic()].filter((p): p is string => !!p);
    for (const ffmpeg of besides) {
      const candidate = path.join(path.dirname(ffmpeg), path.basename(ffmpeg).replace(/ffmpeg/i, 'ffprobe'));
      if (candidate !== ffmpeg && isExecutable(candidate)) return candidate;
    }
    const found = findOnPath('ffprobe', env);
    if (!found) throw new UserError(`ffprobe was not found: ${PROBE_HINT}.`);
    return found;
  });
}

export class AbortError extends Error {
  override name = 'AbortError';
  constructor(message = 'The operation was canceled.') {
    super(message);
  }
}

export interface RunOptions {
  signal?: AbortSignal;
  /** Called with 0–1 as ffmpeg reports its output time; needs `durationS`. */
  onProgress?: (fraction: number) => void;
  /** Length of the output, to turn ffmpeg's out_time into a fraction. */
  durationS?: number;
  env?: Env;
  cwd?: string;
  /** Analysis filters (blackdetect, freezedetect, scdet) report at `info`; the default is `error`. */
  logLevel?: 'error' | 'info';
  /** Every stderr chunk, for callers that read what the filters report. */
  onStderr?: (text: string) => void;
}

/**
 * Media work runs a step below normal priority: on a busy machine the app's own process (the UI's
 * answers, the job engine's polls and submits) goes first, and ffmpeg gets every idle cycle.
 */
export function yieldCores(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    os.setPriority(pid, os.constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // Not permitted here, or the process has already exited: it runs at normal priority.
  }
}

/** Keeps the end of a stream: ffmpeg's reason for failing is in its last lines. */
function tail(max = 4000) {
  let text = '';
  return {
    push(chunk: Buffer) {
      text = (text + chunk.toString('utf8')).slice(-max);
    },
    get text() {
      return text.trim();
    },
  };
}

/** Parses one `-progress` line; returns seconds of output written, or null. */
export function progressSeconds(line: string): number | null {
  const m = /^out_time_(us|ms)=(\d+)$/.exec(line.trim());
  // out_time_ms is microseconds too (a long-standing ffmpeg naming bug), so both divide by 1e6.
  return m ? Number(m[2]) / 1e6 : null;
}

/**
 * Runs ffmpeg with `args` (inputs, filters, outputs; no -progress of its own). Resolves when it
 * exits 0; rejects with its last stderr lines otherwise, or with AbortError once `signal` fires.
 */
export async function runFfmpeg(args: string[], opts: RunOptions = {}): Promise<void> {
  const bin = await resolveFfmpeg(opts.env);
  if (opts.signal?.aborted) throw new AbortError();
  const full = ['-hide_banner', '-nostdin', '-nostats', '-loglevel', opts.logLevel ?? 'error', '-progress', 'pipe:1', ...args];
  await new Promise<void>((resolve, reject) => {
    const child = spawn(bin, full, { cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    yieldCores(child.pid);
    const err = tail();
    let pending = '';
    let aborted = false;
    const onAbort = () => {
      aborted = true;
      child.kill('SIGKILL');
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => {
      if (!opts.onProgress || !opts.durationS) return;
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const s = progressSeconds(line);
        if (s !== null) opts.onProgress(Math.max(0, Math.min(1, s / opts.durationS)));
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err.push(chunk);
      opts.onStderr?.(chunk.toString('utf8'));
    });
    child.on('error', (e) => {
      opts.signal?.removeEventListener('abort', onAbort);
      reject(new UserError(`ffmpeg could not be started (${e.message}): ${INSTALL_HINT}.`));
    });
    child.on('close', (code, signal) => {
      opts.signal?.removeEventListener('abort', onAbort);
      if (aborted) return reject(new AbortError());
      if (code === 0) return resolve();
      reject(new Error(`ffmpeg failed (${code === null ? `signal ${signal}` : `exit ${code}`}): ${err.text || 'no message'}`));
    });
  });
}

/** Runs a probe-like tool and returns its stdout. */
export async function capture(bin: string, args: string[], signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true, signal });
    yieldCores(child.pid);
    const out: Buffer[] = [];
    const err = tail();
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', (e) => reject(e.name === 'AbortError' ? new AbortError() : e));
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`${path.basename(bin)} failed (exit ${code}): ${err.text || 'no message'}`));
    });
  });
}

export interface ProbeResult {
  /** Container duration, else the video stream's; 0 when neither is known. */
  durationS: number;
  /** avg: frames over time (what plays); r: the stream's base rate. Equal for constant frame rate. */
  fps: { avg: number | null; r: number | null };
  width: number | null;
  height: number | null;
  /** Video codec name as ffprobe spells it (h264, hevc, vp9…); null when there is no video. */
  codec: string | null;
  pixFmt: string | null;
  hasVideo: boolean;
  hasAudio: boolean;
  /** Decoded frame count, only when asked for (`countFrames`), since it reads the whole file. */
  frames: number | null;
  formatName: string | null;
  /** The same run read as the conform reads it: kept with a take's file so exports need not probe it again. */
  source: SourceProbe;
  /** Presentation times of the video's packets, sorted; only when asked for (`packets`). */
  packetTimes?: number[];
}

function rate(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const [n, d] = value.split('/').map(Number);
  if (!n || !d || !Number.isFinite(n / d)) return null;
  return n / d;
}

const num = (v: unknown): number | null => {
  const n = typeof v === 'string' || typeof v === 'number' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
};

interface FfprobeJson {
  streams?: Array<Record<string, unknown>>;
  format?: Record<string, unknown>;
  packets?: Array<{ stream_index?: number; pts_time?: string }>;
}

/** Turns ffprobe's JSON into our shape; exported for tests of odd files. */
export function parseProbe(json: FfprobeJson): ProbeResult {
  const streams = json.streams ?? [];
  const video = streams.find((s) => s.codec_type === 'video' && !(s.disposition as Record<string, number> | undefined)?.attached_pic);
  const audio = streams.find((s) => s.codec_type === 'audio');
  const frames = num(video?.nb_read_frames);
  // Sorted: decode order differs from presentation order with B-frames.
  const packetTimes = json.packets
    ?.filter((p) => p.stream_index === video?.index)
    .map((p) => num(p.pts_time))
    .filter((t): t is number => t !== null)
    .sort((a, b) => a - b);
  return {
    durationS: num(json.format?.duration) ?? num(video?.duration) ?? 0,
    fps: { avg: rate(video?.avg_frame_rate), r: rate(video?.r_frame_rate) },
    width: num(video?.width),
    height: num(video?.height),
    codec: typeof video?.codec_name === 'string' ? video.codec_name : null,
    pixFmt: typeof video?.pix_fmt === 'string' ? video.pix_fmt : null,
    hasVideo: !!video,
    hasAudio: !!audio,
    frames,
    formatName: typeof json.format?.format_name === 'string' ? json.format.format_name : null,
    source: parseSourceProbe(json),
    ...(packetTimes ? { packetTimes } : {}),
  };
}

/**
 * Reads a media file's streams. Rejects (with ffprobe's words) when it is not media at all.
 * `packets` adds the video's packet times in the same run (QC reads them): one process fewer per take.
 */
export async function ffprobe(file: string, opts: { countFrames?: boolean; packets?: boolean; signal?: AbortSignal; env?: Env } = {}): Promise<ProbeResult> {
  const bin = await resolveFfprobe(opts.env);
  const args = ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams'];
  if (opts.countFrames) args.push('-count_frames');
  if (opts.packets) args.push('-show_entries', 'packet=pts_time,stream_index');
  const text = await capture(bin, [...args, file], opts.signal);
  let json: FfprobeJson;
  try {
    json = JSON.parse(text) as FfprobeJson;
  } catch {
    throw new Error(`ffprobe printed something that is not JSON for ${file}`);
  }
  return parseProbe(json);
}
