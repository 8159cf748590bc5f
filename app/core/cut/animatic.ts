// "Render animatic": one MP4 of the cut as it plays. When every clip is a take that already is
// what the animatic would be (H.264 yuv420p, the timeline's size, 24 fps, same time base, played
// whole), the takes are joined by stream copy; otherwise each clip is conformed to a segment
// (several at once) and the segments are joined. Written to a temp file beside the target and
// renamed into place, so a canceled or failed render never leaves half a file under its name.
// The picture carries no sound of its own: the takes' sound, for the shots that play it, is mixed
// with the lines, effects and music, and that mix is laid under the picture.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PlaybackClip, PlaybackCut } from '../../../shared/domain/playback';
import type { AnimaticResult } from '../../../shared/domain/takes';
import { framesToTimecode, TIMELINE_FPS } from '../../../shared/domain/timecode';
import { UserError } from '../errors';
import { AbortError, runFfmpeg } from '../media/ffmpeg';
import { concatVideo } from '../media/mp4Concat';
import { projectMediaPath } from '../media/projectPath';
import { wrapText } from '../providers/local/animatic';
import { findFont } from '../providers/local/fonts';
import { concatList, copyRefusal, factsOf, FONT_FILE, segmentArgs, streamFacts, TEXT_FILES, type Size, type StreamFacts } from './segments';
import { scratchDir, scratchPath, sweepScratch } from '../media/scratch';
import { DEFAULT_DUCK_DB } from '../../../shared/domain/sound';
import { renderMix, type SoundEvent } from './mix';
import type { SourceProbe } from '../media/sourceProbe';

export interface AnimaticOptions {
  cut: PlaybackCut;
  /** Project folder: clip paths are relative to it. */
  folder: string;
  size: Size;
  out: string;
  burnIn?: boolean;
  signal?: AbortSignal;
  onProgress?: (fraction: number, stage: string) => void;
  /** Segments encoded at once; default from the CPU count. */
  concurrency?: number;
  /** Sound besides the takes' own (music beds, and later lines and effects), placed on the timeline. */
  sound?: SoundEvent[];
  /** How far dialogue ducks the music (default DEFAULT_DUCK_DB). */
  duckDb?: number;
  /** Shots whose take's own sound stays out of the mix (their sound mode plays dialogue and effects only). */
  takeSoundOff?: ReadonlySet<string>;
  /** What ffprobe said of a take's file when it arrived (null: probe it now). */
  knownProbe?: (relPath: string, file: string) => SourceProbe | null;
}

/** The real path of a clip's take or still, refused (naming the shot) when it leads outside the project's media. */
const clipFile = (folder: string, clip: PlaybackClip) => projectMediaPath(folder, clip.relPath!, `Shot ${clip.label}`);
const lengthOf = (c: PlaybackClip) => c.recordOutFrames - c.recordInFrames;

/** Joins the pictures of `files` without re-encoding into `dest`: in-process where it can (mp4Concat.ts), else ffmpeg's concat. */
async function concatCopy(files: string[], dest: string, work: string, opts: { signal?: AbortSignal; durationS: number; onProgress?: (f: number) => void }) {
  if (await concatVideo(files, dest)) return opts.onProgress?.(1);
  opts.signal?.throwIfAborted();
  const list = path.join(work, 'list.txt');
  fs.writeFileSync(list, concatList(files));
  await runFfmpeg(['-f', 'concat', '-safe', '0', '-i', list, '-map', '0:v:0', '-c', 'copy', '-movflags', '+faststart', '-f', 'mp4', '-y', dest], {
    signal: opts.signal,
    durationS: opts.durationS,
    onProgress: opts.onProgress,
  });
}

/**
 * Stream facts of every take in the cut, probed a few at a time. Cached by path, size and
 * modification time: stored media never change, so a second render probes nothing.
 */
