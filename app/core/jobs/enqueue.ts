// Turning "generate N takes of these shots" into queued jobs, and the user's later decisions
// about them (retry, cancel, resolve a question). Each is one transaction, refused with the
// figure when it would take the project past its budget. The running engine is woken by the
// caller; nothing here talks to a provider.
import { randomInt, randomUUID } from 'node:crypto';
import { getModel, refImageRule, takeKindOf } from '../../../shared/catalog';
import { estimateShot, takeEstimateUsd, type SentImages } from '../../../shared/domain/cost';
import type { AttentionChoice } from '../../../shared/domain/jobs';
import { emptyListFields } from '../../../shared/domain/shotList';
import type { Shot, ToolId } from '../../../shared/domain/types';
import { attentionOf, type JobRow, type JobsRepo } from '../db/repos/jobsRepo';
import type { TimelineRepo } from '../db/repos/timelineRepo';
import type { Db } from '../db/sqlite';
import { UserError } from '../errors';
import { sendImagesForShot, type SendCache } from '../library/sendImage';
import { CORES, mapLimit } from '../mapLimit';
import { hasChoice, toolName } from './attention';
import { checkFrameForTool, checkShotForTool, imageRows, readSnapshot, snapshotRequest, type RequestSnapshot } from './request';
import type { Project } from '../project/project';
import { systemClock, type Clock } from './timing';

export interface JobsCtx {
  db: Db;
  /** The project folder: send-time images are stored in its media store. */
  folder: string;
  repo: JobsRepo;
  timeline: TimelineRepo;
  clock: Clock;
}

/** The context for a project opened here (CLI, tests, benchmarks). */
export function jobsCtx(project: Pick<Project, 'db' | 'folder' | 'timeline' | 'jobs'>, clock: Clock = systemClock): JobsCtx {
  return { db: project.db, folder: project.folder, repo: project.jobs, timeline: project.timeline, clock };
}

const usd = (n: number) => `$${n.toFixed(2)}`;
const MAX_SEED = 4_294_967_295;

/** What a shot's image rows send, as the estimate needs it. */
export function sentImages(rows: ReadonlyArray<{ role: 'start' | 'end' | 'ref' }>): SentImages {
  return { refs: rows.filter((r) => r.role === 'ref').length, startFrame: rows.some((r) => r.role === 'start') };
}

/** The tool a shot is generated with when the user does not pick one: its tier's tool. */
export function toolForShot(shot: Shot): ToolId {
  return shot.tier === 'final' && shot.finalTool ? shot.finalTool : shot.tool;
}

/** Refuses `extraUsd` more when it would take spent + in flight past the budget; says by how much. */
export function guardBudget(ctx: JobsCtx, extraUsd: number, what: string): void {
  const budget = ctx.timeline.project().budgetUsd;
  if (budget === null || extraUsd <= 0) return;
  const { spentUsd, inFlightUsd } = ctx.repo.spend();
  const committed = spentUsd + inFlightUsd;
  if (committed + extraUsd > budget + 1e-9) {
    throw new UserError(
      `Over budget: ${what} ${extraUsd === 1 ? 'is' : 'are'} estimated at ${usd(extraUsd)}, and ${usd(committed)} is already spent or on its way, ` +
        `which would make ${usd(committed + extraUsd)} of the ${usd(budget)} budget. Raise the budget, generate fewer takes, or pick a cheaper tool.`,
    );
  }
}

function distinctSeeds(n: number, taken: Set<number>): number[] {
  const out: number[] = [];
  while (out.length < n) {
    const seed = randomInt(0, MAX_SEED);
    if (!taken.has(seed)) {
      taken.add(seed);
      out.push(seed);
    }
  }
  return out;
}

export interface EnqueueInput {
  shotIds: string[];
  takes: number;
  /** The shot's own tool when absent; an image model queues storyboard frames. */
  tool?: ToolId;
}

/**
 * Queues `takes` jobs per shot with distinct seeds; all or nothing. The request is frozen as the
 * shots were when this was called, with each image already cropped and scaled for its tool: that
 * work is slow, so it runs first, outside the transaction that writes the jobs.
 */
