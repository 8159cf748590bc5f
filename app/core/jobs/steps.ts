// One step of one job: each reads the job's state, writes the next state BEFORE the side effect
// it allows (send, poll, download, render), performs it, and records what came back. A step
// that is interrupted leaves a state that says what may have happened, and the engine's next
// step for that state knows how to go on from there.
import fs from 'node:fs';
import { getModel } from '../../../shared/catalog';
import { roundUsd } from '../../../shared/domain/cost';
import type { JobRow, JobPatch, JobsRepo } from '../db/repos/jobsRepo';
import type { TakesRepo } from '../db/repos/takesRepo';
import type { Db } from '../db/sqlite';
import { describeError, UserError } from '../errors';
import { ProviderError, type GenerationRequest, type PollResult, type ProviderAdapter } from '../providers/types';
import { lostTouch, providerName, uncertainCreate } from './attention';
import { checkOutput, OutputProblem, outputTempPath, storeTake } from './finish';
import { takeKindOf } from '../../../shared/catalog';
import { qcForJob, saveQc } from '../takes/qcTake';
import { generationRequest, readSnapshot } from './request';
import type { Runner } from './runners';
import type { JobState } from './states';
import { pollDelayMs, retryDelayMs, type Clock, type EngineTuning, type ProgressReading } from './timing';

/** What a step may use of the engine. */
export interface StepCtx {
  db: Db;
  folder: string;
  repo: JobsRepo;
  takes: TakesRepo;
  clock: Clock;
  tuning: EngineTuning;
  pollOverrideS(): number | null;
  customEndpoint(tool: string): boolean;
  /**
   * Writes a transition (lease-checked when `lease`), logs it with the redacted raw reply, tells
   * listeners. False when the job had moved on, or this engine lost the project: stop there.
   */
  move(job: JobRow, to: JobState, opts: { patch?: JobPatch; message?: string; raw?: unknown; lease?: boolean }): boolean;
  health(tool: string, ok: boolean): void;
  /**
   * An uneventful poll ("still running"): kept in memory, not written. A committed write per
   * poll (an fsync each) would cost more than the poll; after a restart polling just resumes.
   */
  polled(job: JobRow, p: { polls: number; nextAt: number; progress: number | null }): void;
  progress(job: JobRow, fraction: number): void;
  /** Keeps this progress reading of a running task; the seconds it likely has left, judged from the reading before (see `remainingS`). */
  pace(job: JobRow, reading: ProgressReading): number | null;
}

const isAbort = (err: unknown) => (err as Error | undefined)?.name === 'AbortError';

function request(ctx: StepCtx, job: JobRow): GenerationRequest {
  return generationRequest(job, readSnapshot(job.request_json), ctx.folder);
}

/** When to poll next: the interval counts from when this poll was sent (`sentAt`), so the answer's round trip does not add to every wait. */
function nextPoll(ctx: StepCtx, job: JobRow, polls: number, sentAt: number, remainingS: number | null = null): number {
  const minPollS = getModel(job.tool)?.minPollS ?? 5;
  return (
    sentAt +
    pollDelayMs({ minPollS, overrideS: ctx.pollOverrideS(), customEndpoint: ctx.customEndpoint(job.tool), polls, maxS: ctx.tuning.pollMaxS, remainingS })
  );
}

function retryAt(ctx: StepCtx, attempt: number, retryAfterS?: number): number {
  return ctx.clock.now() + retryDelayMs({ attempt, retryAfterS, baseS: ctx.tuning.retryBaseS, maxS: ctx.tuning.retryMaxS });
}