const factsCache = new Map<string, StreamFacts>();
async function probeClips(o: AnimaticOptions): Promise<Array<StreamFacts | null>> {
  const facts = new Array<StreamFacts | null>(o.cut.clips.length).fill(null);
  await pool(o.cut.clips, 6, async (clip, i) => {
    if (!clip.takeId || !clip.relPath) return;
    const file = clipFile(o.folder, clip);
    let key: string;
    try {
      const st = fs.statSync(file);
      key = `${file}\0${st.size}\0${st.mtimeMs}`;
    } catch {
      throw new UserError(`The take of ${clip.label} is missing from the project (${file}). Circle another take, or delete this one.`);
    }
    const hit = factsCache.get(key);
    if (hit) return void (facts[i] = hit);
    const kept = o.knownProbe?.(clip.relPath, file);
    if (kept?.codec) return void (facts[i] = factsOf(kept));
    try {
      facts[i] = await streamFacts(file, o.signal);
    } catch (err) {
      if ((err as Error).name === 'AbortError') throw err;
      throw new UserError(`The take of ${clip.label} cannot be read (${file}). Check the project's media folder, or circle another take.`);
    }
    if (factsCache.size > 5000) factsCache.clear();
    factsCache.set(key, facts[i]!);
  });
  return facts;
}

/** Why the takes cannot simply be joined; null when they can. */
function whyNotCopy(o: AnimaticOptions, facts: Array<StreamFacts | null>): string | null {
  if (o.burnIn) return 'burn-in draws on every frame';
  for (const [i, clip] of o.cut.clips.entries()) {
    const f = facts[i];
    if (!clip.takeId || !f) return `${clip.label} is a still`;
    const why = copyRefusal(f, o.size, clip);
    if (why) return `${clip.label}: ${why}`;
  }
  return null;
}

/** Runs `jobs` with at most `n` at once; the first failure aborts the rest. */
async function pool<T>(items: T[], n: number, run: (item: T, i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(n, items.length)) }, async () => {
      while (next < items.length) {
        const i = next++;
        await run(items[i]!, i);
      }
    }),
  );
}

async function encodeSegments(o: AnimaticOptions, facts: Array<StreamFacts | null>, work: string): Promise<string[]> {
  const font = await findFont();
  const clips = o.cut.clips;
  const total = clips.reduce((s, c) => s + lengthOf(c), 0) || 1;
  const done = new Array<number>(clips.length).fill(0);
  const report = (stage: string) => o.onProgress?.(0.95 * (done.reduce((a, b) => a + b, 0) / total), stage);
  const files = clips.map((_, i) => path.join(work, `seg-${String(i).padStart(5, '0')}.mp4`));
  const internal = new AbortController();
  const stop = () => internal.abort();
  o.signal?.addEventListener('abort', stop, { once: true });
  try {
    await pool(clips, o.concurrency ?? Math.max(1, Math.min(4, Math.floor(os.availableParallelism() / 2))), async (clip, i) => {
      if (internal.signal.aborted) throw new AbortError();
      const dir = path.join(work, `text-${i}`);
      fs.mkdirSync(dir);
      if (font) {
        try {
          fs.symlinkSync(font, path.join(dir, FONT_FILE));
        } catch {
          fs.copyFileSync(font, path.join(dir, FONT_FILE));
        }
        // About 0.55 em per character across 85 % of the card (the title is h/12 high).
        const perLine = Math.max(12, Math.floor((o.size.width * 0.85) / ((o.size.height / 12) * 0.55)));
        fs.writeFileSync(path.join(dir, TEXT_FILES.title), wrapText(clip.title || clip.label, perLine, 4));
        fs.writeFileSync(path.join(dir, TEXT_FILES.label), clip.takeNumber ? `${clip.label}  T${clip.takeNumber}` : clip.label);
      }
      const input = clip.relPath
        ? { kind: clip.takeId ? ('video' as const) : ('image' as const), path: clipFile(o.folder, clip), inS: clip.sourceInFrames / TIMELINE_FPS }
        : { kind: 'card' as const };
      const args = segmentArgs({
        input,
        frames: lengthOf(clip),
        size: o.size,
        text: { font: !!font, title: !clip.relPath, label: !!o.burnIn, timecodeStart: o.burnIn ? framesToTimecode(clip.recordInFrames) : null },
        dest: files[i]!,
      });
      const stage = `Conforming ${clip.label} (${i + 1} of ${clips.length})`;
      report(stage);
      try {
        await runFfmpeg(args, {
          cwd: dir,
          signal: internal.signal,
          durationS: lengthOf(clip) / TIMELINE_FPS,
          onProgress: (f) => {
            done[i] = f * lengthOf(clip);
            report(stage);
          },
        });
      } catch (err) {
        // One clip failing stops the others: the render as a whole has failed.
        internal.abort();
        if ((err as Error).name === 'AbortError') throw err;
        throw new UserError(`Shot ${clip.label} could not be conformed for the animatic: ${(err as Error).message.slice(0, 400)}`);
      }
      done[i] = lengthOf(clip);
    });
  } finally {
    o.signal?.removeEventListener('abort', stop);
  }
  return files;
}