export async function enqueueTakes(
  ctx: JobsCtx,
  input: EnqueueInput,
  /** Shots whose images are ready, of all: called at the start and after each. */
  onPrepared?: (done: number, total: number) => void,
): Promise<{ batchId: string; jobIds: string[] }> {
  if (input.shotIds.length === 0) throw new UserError('No shots to generate. Select shots, or use Generate all drafts.');
  if (!(input.takes >= 1 && input.takes <= 8)) throw new UserError('Generate between 1 and 8 takes at a time.');
  const picked = input.shotIds.map((id) => {
    const shot = ctx.timeline.shot(id);
    if (!shot) throw new UserError('A shot to generate no longer exists. Reselect the shots and try again.');
    const tool = input.tool ?? toolForShot(shot);
    // Refused before any image is made, with the validator's words.
    if (takeKindOf(tool) === 'frame') checkFrameForTool(shot, tool, ctx.repo.shotImages(shot.id));
    else checkShotForTool(shot, tool, ctx.repo.shotImages(shot.id));
    return { shot, tool };
  });
  // A shared image is made once (the cache holds its promise); shots are prepared a few at a time.
  const cache: SendCache = new Map();
  let prepared = 0;
  onPrepared?.(0, picked.length);
  const plan = await mapLimit(picked, CORES, async ({ shot, tool }) => {
    const frame = takeKindOf(tool) === 'frame';
    const sent = imageRows(await sendImagesForShot(ctx.db, ctx.folder, shot, tool, cache, !frame));
    onPrepared?.(++prepared, picked.length);
    // A frame is made at the image model's own resolution, whatever the shot's video asks for.
    const snap = snapshotRequest(frame ? { ...shot, resolution: '' } : shot, sent);
    return { shot, tool, snap, estimate: takeEstimateUsd(shot, tool, sentImages(sent)) };
  });
  return ctx.db.transaction(() => {
    if (plan.some((p) => !ctx.timeline.shot(p.shot.id)))
      throw new UserError('A shot was deleted while its takes were being queued. Nothing was queued; try again.');
    const total = plan.reduce((sum, p) => sum + p.estimate * input.takes, 0);
    const labels = plan.map((p) => p.shot.label);
    const what = `${input.takes} ${input.takes === 1 ? 'take' : 'takes'} of ${labels.length > 3 ? `${labels.length} shots` : labels.join(', ')}`;
    guardBudget(ctx, total, what);

    const batchId = randomUUID();
    const now = ctx.clock.now();
    const jobIds: string[] = [];
    for (const { shot, tool, snap, estimate } of plan) {
      const seeds = distinctSeeds(input.takes, ctx.repo.seedsOfShot(shot.id));
      seeds.forEach((seed, i) => {
        const id = randomUUID();
        jobIds.push(id);
        ctx.repo.insert(
          {
            id,
            shot_id: shot.id,
            shot_label: shot.label,
            batch_id: batchId,
            tool,
            external_id: `shotline-${id}`,
            seed,
            request_json: JSON.stringify(snap),
            cost_estimate_usd: estimate,
            fallback_tool: shot.fallbackTool ?? null,
            created_at: now,
          },
          `Queued ${takeKindOf(tool) === 'frame' ? 'frame' : 'take'} ${i + 1} of ${input.takes} for ${shot.label} on ${toolName(tool)}, seed ${seed}, estimated ${usd(estimate)}.`,
        );
      });
    }
    return { batchId, jobIds };
  })();
}

/** Shots with no take and nothing under way: what "Generate all drafts" sends. */
export function shotsNotGenerated(ctx: JobsCtx): Shot[] {
  const busy = ctx.repo.shotsWithWork();
  return ctx.timeline.shots().filter((s) => !busy.has(s.id));
}

/** Shots with no frame and no frame job under way: what "frames for all shots without one" sends. */
export function shotsWithoutFrames(ctx: JobsCtx): Shot[] {
  const busy = ctx.repo.shotsWithWork('frame');
  return ctx.timeline.shots().filter((s) => !busy.has(s.id));
}

function jobOrThrow(ctx: JobsCtx, id: string): JobRow {
  const job = ctx.repo.get(id);
  if (!job) throw new UserError('That job no longer exists. Refresh the queue.');
  return job;
}

/** A fresh attempt of a failed or canceled job: new external id, nothing of the last try kept. */
const FRESH = {
  remote_id: null,
  step: 1,
  step_remote_id: null,
  attempts: 0,
  polls: 0,
  error: null,
  attention: null,
  cancel_requested: 0,
  output_url: null,
  temp_path: null,
  progress: null,
  cost_usd: null,
  started_at: null,
  finished_at: null,
  next_attempt_at: 0,
} as const;

export function retryJob(ctx: JobsCtx, id: string): JobRow {
  const job = jobOrThrow(ctx, id);
  if (job.state !== 'failed' && job.state !== 'canceled') {
    throw new UserError(`Only a failed or canceled take can be retried; this one is ${job.state.replace('_', ' ')}.`);
  }
  return ctx.db.transaction(() => {
    guardBudget(ctx, job.cost_estimate_usd, `retrying ${job.shot_label}`);
    const moved = ctx.repo.move(id, job.state, 'queued', {
      now: ctx.clock.now(),
      patch: { ...FRESH, external_id: `shotline-${randomUUID()}` },
      message: `Retry requested${job.remote_id ? ` (the last attempt was task ${job.remote_id})` : ''}.`,
    });
    if (!moved) throw new UserError('The job changed while retrying; try again.');
    return ctx.repo.get(id)!;
  })();
}