/** queued → submitting → submitted: the only step that can bill. Never retried blindly. */
export async function submit(ctx: StepCtx, job: JobRow, adapter: ProviderAdapter): Promise<void> {
  const req = request(ctx, job);
  const second = job.step === 2 && job.step_remote_id !== null;
  const name = providerName(job.tool);
  const now = ctx.clock.now();
  if (
    !ctx.move(job, 'submitting', {
      lease: true,
      patch: { started_at: job.started_at ?? now },
      message: second ? `Sending the video step to ${name}.` : `Sending to ${name}.`,
    })
  )
    return;
  const sending: JobRow = { ...job, state: 'submitting', started_at: job.started_at ?? now };
  let result;
  const sentAt = ctx.clock.now();
  try {
    // No AbortSignal: a create abandoned half-way may still make (and bill) a task.
    result = second ? await adapter.submitNext!(job.step_remote_id!, req) : await adapter.submit(req);
  } catch (err) {
    return submitFailed(ctx, sending, adapter, err, second);
  }
  ctx.health(job.tool, true);
  // Recording the task id is never lease-gated: the task exists, and knowing it is always right.
  const recorded = ctx.move(sending, 'submitted', {
    patch: { remote_id: result.remoteId, attempts: 0, polls: 0, next_attempt_at: nextPoll(ctx, job, 1, sentAt) },
    message: `${name} accepted it as task ${result.remoteId}.`,
    raw: result.raw,
  });
  if (!recorded)
    ctx.repo.log(job.id, 'submitting', `${name} created task ${result.remoteId} after this job had moved on; check it on the ${name} dashboard.`, null);
}

function submitFailed(ctx: StepCtx, job: JobRow, adapter: ProviderAdapter, err: unknown, second: boolean): void {
  const name = providerName(job.tool);
  const raw = err instanceof ProviderError ? err.details.raw : undefined;
  const attempts = job.attempts + 1;
  if (err instanceof ProviderError && err.kind === 'rate_limited') {
    // A 429 made no task: safe to send again after the wait the provider asked for.
    if (attempts > ctx.tuning.maxRateLimitRetries) {
      ctx.move(job, 'failed', {
        patch: { error: `${name} kept refusing new jobs: ${err.message} Nothing was billed; retry later.`, finished_at: ctx.clock.now() },
        raw,
      });
      return;
    }
    ctx.move(job, 'queued', {
      patch: { attempts, next_attempt_at: retryAt(ctx, attempts, err.details.retryAfterS) },
      message: `${name} is busy (${err.message}); waiting before sending again.`,
      raw,
    });
    return;
  }
  if (err instanceof ProviderError && (err.kind === 'permanent' || err.kind === 'auth')) {
    ctx.move(job, 'failed', { patch: { error: err.message, finished_at: ctx.clock.now() }, message: `${name} refused it; nothing was made.`, raw });
    return;
  }
  // Transient (timeout, 5xx, network) or unexpected: the task may exist.
  if (err instanceof ProviderError) ctx.health(job.tool, false);
  if (adapter.findByExternalId && !second) {
    ctx.move(job, 'submitting', {
      patch: { attempts, next_attempt_at: retryAt(ctx, attempts) },
      message: `No answer from ${name} (${describeError(err).message}); will look the task up by its id.`,
      raw,
    });
    return;
  }
  ctx.move(job, 'needs_attention', {
    patch: { attention: uncertainCreate(job.tool, describeError(err).message, job.fallback_tool), error: describeError(err).message },
    raw,
  });
}

/** A job found in `submitting` that nobody is sending: after a crash, or awaiting a lookup. */
export async function recoverSubmitting(ctx: StepCtx, job: JobRow, adapter: ProviderAdapter): Promise<void> {
  const cause = job.attempts > 0 ? 'the create request got no clear answer' : 'Shotline stopped while sending it';
  if (!adapter.findByExternalId || job.step === 2) {
    ctx.move(job, 'needs_attention', { patch: { attention: uncertainCreate(job.tool, cause, job.fallback_tool), error: cause } });
    return;
  }
  const name = providerName(job.tool);
  try {
    const found = await adapter.findByExternalId(job.external_id, request(ctx, job));
    if (found) {
      ctx.move(job, 'submitted', {
        patch: { remote_id: found.remoteId, attempts: 0, next_attempt_at: ctx.clock.now() },
        message: `Found it on ${name} as task ${found.remoteId}.`,
        raw: found.raw,
      });
    } else {
      ctx.move(job, 'queued', {
        lease: true,
        patch: { next_attempt_at: 0 },
        message: `${name} has no task with id ${job.external_id}, so nothing was made: sending it again is safe.`,
      });
    }
  } catch (err) {
    const attempts = job.attempts + 1;
    if (attempts > ctx.tuning.maxTransientRetries) {
      ctx.move(job, 'needs_attention', {
        patch: { attention: uncertainCreate(job.tool, describeError(err).message, job.fallback_tool), error: describeError(err).message },
      });
    } else {
      ctx.move(job, 'submitting', {
        patch: { attempts, next_attempt_at: retryAt(ctx, attempts) },
        message: `Could not look it up yet (${describeError(err).message}).`,
      });
    }
  }
}

