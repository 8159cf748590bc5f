// The last two states: checking what arrived (ffprobe: a video, with a length, in a codec we
// can cut; or for a frame, a still image), then storing it content-addressed with a thumbnail,
// and writing the take in the same transaction as the job's `ready`.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { getModel, takeKindOf, toolModel } from '../../../shared/catalog';
import type { TakeKind } from '../../../shared/domain/jobs';
import type { JobRow, JobsRepo } from '../db/repos/jobsRepo';
import type { TakesRepo } from '../db/repos/takesRepo';
import type { Db } from '../db/sqlite';
import { ffprobe, type ProbeResult } from '../media/ffmpeg';
import { mediaStore, mediaTempPath, type MediaStore } from '../media/store';
import { arrivalStillFrame, keepStill, STORYBOARD_WIDTH } from '../media/frameCache';
import { extractFrame, extractFrameSizes } from '../media/thumbnail';
import { projectWaveform } from '../sound/waveform';
import { TIMELINE_FPS } from '../../../shared/domain/timecode';
import { compiledFor, readSnapshot } from './request';
import { audioTakeFacts, readAudioSnapshot } from './audio';

/** Codecs an editor opens without a transcode; the animatic is always H.264. */
const REMOTE_CODECS = ['h264', 'hevc', 'vp9', 'av1'];
/** Still images as ffprobe names their codec, with the extension each is stored under. */
const IMAGE_CODECS: Record<string, { ext: string; mime: string }> = {
  png: { ext: '.png', mime: 'image/png' },
  mjpeg: { ext: '.jpg', mime: 'image/jpeg' },
  webp: { ext: '.webp', mime: 'image/webp' },
};

/** Where a job's output waits before it is checked: a frame job makes an image. */
export function outputTempPath(folder: string, tool: string): string {
  return mediaTempPath(folder, takeKindOf(tool) === 'frame' ? '.png' : '.mp4');
}

/** What a spoken line or effect is stored as, by the container ffprobe found. */
export function audioFile(probe: ProbeResult): { ext: string; mime: string } {
  const name = probe.formatName ?? '';
  if (name.includes('wav')) return { ext: '.wav', mime: 'audio/wav' };
  if (name.includes('mp3')) return { ext: '.mp3', mime: 'audio/mpeg' };
  if (name.includes('ogg')) return { ext: '.ogg', mime: 'audio/ogg' };
  return { ext: '.audio', mime: 'application/octet-stream' };
}

export class OutputProblem extends Error {
  override name = 'OutputProblem';
}

/** Probes the downloaded or rendered file; throws OutputProblem saying what is wrong with it. */
export async function checkOutput(file: string, local: boolean, signal?: AbortSignal, kind: TakeKind = 'video'): Promise<ProbeResult> {
  if (!fs.existsSync(file)) throw new OutputProblem('the file is missing');
  if (fs.statSync(file).size === 0) throw new OutputProblem('the file is empty');
  let probe: ProbeResult;
  try {
    // A video's packet times come along for its QC.
    probe = await ffprobe(file, { signal, packets: kind === 'video' });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new OutputProblem(`it is not a media file ffprobe can read (${(err as Error).message.slice(0, 200)})`);
  }
  if (kind === 'frame') {
    if (!probe.codec || !IMAGE_CODECS[probe.codec] || !probe.width || !probe.height)
      throw new OutputProblem(`it is not a PNG, JPEG or WebP image (${probe.codec ?? 'no picture'})`);
    return probe;
  }
  if (kind === 'line' || kind === 'sfx') {
    if (!probe.hasAudio) throw new OutputProblem('it has no sound');
    if (!(probe.durationS > 0)) throw new OutputProblem('its duration is zero');
    return probe;
  }
  if (!probe.hasVideo) throw new OutputProblem('it has no video stream');
  if (!(probe.durationS > 0)) throw new OutputProblem('its duration is zero');
  const codecs = local ? ['h264'] : REMOTE_CODECS;
  if (!probe.codec || !codecs.includes(probe.codec)) throw new OutputProblem(`its video codec is ${probe.codec ?? 'unknown'}, expected ${codecs.join(' or ')}`);
  return probe;
}

