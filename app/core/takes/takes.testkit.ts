// Test kit for takes: takes written the way the engine writes them (a `ready` job with its frozen
// request, the stored file and the take row), without a provider.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { getModel, takeKindOf } from '../../../shared/catalog';
import type { Shot, ToolId } from '../../../shared/domain/types';
import { testJob } from '../jobs/jobs.testkit';
import { snapshotRequest, type RequestSnapshot } from '../jobs/request';
import { ffprobe } from '../media/ffmpeg';
import { mediaStore, mediaTempPath } from '../media/store';
import type { TakesProject } from './queries';

export interface TakeSpec {
  tool?: ToolId;
  seed?: number | null;
  costUsd?: number;
  /** The frozen request; by default the shot as it is now. */
  request?: RequestSnapshot;
  createdAt?: string;
}

/** Stores a copy of `clip` as a new take of `shot`, as the engine's `ready` step does. */
export async function insertTake(project: TakesProject, shot: Shot, clip: string, spec: TakeSpec = {}): Promise<string> {
  const store = mediaStore(project.db, project.folder);
  const temp = mediaTempPath(project.folder, '.mp4');
  fs.copyFileSync(clip, temp);
  const probe = await ffprobe(temp);
  const placed = await store.place(temp, '.mp4');
  const tool = spec.tool ?? shot.tool;
  const model = getModel(tool);
  const request = spec.request ?? snapshotRequest(shot, project.jobs.shotImages(shot.id));
  const jobId = randomUUID();
  const takeId = randomUUID();
  const now = Date.now();
  project.db.transaction(() => {
    const asset = store.record(placed, {
      kind: 'video',
      mime: 'video/mp4',
      width: probe.width,
      height: probe.height,
      durationS: probe.durationS,
      fps: probe.fps.avg,
    });
    project.jobs.insert(
      testJob(shot, { id: jobId, tool, seed: spec.seed ?? 42, request_json: JSON.stringify(request), cost_estimate_usd: spec.costUsd ?? 0, created_at: now }),
      'test take',
    );
    project.jobs.move(jobId, 'queued', 'ready', { now, patch: { cost_usd: spec.costUsd ?? 0, finished_at: now } });
    project.takes.insert({
      id: takeId,
      kind: takeKindOf(tool),
      shot_id: shot.id,
      job_id: jobId,
      asset_sha256: asset.sha256,
      thumb_sha256: null,
      provider: model?.provider ?? 'local',
      model: model?.model ?? tool,
      tool,
      prompt: 'test prompt',
      negative_prompt: null,
      seed: spec.seed ?? 42,
      params_json: JSON.stringify({ startFrame: request.startFrame?.relPath ?? null, references: request.references.map((r) => r.relPath) }),
      cost_usd: spec.costUsd ?? 0,
      generation_s: 1,
      duration_s: probe.durationS,
      width: probe.width,
      height: probe.height,
      fps: probe.fps.avg,
      created_at: spec.createdAt ?? new Date(now).toISOString(),
    });
  })();
  return takeId;
}

export const absMedia = (project: TakesProject, relPath: string) => path.join(project.folder, ...relPath.split('/'));