/** submitted/running: one poll, and what it says. */
export async function poll(ctx: StepCtx, job: JobRow, adapter: ProviderAdapter, signal: AbortSignal): Promise<void> {
  let res: PollResult;
  const sentAt = ctx.clock.now();
  try {
    res = await adapter.poll(job.remote_id!, signal);
  } catch (err) {
    if (isAbort(err)) return;
    return followFailed(ctx, job, err);
  }
  ctx.health(job.tool, true);
  const name = providerName(job.tool);
  const now = ctx.clock.now();
  switch (res.state) {
    case 'queued':
    case 'running': {
      const to = res.state === 'running' ? 'running' : job.state;
      const polls = job.polls + 1;
      // The provider read its progress somewhere in the round trip.
      const left = res.state === 'running' && res.progress !== null ? ctx.pace(job, { at: (sentAt + now) / 2, progress: res.progress }) : null;
      const nextAt = nextPoll(ctx, job, polls + 1, sentAt, left);
      if (res.progress !== null) ctx.progress(job, res.progress);
      if (to === job.state && job.attempts === 0) {
        ctx.polled(job, { polls, nextAt, progress: res.progress });
        return;
      }
      ctx.move(job, to, {
        patch: { progress: res.progress, polls, attempts: 0, next_attempt_at: nextAt },
        ...(to !== job.state ? { message: `${name} is generating it.`, raw: res.raw } : {}),
      });
      return;
    }
    case 'succeeded': {
      const charged = chargedUsd(job, res.costUsd);
      // URLs expire: the download starts at once, into a temp file named now so a crash leaves no stray.
      ctx.move(job, 'downloading', {
        patch: { output_url: res.outputUrl, temp_path: outputTempPath(ctx.folder, job.tool), cost_usd: charged, progress: 1, attempts: 0, next_attempt_at: 0 },
        message: `${name} finished it${charged !== null ? ` (charged $${charged.toFixed(2)})` : ''}; downloading.`,
        raw: res.raw,
      });
      return;
    }
    case 'step_done':
      // The frame is made; the video is a second create, sent through `queued` like the first.
      ctx.move(job, 'queued', {
        patch: {
          step: 2,
          step_remote_id: job.remote_id,
          remote_id: null,
          output_url: null,
          progress: null,
          attempts: 0,
          polls: 0,
          next_attempt_at: 0,
          cost_usd: res.costUsd,
        },
        message: `${name} made the start frame; the video is next.`,
        raw: res.raw,
      });
      return;
    case 'failed':
      ctx.move(job, 'failed', {
        patch: { error: `${name}: ${res.reason}`, finished_at: now },
        message: res.code ? `Failure code ${res.code}.` : 'Failed.',
        raw: res.raw,
      });
      return;
    case 'canceled':
      ctx.move(job, 'canceled', { patch: { finished_at: now }, message: `${name} reports the task canceled or deleted.`, raw: res.raw });
      return;
  }
}

/**
 * What the whole job was charged, where the provider says: the video's charge plus, for a
 * two-step job, the start frame's (recorded at step_done). Unknown if either part is unknown.
 */
function chargedUsd(job: JobRow, videoUsd: number | null): number | null {
  if (videoUsd === null) return null;
  if (job.step !== 2) return videoUsd;
  return job.cost_usd === null ? null : roundUsd(job.cost_usd + videoUsd);
}