/** The sound of each take that plays, as much of it as plays, at its place in the cut. */
function takeSound(o: AnimaticOptions, facts: Array<StreamFacts | null>): SoundEvent[] {
  return o.cut.clips.flatMap((clip, i) =>
    clip.takeId && facts[i]?.hasAudio && clip.sourceOutFrames > clip.sourceInFrames && !o.takeSoundOff?.has(clip.shotId)
      ? [
          {
            file: clipFile(o.folder, clip),
            lane: 'take' as const,
            startS: (clip.recordInFrames - o.cut.startFrames) / TIMELINE_FPS,
            inS: clip.sourceInFrames / TIMELINE_FPS,
            lengthS: (clip.sourceOutFrames - clip.sourceInFrames) / TIMELINE_FPS,
            gainDb: 0,
            fadeInS: 0,
            fadeOutS: 0,
          },
        ]
      : [],
  );
}

/** The picture file with the mix as its only sound track, AAC at 48 kHz. */
async function muxSound(picture: string, mix: string, dest: string, signal?: AbortSignal): Promise<void> {
  await runFfmpeg(
    [
      '-i',
      picture,
      '-i',
      mix,
      '-map',
      '0:v',
      '-map',
      '1:a',
      '-c:v',
      'copy',
      '-c:a',
      'aac',
      '-b:a',
      '192k',
      '-ar',
      '48000',
      '-movflags',
      '+faststart',
      '-f',
      'mp4',
      '-y',
      dest,
    ],
    {
      signal,
    },
  );
}

export async function renderAnimatic(o: AnimaticOptions): Promise<AnimaticResult> {
  if (o.cut.clips.length === 0) throw new UserError('The cut is empty. Add shots to the timeline first.');
  const frames = o.cut.totalFrames;
  const durationS = frames / TIMELINE_FPS;
  const dir = path.dirname(o.out);
  fs.mkdirSync(dir, { recursive: true });
  sweepScratch(dir);
  const temp = scratchPath(dir, 'cut', '.mp4');
  const work = scratchDir(dir, 'cut-work');
  try {
    o.onProgress?.(0, 'Checking the clips');
    const facts = await probeClips(o);
    const sound = [...takeSound(o, facts), ...(o.sound ?? [])];
    // With sound to mix, the picture is the first 70 % of the work.
    const share = sound.length > 0 ? 0.7 : 1;
    const picture: AnimaticOptions = { ...o, onProgress: (f, stage) => o.onProgress?.(f * share, stage) };
    const mode: AnimaticResult['mode'] = whyNotCopy(o, facts) === null ? 'copy' : 'encode';
    if (mode === 'copy') {
      const files = o.cut.clips.map((c) => clipFile(o.folder, c));
      await concatCopy(files, temp, work, { signal: o.signal, durationS, onProgress: (f) => picture.onProgress?.(f, 'Joining the takes') });
    } else {
      const segments = await encodeSegments(picture, facts, work);
      await concatCopy(segments, temp, work, { signal: o.signal, durationS, onProgress: (f) => picture.onProgress?.(0.95 + 0.05 * f, 'Joining the shots') });
    }
    if (sound.length > 0) {
      const mix = path.join(work, 'mix.wav');
      await renderMix(sound, durationS, mix, {
        duckDb: o.duckDb ?? DEFAULT_DUCK_DB,
        signal: o.signal,
        onProgress: (f) => o.onProgress?.(share + (0.98 - share) * f, 'Mixing the sound'),
      });
      const withSound = path.join(work, 'with-sound.mp4');
      await muxSound(temp, mix, withSound, o.signal);
      fs.renameSync(withSound, temp);
    }
    fs.renameSync(temp, o.out);
    o.onProgress?.(1, 'Done');
    return { path: o.out, mode, durationS, frames };
  } finally {
    fs.rmSync(temp, { force: true });
    fs.rmSync(work, { recursive: true, force: true });
  }
}