/** Cancels what has not been sent at once; for the rest, asks the engine (which may need to tell the provider). */
export function requestCancel(ctx: JobsCtx, id: string): 'canceled' | 'requested' {
  const job = jobOrThrow(ctx, id);
  const now = ctx.clock.now();
  if (job.state === 'queued' || job.state === 'needs_attention') {
    const note = job.state === 'needs_attention' && !job.remote_id ? ' If the provider did make the task, it may still bill.' : '';
    if (ctx.repo.move(id, job.state, 'canceled', { now, patch: { finished_at: now, attention: null }, message: `Canceled by the user.${note}` }))
      return 'canceled';
  }
  if (!ctx.repo.requestCancel(id, now)) throw new UserError(`This take is already ${ctx.repo.get(id)?.state.replace('_', ' ')}; there is nothing to cancel.`);
  return 'requested';
}

/** The shot as it was queued, as validation wants it. */
function snapShot(snap: RequestSnapshot, job: JobRow, tool: ToolId): Shot {
  const list = { ...emptyListFields(), ...snap.shot.list };
  return {
    ...snap.shot,
    list,
    id: job.shot_id,
    sceneId: '',
    position: 0,
    tool,
    finalTool: null,
    tier: 'draft',
    notes: '',
    status: 'planned',
    soundMode: 'both',
    askSound: snap.shot.askSound ?? false,
  };
}

/**
 * Re-queues `job` on its fallback tool as a fresh job (new external id, prompt recompiled for the
 * new model when it is sent). Refused, with the reason, when the shot does not fit that tool or
 * the budget would not allow it. The images made for the first tool are sent as they are (they
 * were scaled down, never up, so they are within every provider's largest size; this runs in the
 * engine's loop, where there is no time to make new ones), unless one is under the new
 * provider's smallest side.
 */
export function switchTool(ctx: JobsCtx, job: JobRow, to: ToolId, message: string): boolean {
  if (!getModel(to)) throw new UserError(`The fallback tool "${to}" is not in the catalog. Pick another fallback for shot ${job.shot_label}.`);
  const snap = readSnapshot(job.request_json);
  const shot = snapShot(snap, job, to);
  const images = imageRows(snap);
  checkShotForTool(shot, to, images);
  const minSide = refImageRule(to)?.minSide ?? 1;
  const small = images.find((i) => Math.min(i.width, i.height) < minSide);
  if (small) {
    throw new UserError(
      `An image of shot ${job.shot_label} is ${small.width} × ${small.height} px as sent to ${toolName(job.tool)}; ${toolName(to)} needs at least ${minSide} px on each side. Generate the shot on ${toolName(to)} from the timeline instead.`,
    );
  }
  const estimate = estimateShot(shot, to).usd;
  guardBudget(ctx, estimate, `switching ${job.shot_label} to ${toolName(to)}`);
  return ctx.repo.move(job.id, job.state, 'queued', {
    now: ctx.clock.now(),
    patch: { ...FRESH, tool: to, switched_from: job.tool, cost_estimate_usd: estimate, external_id: `shotline-${randomUUID()}` },
    message,
  });
}

/** The user's answer to a needs_attention question. */
export function resolveAttention(ctx: JobsCtx, id: string, choice: AttentionChoice): JobRow {
  const job = jobOrThrow(ctx, id);
  if (job.state !== 'needs_attention') throw new UserError('This take no longer needs a decision. Refresh the queue.');
  const attention = attentionOf(job);
  if (!hasChoice(attention, choice)) throw new UserError(`"${choice.replace('_', ' ')}" is not one of the choices for this take.`);
  const now = ctx.clock.now();
  const cleared = { attention: null, error: null, attempts: 0, next_attempt_at: 0 };
  return ctx.db.transaction(() => {
    let ok = false;
    if (choice === 'mark_failed') {
      ok = ctx.repo.move(id, job.state, 'failed', { now, patch: { attention: null, finished_at: now }, message: 'Marked as failed by the user.' });
    } else if (choice === 'check_again') {
      // With a task to follow, follow it; otherwise the job was never sent and simply waits again.
      const to = job.remote_id ? 'submitted' : 'queued';
      ok = ctx.repo.move(id, job.state, to, { now, patch: cleared, message: 'The user asked to check again.' });
    } else if (choice === 'submit_again') {
      guardBudget(ctx, job.cost_estimate_usd, `sending ${job.shot_label} again`);
      ok = ctx.repo.move(id, job.state, 'queued', {
        now,
        patch: { ...cleared, remote_id: null, external_id: `shotline-${randomUUID()}` },
        message: 'The user chose to submit again, knowing the first attempt may also bill.',
      });
    } else {
      const to = attention?.fallbackTool;
      if (!to) throw new UserError('This take has no fallback tool to switch to.');
      ok = switchTool(ctx, job, to, `Switched from ${toolName(job.tool)} to ${toolName(to)} by the user.`);
    }
    if (!ok) throw new UserError('The job changed while you decided; refresh the queue.');
    return ctx.repo.get(id)!;
  })();
}