export interface FinishCtx {
  db: Db;
  folder: string;
  repo: JobsRepo;
  takes: TakesRepo;
  now: number;
}

/**
 * Moves the checked file into media/, makes its thumbnail, and in one transaction records both
 * assets, the take and the job's `ready`. Returns the take id, or null when the job had already
 * moved on (canceled meanwhile): then nothing is written and the file stays as an unreferenced,
 * harmless copy in the store.
 */
export async function storeTake(ctx: FinishCtx, job: JobRow, probe: ProbeResult, notes: string[]): Promise<string | null> {
  const store = mediaStore(ctx.db, ctx.folder);
  const temp = job.temp_path!;
  const kind = takeKindOf(job.tool);
  if (kind === 'line' || kind === 'sfx') return storeAudioTake(ctx, job, probe, notes);
  const image = kind === 'frame' ? IMAGE_CODECS[probe.codec ?? ''] : undefined;
  const thumbTemp = mediaTempPath(ctx.folder, '.jpg');
  // A video's thumbnail and its storyboard still are one frame, the middle, grabbed in one run.
  const still = image ? null : { temp: mediaTempPath(ctx.folder, '.jpg'), frame: arrivalStillFrame(probe.durationS) };
  let thumb: { sha256: string; relPath: string; size: number } | null = null;
  try {
    if (still)
      await extractFrameSizes(temp, still.frame / TIMELINE_FPS, [
        { dest: thumbTemp, width: 320 },
        { dest: still.temp, width: STORYBOARD_WIDTH },
      ]);
    else await extractFrame(temp, thumbTemp, { atS: 0, width: 320 });
    thumb = await store.place(thumbTemp, '.jpg');
  } catch {
    // A take without a thumbnail is still a take; the UI draws a placeholder. A still from a
    // failed run may be half written: the export grabs its own instead.
    fs.rmSync(thumbTemp, { force: true });
    if (still) fs.rmSync(still.temp, { force: true });
  }
  const placed = await store.place(temp, image?.ext ?? '.mp4');
  if (still && fs.existsSync(still.temp)) {
    try {
      keepStill(ctx.folder, placed.relPath, still.frame, STORYBOARD_WIDTH, still.temp);
    } catch {
      // Only a saving for later exports: the take is stored without it.
      fs.rmSync(still.temp, { force: true });
    }
  }
  const snap = readSnapshot(job.request_json);
  const spec = getModel(job.tool);
  const prompt = compiledFor(snap, job.tool);
  // The take's cost is the charge where the provider reported one; the job keeps only a reported
  // charge in cost_usd, so an estimate is never shown as "what it cost".
  const costUsd = job.cost_usd ?? job.cost_estimate_usd;
  const takeId = randomUUID();
  const ok = ctx.db.transaction(() => {
    const asset = image
      ? store.record(placed, {
          kind: 'image',
          mime: image.mime,
          width: probe.width,
          height: probe.height,
          originalName: `${snap.shot.label}-frame${image.ext}`,
        })
      : store.record(placed, {
          kind: 'video',
          mime: 'video/mp4',
          width: probe.width,
          height: probe.height,
          durationS: probe.durationS,
          fps: probe.fps.avg ?? probe.fps.r,
          codec: probe.codec,
          originalName: `${snap.shot.label}.mp4`,
          probe: probe.source,
        });
    const thumbAsset = thumb ? store.record(thumb, { kind: 'image', mime: 'image/jpeg' }) : null;
    const moved = ctx.repo.move(job.id, 'checking', 'ready', {
      now: ctx.now,
      patch: { progress: 1, finished_at: ctx.now, temp_path: null },
      message: [
        image
          ? `Frame ready: ${probe.width}×${probe.height} ${probe.codec}.`
          : `Take ready: ${probe.width}×${probe.height}, ${probe.durationS.toFixed(2)} s, ${probe.codec}.`,
        ...notes,
      ].join(' '),
    });
    if (!moved) return false;
    ctx.takes.insert({
      id: takeId,
      kind,
      shot_id: job.shot_id,
      job_id: job.id,
      asset_sha256: asset.sha256,
      thumb_sha256: thumbAsset?.sha256 ?? null,
      provider: spec?.provider ?? job.tool.split(':')[0]!,
      model: spec?.model ?? job.tool,
      tool: job.tool,
      prompt: prompt.text,
      negative_prompt: prompt.negative,
      seed: job.seed,
      params_json: JSON.stringify({
        durationS: snap.shot.durationS,
        aspectRatio: snap.shot.aspectRatio,
        resolution: snap.shot.resolution || spec?.defaultResolution || '',
        camera: snap.shot.prompt.camera,
        remoteId: job.remote_id,
        stepRemoteId: job.step_remote_id,
        externalId: job.external_id,
        startFrame: snap.startFrame?.relPath ?? null,
        references: snap.references.map((r) => r.relPath),
        referenceTags: snap.references.map((r) => r.tag),
        switchedFrom: job.switched_from,
      }),
      cost_usd: costUsd,
      generation_s: job.started_at ? (ctx.now - job.started_at) / 1000 : null,
      duration_s: image ? null : probe.durationS,
      width: probe.width,
      height: probe.height,
      fps: image ? null : (probe.fps.avg ?? probe.fps.r),
      created_at: new Date(ctx.now).toISOString(),
    });
    return true;
  })();
  if (!ok) return null;
  if (probe.hasAudio) await keepWaveform(store, ctx.folder, placed.relPath);
  return takeId;
}

