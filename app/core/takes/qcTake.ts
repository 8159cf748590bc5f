// QC for a take: what to expect of it (from the catalog and what was asked), running the check
// and storing the results. The engine calls `qcForJob` while the job is `checking`; a take whose
// check never ran (an older take, a crash in between) is checked by `checkTake`.
import { durationsAt, getModel, nearestDuration, tierFor, wireRatio } from '../../../shared/catalog';
import type { QcResult } from '../../../shared/domain/takes';
import type { AspectRatio, ToolId } from '../../../shared/domain/types';
import { reviewRepo } from '../db/repos/reviewRepo';
import type { Db } from '../db/sqlite';
import { UserError } from '../errors';
import { readSnapshot } from '../jobs/request';
import type { ProbeResult } from '../media/ffmpeg';
import { runQc, type QcExpectations } from '../media/qc';
import { animaticSize, ANIMATIC_FPS, frameCount } from '../providers/local/sizes';
import { takeFile, takeOrThrow, type TakesProject } from './queries';

export interface AskedFor {
  durationS: number;
  aspectRatio: AspectRatio;
  resolution: string;
  /** The shot asked for sound where the model sells it as an option (Kling 2.6). */
  askSound?: boolean;
}

/** "1280:720" → pixels; anything else (a ratio) → null. */
function pixels(wire: string): { width: number; height: number } | null {
  const m = /^(\d{3,5}):(\d{3,5})$/.exec(wire);
  return m ? { width: Number(m[1]), height: Number(m[2]) } : null;
}

/** What a take of `tool` should be, given what was asked for. */
export function qcExpectations(tool: ToolId, asked: AskedFor): QcExpectations {
  const spec = getModel(tool);
  const local = spec?.provider === 'local';
  const resolution = asked.resolution || spec?.defaultResolution || '';
  const fps = spec?.fps ? spec.fps : null;
  const tier = spec ? tierFor(spec, resolution) : null;
  const durationS = local
    ? frameCount(asked.durationS) / ANIMATIC_FPS
    : spec && tier
      ? nearestDuration(durationsAt(spec, tier), asked.durationS)
      : asked.durationS;
  const frame = 1 / (fps ?? 24);
  const size = local ? animaticSize(asked.aspectRatio, resolution) : spec ? pixels(wireRatio(spec, asked.aspectRatio, resolution)) : null;
  const short = /^(\d+)p$/i.exec(resolution);
  return {
    fps,
    durationS,
    // One frame, plus the providers' own rounding of clip lengths to their frame and GOP grids
    // (a "5 s" clip is often 5.04–5.1 s). The animatic is exact to the frame.
    durationToleranceS: local ? frame * 0.5 : frame + durationS * 0.025,
    size,
    ratio: asked.aspectRatio,
    minShortSide: short ? Number(short[1]) : null,
    audioPromised: (spec?.audio ?? false) || (!!asked.askSound && !!spec?.soundOption),
    stillExpected: local,
    modelName: spec?.name ?? tool,
  };
}

function asked(requestJson: string): AskedFor {
  const snap = readSnapshot(requestJson);
  return { durationS: snap.shot.durationS, aspectRatio: snap.shot.aspectRatio, resolution: snap.shot.resolution, askSound: snap.shot.askSound };
}

/**
 * The engine's hook, on the downloaded file before it is stored. Never fails the job: a check
 * that cannot run leaves the take unchecked (null), and `checkTake` can run it later.
 */
export async function qcForJob(
  job: { tool: ToolId; request_json: string },
  file: string,
  signal?: AbortSignal,
  probe?: ProbeResult,
): Promise<QcResult[] | null> {
  try {
    return await runQc(file, qcExpectations(job.tool, asked(job.request_json)), { signal, probe });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    return null;
  }
}

/** Stores results for a take the engine has just written (no-op when it is gone). */
export function saveQc(db: Db, takeId: string, results: QcResult[] | null): void {
  if (results) reviewRepo(db).saveQc(takeId, results);
}

/** Runs the check on a stored take and keeps the results. */
export async function checkTake(project: TakesProject, takeId: string, signal?: AbortSignal): Promise<QcResult[]> {
  const take = takeOrThrow(project, takeId);
  const request = project.reviews.requestJson(takeId);
  const file = takeFile(project, take);
  const exp = request
    ? qcExpectations(take.tool, asked(request))
    : qcExpectations(take.tool, { durationS: take.durationS ?? 0, aspectRatio: '16:9', resolution: '' });
  let results: QcResult[];
  try {
    results = await runQc(file, exp, { signal });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new UserError(`Take ${take.number} could not be checked: ${(err as Error).message.slice(0, 300)}. Its file may be damaged or missing.`);
  }
  project.reviews.saveQc(takeId, results);
  return results;
}
