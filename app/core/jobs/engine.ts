// The durable job engine: one per open project (guarded by a lease), running in the main
// process off the UI path. The db is the truth: every pass reads the active jobs, starts the
// steps that are due (within each model's concurrency cap), and sleeps until the next is due
// or something wakes it. Steps are in steps.ts; the states they move through in states.ts.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import os from 'node:os';
import { takeKindOf, toolModel } from '../../../shared/catalog';
import { ACTIVE_JOB_STATES, type EngineStatus, type GenerationSettings, type JobState, type TakeKind } from '../../../shared/domain/jobs';
import type { ProviderId, ToolId } from '../../../shared/domain/types';
import { jobsRepo, type ActiveJob, type JobRow, type JobsRepo } from '../db/repos/jobsRepo';
import { takesRepo, type TakesRepo } from '../db/repos/takesRepo';
import { reviewRepo } from '../db/repos/reviewRepo';
import { libraryRepo } from '../db/repos/libraryRepo';
import { circleFirstFrame } from '../takes/frames';
import type { TakesProject } from '../takes/queries';
import { timelineRepo, type TimelineRepo } from '../db/repos/timelineRepo';
import type { Db } from '../db/sqlite';
import { describeError } from '../errors';
import { lostTouch, providerDown, providerName, toolName } from './attention';
import { switchTool } from './enqueue';
import { ProviderHealth } from './health';
import { Lease } from './lease';
import { redactJson } from './redact';
import type { Runner, RunnerSource } from './runners';
import { canMove, SLOT_STATES } from './states';
import * as steps from './steps';
import { makeAudio, recoverAudio, type AudioRunner } from './audio';
import { likeTasks } from './request';
import { readSettings } from './settings';
import { DEFAULT_TUNING, progressRate, remainingS, systemClock, type Clock, type EngineTuning, type ProgressReading } from './timing';

export type EngineEvent =
  /** `keyframe`: a frame that arrived was circled and became its shot's start keyframe. */
  | { type: 'changed'; jobId: string; shotId: string; state: JobState; takeId: string | null; keyframe?: boolean }
  | { type: 'progress'; jobId: string; shotId: string; progress: number }
  | { type: 'batch'; batchId: string; kind: TakeKind; ready: number; failed: number; attention: number; canceled: number }
  | { type: 'status'; status: EngineStatus };

export interface EngineDeps {
  db: Db;
  folder: string;
  runners: RunnerSource;
  /** Who runs it, shown to a second process: "Shotline app", "shotline resume". */
  label: string;
  clock?: Clock;
  tuning?: Partial<EngineTuning>;
  /** The poll-interval override from outside the project's settings (benchmarks, CLI). */
  pollIntervalS?: number | null;
  customEndpoint?: (provider: ProviderId) => boolean;
  emit?: (e: EngineEvent) => void;
  /** Called after every transition is committed (tests print and freeze here). */
  onTransition?: (job: JobRow, from: JobState, to: JobState) => void;
}

interface Flight {
  promise: Promise<void>;
  abort: AbortController;
  /** Checking runs ffprobe and ffmpeg here: those share the machine's cores. */
  checking: boolean;
  /** A create in flight is never aborted: abandoning it could still bill. */
  abortable: boolean;
}