/** Polling or downloading went wrong: wait and try again, within the budget; then ask the user. */
function followFailed(ctx: StepCtx, job: JobRow, err: unknown): void {
  const name = providerName(job.tool);
  const raw = err instanceof ProviderError ? err.details.raw : undefined;
  const attempts = job.attempts + 1;
  if (err instanceof ProviderError && err.kind === 'permanent') {
    ctx.move(job, 'failed', { patch: { error: `${name}: ${err.message}`, finished_at: ctx.clock.now() }, raw });
    return;
  }
  if (err instanceof ProviderError && err.kind === 'rate_limited' && attempts <= ctx.tuning.maxRateLimitRetries) {
    ctx.move(job, job.state, {
      patch: { attempts, next_attempt_at: retryAt(ctx, attempts, err.details.retryAfterS) },
      message: `${name} asked to slow down.`,
      raw,
    });
    return;
  }
  const auth = err instanceof ProviderError && err.kind === 'auth';
  if (!auth && err instanceof ProviderError) ctx.health(job.tool, false);
  if (auth || attempts > ctx.tuning.maxTransientRetries) {
    const cause = auth
      ? `${describeError(err).message} Fix the key in Settings, then check again`
      : `${attempts - 1} tries failed, the last with: ${describeError(err).message}`;
    ctx.move(job, 'needs_attention', { patch: { attention: lostTouch(job.tool, cause, job.fallback_tool), error: describeError(err).message }, raw });
    return;
  }
  ctx.move(job, job.state, {
    patch: { attempts, next_attempt_at: retryAt(ctx, attempts) },
    message: `Trouble reaching ${name} (${describeError(err).message}); trying again.`,
    raw,
  });
}

/** downloading → checking. Provider URLs expire: an expired one is renewed by polling again. */
export async function download(ctx: StepCtx, job: JobRow, adapter: ProviderAdapter, signal: AbortSignal): Promise<void> {
  const temp = job.temp_path ?? outputTempPath(ctx.folder, job.tool);
  let current = job;
  if (!job.temp_path || !job.output_url) {
    let url = job.output_url;
    if (!url) {
      const res = await adapter.poll(job.remote_id!, signal).catch((err: unknown) => err as Error);
      if (res instanceof Error || res.state !== 'succeeded') {
        if (!isAbort(res)) followFailed(ctx, job, res instanceof Error ? res : new ProviderError('transient', `the task is ${res.state}, not finished`));
        return;
      }
      url = res.outputUrl;
    }
    if (!ctx.move(job, 'downloading', { patch: { temp_path: temp, output_url: url } })) return;
    current = { ...job, temp_path: temp, output_url: url };
  }
  try {
    await adapter.download(current.output_url!, temp, signal);
  } catch (err) {
    if (isAbort(err)) return;
    fs.rmSync(temp, { force: true });
    if (err instanceof ProviderError && err.details.code === 'url_expired' && current.attempts < ctx.tuning.maxTransientRetries) {
      ctx.move(current, 'downloading', {
        patch: { output_url: null, attempts: current.attempts + 1, next_attempt_at: 0 },
        message: 'The download link had expired; asking for a fresh one.',
      });
      return;
    }
    return followFailed(ctx, current, err);
  }
  ctx.move(current, 'checking', { patch: { attempts: 0, next_attempt_at: 0 }, message: 'Downloaded; checking the file.' });
}

/** queued → running → checking on this computer. Free, so an interrupted render simply starts over. */
export async function renderLocal(ctx: StepCtx, job: JobRow, runner: Extract<Runner, { kind: 'local' }>, signal: AbortSignal): Promise<string[] | null> {
  const req = request(ctx, job);
  const temp = outputTempPath(ctx.folder, job.tool);
  const now = ctx.clock.now();
  const what = takeKindOf(job.tool) === 'frame' ? 'Drawing the frame.' : 'Rendering the animatic with ffmpeg.';
  if (!ctx.move(job, 'running', { lease: true, patch: { started_at: now, temp_path: temp, progress: 0 }, message: what })) return null;
  const running: JobRow = { ...job, state: 'running', started_at: now, temp_path: temp };
  try {
    const { notes } = await runner.renderer.render(req, temp, { signal, onProgress: (f) => ctx.progress(running, f) });
    // Nothing is charged for a render on this computer, and that is known exactly.
    ctx.move(running, 'checking', { patch: { progress: 1, cost_usd: 0 }, message: ['Rendered; checking the file.', ...notes].join(' ') });
    return notes;
  } catch (err) {
    fs.rmSync(temp, { force: true });
    if (isAbort(err)) return null;
    const thing = takeKindOf(job.tool) === 'frame' ? 'frame could not be drawn' : 'animatic could not be rendered';
    const message = err instanceof UserError ? err.message : `The ${thing}: ${describeError(err).message}`;
    ctx.move(running, 'failed', { patch: { error: message, finished_at: ctx.clock.now(), temp_path: null } });
    return null;
  }
}

