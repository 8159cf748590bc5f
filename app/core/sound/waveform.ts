// Waveforms for the sound lanes: the peaks of an audio file (or a video's sound), N per second,
// each the loudest sample of its slice as 0–1. ffmpeg decodes the sound mono at a low rate to raw
// 16-bit samples; the peaks are read off those. Project media are content-addressed (a path never
// changes what it holds), so a waveform is computed once per file: kept in memory, and on disk
// beside the store (media/.waveforms), so reopening a project starts no ffmpeg for its lanes.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PEAKS_PER_SECOND, type Waveform } from '../../../shared/domain/sound';
import { ffprobe, runFfmpeg } from '../media/ffmpeg';
import { scratchPath } from '../media/scratch';
import { WAVEFORMS_DIR } from '../project/projectFiles';

/** Enough to see every syllable's peak at 50 buckets a second, and small: a 5-minute bed is 4.8 MB to read. */
const DECODE_RATE = 8000;
/** Waveforms kept; each is a few kB per minute of sound. */
const CACHE_SIZE = 64;

/** The loudest |sample| of each bucket of `rate / perSecond` samples, as 0–1. Pure, for tests. */
export function peaksOf(samples: Int16Array, rate: number, perSecond: number): number[] {
  const buckets = Math.ceil((samples.length * perSecond) / rate);
  const peaks = new Array<number>(buckets).fill(0);
  for (let i = 0; i < samples.length; i++) {
    const b = Math.floor((i * perSecond) / rate);
    const v = Math.abs(samples[i]!);
    if (v > peaks[b]!) peaks[b] = v;
  }
  // Two decimals are plenty to draw and keep the reply small.
  return peaks.map((p) => Math.round(Math.min(1, p / 32767) * 100) / 100);
}

/** Decodes `file`'s first sound stream as mono 16-bit samples. */
async function decode(file: string, signal?: AbortSignal): Promise<Int16Array> {
  const out = path.join(os.tmpdir(), `shotline-peaks-${randomUUID()}.raw`);
  try {
    await runFfmpeg(['-i', file, '-map', '0:a:0', '-vn', '-ac', '1', '-ar', String(DECODE_RATE), '-f', 's16le', '-acodec', 'pcm_s16le', '-y', out], { signal });
    const buf = fs.existsSync(out) ? fs.readFileSync(out) : Buffer.alloc(0);
    // A copy: the Buffer may sit at an odd offset in Node's pool, and Int16Array needs an even one.
    return new Int16Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + (buf.byteLength & ~1)));
  } finally {
    fs.rmSync(out, { force: true });
  }
}

/** A file without sound (a silent take) gives no peaks and its length, so its lane draws flat. */
export async function computeWaveform(file: string, perSecond = PEAKS_PER_SECOND, signal?: AbortSignal): Promise<Waveform> {
  const probe = await ffprobe(file, { signal });
  if (!probe.hasAudio) return { peaks: [], perSecond, durationS: probe.durationS };
  const samples = await decode(file, signal);
  return { peaks: peaksOf(samples, DECODE_RATE, perSecond), perSecond, durationS: samples.length / DECODE_RATE };
}

/** Where the waveform of stored file `relPath` (`media/ab/<sha>.m4a`) at `perSecond` is kept. */
export function keptWaveformPath(projectFolder: string, relPath: string, perSecond: number): string {
  const stem = path.basename(relPath, path.extname(relPath));
  return path.join(projectFolder, WAVEFORMS_DIR, `${stem}-p${perSecond}.json`);
}

/** A kept waveform of a file `size` bytes long; null when there is none or it does not fit. */
function readKept(keptPath: string, size: number, perSecond: number): Waveform | null {
  try {
    const kept = JSON.parse(fs.readFileSync(keptPath, 'utf8')) as { size?: unknown; waveform?: Partial<Waveform> };
    const w = kept.waveform;
    const fits =
      kept.size === size &&
      w?.perSecond === perSecond &&
      typeof w.durationS === 'number' &&
      Array.isArray(w.peaks) &&
      w.peaks.every((p) => typeof p === 'number');
    return fits ? (w as Waveform) : null;
  } catch {
    return null;
  }
}

/** Written beside, then renamed: a reader never sees half a file. Not kept (a full disk) is no error: it is computed again next time. */
function keep(keptPath: string, size: number, w: Waveform): void {
  const dir = path.dirname(keptPath);
  const temp = scratchPath(dir, 'waveform', '.json');
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(temp, JSON.stringify({ size, waveform: w }));
    fs.renameSync(temp, keptPath);
  } catch {
    fs.rmSync(temp, { force: true });
  }
}

async function keptOrComputed(file: string, size: number, perSecond: number, keptPath: string | undefined): Promise<Waveform> {
  const kept = keptPath ? readKept(keptPath, size, perSecond) : null;
  if (kept) return kept;
  const w = await computeWaveform(file, perSecond);
  if (keptPath) keep(keptPath, size, w);
  return w;
}

const cache = new Map<string, Promise<Waveform>>();

/**
 * The waveform of `file` (an absolute path already checked to lie in the project), computed once
 * per file, size and date; read from and written to `keptPath` when one is given.
 */
export function waveform(file: string, perSecond = PEAKS_PER_SECOND, keptPath?: string): Promise<Waveform> {
  const stat = fs.statSync(file);
  const key = `${file}\0${stat.size}\0${stat.mtimeMs}\0${perSecond}`;
  let hit = cache.get(key);
  if (hit) {
    // Most recently used last, so the oldest is the first to go.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  hit = keptOrComputed(file, stat.size, perSecond, keptPath);
  cache.set(key, hit);
  hit.catch(() => cache.delete(key));
  while (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return hit;
}

/**
 * The waveform of project file `relPath` (at `file`), kept on disk beside the store. Asked for as
 * a take or line lands too, so its lane draws at once instead of decoding it when first shown.
 */
export function projectWaveform(folder: string, relPath: string, file: string, perSecond = PEAKS_PER_SECOND): Promise<Waveform> {
  return waveform(file, perSecond, keptWaveformPath(folder, relPath, perSecond));
}