/**
 * Lets the sound lane of a take draw at once when it is first shown. After the take is written: a
 * crash while decoding must not come between the file's move into the store and its row. Only a
 * saving: on failure the lane computes it then.
 */
async function keepWaveform(store: MediaStore, folder: string, relPath: string): Promise<void> {
  try {
    await projectWaveform(folder, relPath, store.absPath(relPath, 'The take just stored'));
  } catch {
    // Nothing to undo: the take is written.
  }
}

/** A spoken line's audio (or an effect): stored, and recorded as a take of its shot with the line it speaks. */
async function storeAudioTake(ctx: FinishCtx, job: JobRow, probe: ProbeResult, notes: string[]): Promise<string | null> {
  const store = mediaStore(ctx.db, ctx.folder);
  const { audio } = readAudioSnapshot(job.request_json);
  const file = audioFile(probe);
  const facts = audioTakeFacts(audio, file.ext);
  const placed = await store.place(job.temp_path!, file.ext);
  const model = toolModel(job.tool);
  const takeId = randomUUID();
  const ok = ctx.db.transaction(() => {
    const asset = store.record(placed, {
      kind: 'audio',
      mime: file.mime,
      durationS: probe.durationS,
      codec: probe.formatName,
      originalName: facts.originalName,
    });
    const moved = ctx.repo.move(job.id, 'checking', 'ready', {
      now: ctx.now,
      patch: { progress: 1, finished_at: ctx.now, temp_path: null },
      message: [`${facts.ready}: ${probe.durationS.toFixed(2)} s.`, ...notes].join(' '),
    });
    if (!moved) return false;
    ctx.takes.insert({
      id: takeId,
      kind: facts.kind,
      shot_id: job.shot_id,
      job_id: job.id,
      asset_sha256: asset.sha256,
      thumb_sha256: null,
      provider: model?.provider ?? job.tool.split(':')[0]!,
      model: job.tool.slice(job.tool.indexOf(':') + 1),
      tool: job.tool,
      prompt: audio.text,
      negative_prompt: null,
      seed: job.seed,
      params_json: JSON.stringify(facts.params),
      cost_usd: job.cost_usd ?? job.cost_estimate_usd,
      generation_s: job.started_at ? (ctx.now - job.started_at) / 1000 : null,
      duration_s: probe.durationS,
      width: null,
      height: null,
      fps: null,
      created_at: new Date(ctx.now).toISOString(),
    });
    return true;
  })();
  if (!ok) return null;
  await keepWaveform(store, ctx.folder, placed.relPath);
  return takeId;
}