/** checking → ready (with its take), or back to fetch it again, or failed when the file is bad. */
export async function check(ctx: StepCtx, job: JobRow, local: boolean, signal: AbortSignal): Promise<string | null> {
  const retry: JobState = local ? 'queued' : 'downloading';
  const temp = job.temp_path;
  if (!temp || !fs.existsSync(temp)) {
    ctx.move(job, retry, { patch: { temp_path: null, output_url: local ? null : job.output_url }, message: 'The file to check is gone; fetching it again.' });
    return null;
  }
  try {
    const kind = takeKindOf(job.tool);
    const probe = await checkOutput(temp, local, signal, kind);
    // The technical check (media/qc.ts) runs on a video before it is stored; its findings never fail the job.
    const qc = kind === 'video' ? await qcForJob(job, temp, signal, probe) : null;
    const takeId = await storeTake({ db: ctx.db, folder: ctx.folder, repo: ctx.repo, takes: ctx.takes, now: ctx.clock.now() }, job, probe, []);
    if (takeId) saveQc(ctx.db, takeId, qc);
    return takeId;
  } catch (err) {
    if (isAbort(err)) return null;
    if (!(err instanceof OutputProblem)) throw err;
    fs.rmSync(temp, { force: true });
    const kindOf = takeKindOf(job.tool);
    const from = local
      ? { video: 'The animatic', frame: 'The frame', line: 'The spoken line', sfx: 'The effect' }[kindOf]
      : `What ${providerName(job.tool)} sent`;
    // A remote line is made by the call itself: asking again would bill again.
    const refetchable = local || (kindOf !== 'line' && kindOf !== 'sfx');
    if (refetchable && refetchesAfterCheck(ctx, job, retry) < 1) {
      // A truncated download looks like a bad file: fetch once more before blaming the provider.
      ctx.move(job, retry, {
        patch: { temp_path: null, next_attempt_at: 0 },
        message: `${from} failed its check (${err.message}); fetching it again.`,
      });
    } else {
      const usable = { frame: 'a usable frame', video: 'a usable video', line: 'usable audio', sfx: 'usable audio' }[kindOf];
      ctx.move(job, 'failed', { patch: { temp_path: null, error: `${from} is not ${usable}: ${err.message}.`, finished_at: ctx.clock.now() } });
    }
    return null;
  }
}

/**
 * How often this try of the job went back from checking to fetch its file again. Read from the
 * event log, since the download that follows resets the job's attempt counter (a counter kept
 * there let a file that is always broken be fetched forever).
 */
function refetchesAfterCheck(ctx: StepCtx, job: JobRow, retry: JobState): number {
  let n = 0;
  for (const e of ctx.repo.events(job.id)) {
    if (e.to_state === 'queued' && (e.from_state === 'failed' || e.from_state === 'canceled')) n = 0;
    else if (e.from_state === 'checking' && e.to_state === retry) n += 1;
  }
  return n;
}

/** A requested cancel: tell the provider where the task is running and the API can, then record it. */
export async function cancel(ctx: StepCtx, job: JobRow, runner: Runner | null): Promise<void> {
  const name = providerName(job.tool);
  let note = 'Canceled.';
  if (runner?.kind === 'remote' && job.remote_id && (job.state === 'submitted' || job.state === 'running')) {
    try {
      if (!runner.adapter.cancel) {
        note = `Canceled here. ${name} cannot cancel a task once sent: it will finish and bill, but is not downloaded.`;
      } else {
        await runner.adapter.cancel(job.remote_id);
        note = `Canceled; ${name} confirmed.`;
      }
    } catch (err) {
      note = `Canceled here, but ${name} did not confirm (${describeError(err).message}); it may still bill.`;
    }
  } else if (job.state === 'submitting') {
    note = `Canceled. If it reached ${name} before that, it may still bill.`;
  }
  if (job.temp_path) fs.rmSync(job.temp_path, { force: true });
  ctx.move(job, 'canceled', { patch: { finished_at: ctx.clock.now(), temp_path: null, attention: null }, message: note });
}