export class JobEngine {
  readonly repo: JobsRepo;
  readonly takes: TakesRepo;
  private readonly timeline: TimelineRepo;
  private readonly clock: Clock;
  private readonly tuning: EngineTuning;
  private readonly lease: Lease;
  private readonly flights = new Map<string, Flight>();
  private readonly health: ProviderHealth;
  private readonly lastProgress = new Map<string, number>();
  /** Each running task's last progress reading, to judge how long it has left (StepCtx.pace). */
  private readonly readings = new Map<string, ProgressReading>();
  /**
   * The progress rate last seen in each kind of task (`likeTasks`): a task's first reading goes by
   * it, so its second poll can be aimed at its end rather than spent on a second reading.
   */
  private readonly likeRates = new Map<string, number>();
  /** Uneventful polls since the job's last write: count, next poll, progress (see StepCtx.polled). */
  private readonly polls = new Map<string, { polls: number; nextAt: number; progress: number | null }>();
  private heldBy: string | null = null;
  private stopping = false;
  private loop: Promise<void> | null = null;
  private wakeUp: (() => void) | null = null;
  private timers: NodeJS.Timeout[] = [];
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly deps: EngineDeps) {
    this.repo = jobsRepo(deps.db);
    this.takes = takesRepo(deps.db);
    this.timeline = timelineRepo(deps.db);
    this.clock = deps.clock ?? systemClock;
    this.tuning = { ...DEFAULT_TUNING, ...deps.tuning };
    this.health = new ProviderHealth({ downAfter: this.tuning.providerDownAfter, cooldownS: this.tuning.providerCooldownS });
    this.lease = new Lease(this.repo, { label: deps.label, clock: this.clock, staleMs: this.tuning.staleMs });
  }

  status(): EngineStatus {
    return { running: this.lease.isHeld && !this.stopping, heldBy: this.lease.isHeld ? null : this.heldBy };
  }

  /**
   * Takes the project's lease and runs. When another process holds it, says so and keeps
   * trying in the background. `loop: false` takes the lease only (tests drive `runOnce`).
   */
  start(opts: { loop?: boolean } = {}): EngineStatus {
    if (this.stopping || this.lease.isHeld) return this.status();
    const got = this.lease.acquire();
    if (!got.ok) {
      this.heldBy = got.heldBy;
      if (opts.loop !== false) this.timers.push(setTimeout(() => this.start(opts), this.tuning.leaseRetryMs).unref());
      this.emit({ type: 'status', status: this.status() });
      return this.status();
    }
    this.heldBy = null;
    if (opts.loop !== false) {
      this.timers.push(setInterval(() => this.beat(), this.tuning.heartbeatMs).unref());
      this.loop = this.run();
    }
    this.emit({ type: 'status', status: this.status() });
    return this.status();
  }

  /** Looks again soon: new jobs, a cancel, an answer from the user. */
  wake(): void {
    this.wakeUp?.();
  }

  /** Stops taking work, interrupts what can be redone, waits for creates in flight, lets go of the project. */
  async stop(): Promise<void> {
    if (this.stopping) return this.loop ?? undefined;
    this.stopping = true;
    for (const t of this.timers) clearTimeout(t);
    for (const f of this.flights.values()) if (f.abortable) f.abort.abort();
    this.wake();
    await Promise.allSettled([...this.flights.values()].map((f) => f.promise));
    await this.loop;
    this.lease.release();
    for (const w of this.idleWaiters.splice(0)) w();
  }

  /** Resolves when no job is queued or under way (needs_attention ones wait for the user). */
  whenIdle(): Promise<void> {
    if (this.repo.activeCount() === 0 && this.flights.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** One pass: starts what is due and waits for it. For tests that move a fake clock. */
  async runOnce(): Promise<boolean> {
    const { started } = this.schedule();
    await Promise.allSettled([...this.flights.values()].map((f) => f.promise));
    return started > 0;
  }

  /** Carries out a requested cancel now, without running anything else (the CLI's cancel). */
  async cancelNow(jobId: string): Promise<void> {
    const job = this.repo.get(jobId);
    if (!job || !this.lease.isHeld) return;
    await this.cancelStep(job);
  }

  /** When the next waiting job is due (ms), or null when nothing waits. */
  nextDueAt(): number | null {
    const due = this.activeRows()
      .filter((j) => !this.flights.has(j.id))
      .map((j) => j.next_attempt_at);
    return due.length > 0 ? Math.min(...due) : null;
  }

  /** The active jobs as the scheduler sees them: the db's, with the next poll not yet written laid over. */
  private activeRows(): ActiveJob[] {
    const rows = this.repo.activeSlim();
    if (this.polls.size === 0) return rows;
    return rows.map((r) => {
      const p = this.polls.get(r.id);
      return p ? { ...r, next_attempt_at: Math.max(r.next_attempt_at, p.nextAt) } : r;
    });
  }

  /** A job's whole row, with polls not yet written laid over; null when it is gone. */
  private fullRow(id: string): JobRow | null {
    const row = this.repo.get(id);
    const p = row && this.polls.get(id);
    return row && p ? { ...row, polls: p.polls, progress: p.progress, next_attempt_at: Math.max(row.next_attempt_at, p.nextAt) } : (row ?? null);
  }

  private async run(): Promise<void> {
    while (!this.stopping && this.lease.isHeld) {
      const { nextDue } = this.schedule();
      const wait = nextDue === null ? this.tuning.rescanMs : Math.max(0, Math.min(this.tuning.rescanMs, nextDue - this.clock.now()));
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, wait);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = null;
      // Let a burst of finished steps land before the next pass reads the db.
      await new Promise((r) => setTimeout(r, this.tuning.passGapMs));
    }
  }

  private beat(): void {
    if (this.lease.beat()) return;
    // Someone took the project over (we were presumed dead): stop acting on it at once.
    this.heldBy = this.repo.lease.get()?.label ?? 'another process';
    void this.stop();
  }

  private cap(tool: ToolId): number {
    const c = this.tuning.concurrency;
    if (typeof c === 'number') return c;
    const spec = toolModel(tool);
    const base = c?.[tool] ?? spec?.concurrency ?? 1;
    // Renders on this computer compete for its cores, and ffmpeg already uses several each.
    return spec?.provider === 'local' && c?.[tool] === undefined ? Math.min(base, Math.max(1, Math.floor(os.availableParallelism() / 4))) : base;
  }

  private providerOf(tool: ToolId): ProviderId {
    return toolModel(tool)?.provider ?? 'local';
  }

  /**
   * Starts every due step. Returns how many, and when the next job not yet due will be; jobs
   * waiting for a slot are left out of that, since a step finishing wakes the loop anyway.
   */
  private schedule(): { started: number; nextDue: number | null } {
    if (this.stopping || !this.lease.isHeld) return { started: 0, nextDue: null };
    const now = this.clock.now();
    const active = this.activeRows();
    const busy = new Map<ToolId, number>();
    for (const j of active) if (SLOT_STATES.includes(j.state)) busy.set(j.tool, (busy.get(j.tool) ?? 0) + 1);
    let started = 0;
    for (const job of this.repo.cancelRequests()) {
      const flight = this.flights.get(job.id);
      if (flight) {
        if (flight.abortable) flight.abort.abort();
      } else {
        started += this.launch(job, false, () => this.cancelStep(job));
      }
    }
    const settings = readSettings(this.repo);
    let checks = [...this.flights.values()].filter((f) => f.checking).length;
    let nextDue: number | null = null;
    for (const job of active) {
      if (this.flights.has(job.id) || job.cancel_requested) continue;
      if (job.next_attempt_at > now) {
        nextDue = Math.min(nextDue ?? Infinity, job.next_attempt_at);
        continue;
      }
      if (job.state === 'checking') {
        // ffprobe, a thumbnail and a hash per take: a few at a time, or a burst of finished jobs thrashes the machine.
        if (checks >= this.tuning.checkConcurrency) continue;
        checks += 1;
      }
      if (job.state === 'queued') {
        if (this.isDown(job.tool, now)) {
          const full = this.fullRow(job.id);
          if (full) this.offerFallback(full, settings);
          continue;
        }
        if ((busy.get(job.tool) ?? 0) >= this.cap(job.tool)) continue;
        busy.set(job.tool, (busy.get(job.tool) ?? 0) + 1);
      }
      const full = this.fullRow(job.id);
      if (full) started += this.launch(full, job.state !== 'submitting' && job.state !== 'queued', (signal) => this.step(full, signal));
    }
    if (started === 0 && this.flights.size === 0 && active.length === 0) for (const w of this.idleWaiters.splice(0)) w();
    return { started, nextDue };
  }

  private launch(job: JobRow, abortable: boolean, fn: (signal: AbortSignal) => Promise<void>): number {
    const abort = new AbortController();
    const promise = fn(abort.signal)
      .catch((err: unknown) => this.crashed(job, err))
      .finally(() => {
        this.flights.delete(job.id);
        this.wake();
      });
    // A local render is free to interrupt and redo; a remote queued job is about to send.
    const local = this.runnerOf(job.tool)?.kind === 'local';
    this.flights.set(job.id, { promise, abort, abortable: abortable || local, checking: job.state === 'checking' });
    return 1;
  }

  private runnerOf(tool: ToolId): Runner | null {
    try {
      return this.deps.runners.runner(tool);
    } catch {
      return null;
    }
  }

  /** One step of `job` by its state. */
  private async step(job: JobRow, signal: AbortSignal): Promise<void> {
    const ctx = this.ctx();
    let runner: Runner;
    try {
      runner = this.deps.runners.runner(job.tool);
    } catch (err) {
      // No key, no adapter: before sending that is a plain failure; after, the task needs the user.
      const message = describeError(err).message;
      if (job.state === 'queued') ctx.move(job, 'failed', { patch: { error: message, finished_at: this.clock.now() }, message: 'Not sent.' });
      else ctx.move(job, 'needs_attention', { patch: { error: message, attention: lostTouch(job.tool, message, job.fallback_tool) } });
      return;
    }
    if (runner.kind === 'audio') return this.stepAudio(job, runner, signal);
    if (runner.kind === 'local') {
      if (job.state === 'queued') {
        await steps.renderLocal(ctx, job, runner, signal);
      } else if (job.state === 'checking') {
        await this.finish(job, true, signal);
      } else {
        // Interrupted mid-render (the process stopped): renders are free, so start over.
        if (job.temp_path) fs.rmSync(job.temp_path, { force: true });
        ctx.move(job, 'queued', { patch: { temp_path: null, progress: null }, message: 'The render was interrupted; starting it again.' });
      }
      return;
    }
    const adapter = runner.adapter;
    switch (job.state) {
      case 'queued':
        if (!this.budgetStillAllows(job)) return;
        return steps.submit(ctx, job, adapter);
      case 'submitting':
        return steps.recoverSubmitting(ctx, job, adapter);
      case 'submitted':
      case 'running':
        return steps.poll(ctx, job, adapter, signal);
      case 'downloading':
        return steps.download(ctx, job, adapter, signal);
      case 'checking':
        return this.finish(job, false, signal);
      default:
        return;
    }
  }

  /** A spoken line: made in one call, here or remote; then checked like any take. */
  private async stepAudio(job: JobRow, runner: AudioRunner, signal: AbortSignal): Promise<void> {
    const ctx = this.ctx();
    switch (job.state) {
      case 'queued':
        if (!runner.local && !this.budgetStillAllows(job)) return;
        return makeAudio(ctx, job, runner, signal);
      case 'submitting':
        return recoverAudio(ctx, job);
      case 'checking':
        return this.finish(job, runner.local, signal);
      default:
        // Interrupted while speaking on this computer: free, so start over.
        if (job.temp_path) fs.rmSync(job.temp_path, { force: true });
        ctx.move(job, 'queued', { patch: { temp_path: null, progress: null }, message: 'Speaking was interrupted; starting again.' });
    }
  }

  private async finish(job: JobRow, local: boolean, signal: AbortSignal): Promise<void> {
    const takeId = await steps.check(this.ctx(), job, local, signal);
    if (!takeId) return;
    // An image a provider answered inline was kept in a staging folder until stored: it is now.
    if (job.output_url?.startsWith('file:')) fs.rmSync(fileURLToPath(job.output_url), { force: true });
    let keyframe = false;
    if (takeKindOf(job.tool) === 'frame') {
      try {
        keyframe = await circleFirstFrame(this.takesProject(), takeId);
      } catch (err) {
        this.repo.log(job.id, 'ready', `The frame is kept, but it could not be made the start keyframe: ${describeError(err).message}`, null);
      }
    }
    this.afterMove({ ...job, state: 'ready' }, 'checking', 'ready', takeId, keyframe);
  }

  /** The project as the takes code reads it, for circling a shot's first frame. */
  private takesProject(): TakesProject {
    const { db, folder } = this.deps;
    return { db, folder, timeline: this.timeline, takes: this.takes, jobs: this.repo, reviews: reviewRepo(db), library: libraryRepo(db) };
  }

  /** The budget may have been lowered since this job was queued (its own estimate is in flight already). */
  private budgetStillAllows(job: JobRow): boolean {
    const budget = this.timeline.project().budgetUsd;
    if (budget === null) return true;
    const { spentUsd, inFlightUsd } = this.repo.spend();
    if (spentUsd + inFlightUsd <= budget + 1e-9) return true;
    const committed = (spentUsd + inFlightUsd).toFixed(2);
    this.ctx().move(job, 'failed', {
      patch: {
        error: `Not sent: the budget is now $${budget.toFixed(2)} and $${committed} is spent or on its way. Raise the budget, then retry.`,
        finished_at: this.clock.now(),
      },
    });
    return false;
  }

  private isDown(tool: ToolId, now: number): boolean {
    return this.health.isDown(this.providerOf(tool), now);
  }

  private cancelStep(job: JobRow): Promise<void> {
    return steps.cancel(this.ctx(), job, this.runnerOf(job.tool));
  }

  /** A queued job of a down provider: switch (with standing permission) or ask; without a fallback, wait. */
  private offerFallback(job: JobRow, settings: GenerationSettings): void {
    const fallback = job.fallback_tool;
    if (!fallback || fallback === job.tool || this.isDown(fallback, this.clock.now())) return;
    const errors = this.health.errors(this.providerOf(job.tool));
    if (settings.allowFallback) {
      const why = `${providerName(job.tool)} is not answering (${errors} errors in a row): switched to ${toolName(fallback)}, as the settings allow. Nothing had been sent.`;
      try {
        if (switchTool({ db: this.deps.db, folder: this.deps.folder, repo: this.repo, timeline: this.timeline, clock: this.clock }, job, fallback, why)) {
          this.afterMove({ ...job, tool: fallback }, 'queued', 'queued', null);
          this.emit({ type: 'changed', jobId: job.id, shotId: job.shot_id, state: 'queued', takeId: null });
          return;
        }
      } catch (err) {
        // The shot does not fit the fallback, or the budget says no: the user decides.
        this.repo.log(job.id, 'queued', `Could not switch to ${toolName(fallback)}: ${describeError(err).message}`, null, this.clock.now());
      }
    }
    this.ctx().move(job, 'needs_attention', { patch: { attention: providerDown(job.tool, errors, fallback) } });
  }

  private crashed(job: JobRow, err: unknown): void {
    // A bug in a step: record it on the job so it is seen, and leave the state for a retry.
    const message = describeError(err).message;
    console.error(`[jobs] ${job.id}: ${message}`);
    try {
      this.repo.log(job.id, this.repo.get(job.id)?.state ?? job.state, `Internal error: ${message}`, null, this.clock.now());
    } catch {
      // The db itself is the trouble (closed, full): the console line above is all we can leave.
    }
  }

  private ctx(): steps.StepCtx {
    return {
      db: this.deps.db,
      folder: this.deps.folder,
      repo: this.repo,
      takes: this.takes,
      clock: this.clock,
      tuning: this.tuning,
      pollOverrideS: () => (this.deps.pollIntervalS !== undefined ? this.deps.pollIntervalS : readSettings(this.repo).pollIntervalS),
      customEndpoint: (tool) => this.deps.customEndpoint?.(this.providerOf(tool)) ?? false,
      move: (job, to, opts) => {
        if (!canMove(job.state, to)) throw new Error(`bug: job ${job.id} cannot move from ${job.state} to ${to}`);
        // A new state starts its own count of failed tries unless the step says otherwise.
        const patch = to !== job.state && opts.patch?.attempts === undefined ? { ...opts.patch, attempts: 0 } : opts.patch;
        // The event says why: the question asked, or the reason it failed.
        const why = to === 'needs_attention' && patch?.attention ? patch.attention.reason : to === 'failed' ? patch?.error : undefined;
        const ok = this.repo.move(job.id, job.state, to, {
          now: this.clock.now(),
          patch,
          message: opts.message ?? why ?? undefined,
          rawJson: opts.raw === undefined ? null : redactJson(opts.raw, this.deps.runners.secrets()),
          leaseHolder: opts.lease ? this.lease.holder : null,
        });
        if (ok) this.afterMove({ ...job, ...patch, state: to } as JobRow, job.state, to, null);
        return ok;
      },
      health: (tool, ok) => this.health.record(this.providerOf(tool), ok, this.clock.now()),
      polled: (job, p) => void this.polls.set(job.id, p),
      progress: (job, fraction) => this.progress(job, fraction),
      pace: (job, reading) => {
        const prev = this.readings.get(job.id) ?? null;
        const like = likeTasks(job);
        const rate = prev && progressRate(prev, reading);
        if (rate) this.likeRates.set(like, rate);
        this.readings.set(job.id, reading);
        return remainingS(prev, reading, this.likeRates.get(like) ?? null);
      },
    };
  }

  private afterMove(job: JobRow, from: JobState, to: JobState, takeId: string | null, keyframe = false): void {
    this.deps.onTransition?.(job, from, to);
    this.polls.delete(job.id);
    // Submitted → running keeps the reading that moved it.
    if (to !== 'running') this.readings.delete(job.id);
    if (from === to) return;
    this.lastProgress.delete(job.id);
    this.emit({ type: 'changed', jobId: job.id, shotId: job.shot_id, state: to, takeId, ...(keyframe ? { keyframe } : {}) });
    if (to === 'ready' || to === 'failed' || to === 'canceled' || to === 'needs_attention') this.batchCheck(job.batch_id, takeKindOf(job.tool));
  }

  private batchCheck(batchId: string, kind: TakeKind): void {
    const counts = Object.fromEntries(this.repo.batchStates(batchId).map((r) => [r.state, r.n])) as Partial<Record<JobState, number>>;
    const activeLeft = ACTIVE_JOB_STATES.some((s) => (counts[s] ?? 0) > 0);
    if (activeLeft) return;
    this.emit({
      type: 'batch',
      batchId,
      kind,
      ready: counts.ready ?? 0,
      failed: counts.failed ?? 0,
      attention: counts.needs_attention ?? 0,
      canceled: counts.canceled ?? 0,
    });
  }

  /** Throttled: a render reports many times a second, the UI needs a few. */
  private progress(job: JobRow, fraction: number): void {
    const now = Date.now();
    const last = this.lastProgress.get(job.id) ?? 0;
    if (now - last < this.tuning.progressEmitMs && fraction < 1) return;
    this.lastProgress.set(job.id, now);
    this.emit({ type: 'progress', jobId: job.id, shotId: job.shot_id, progress: fraction });
  }

  private emit(e: EngineEvent): void {
    try {
      this.deps.emit?.(e);
    } catch (err) {
      console.error('[jobs] listener failed:', err);
    }
  }
}
