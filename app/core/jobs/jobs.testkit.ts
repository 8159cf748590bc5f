// Test kit for the engine: a project with shots, a clock that only moves when told, a scripted
// in-memory provider that counts what reached it, and a driver that runs the engine pass by
// pass, moving the clock to the next due job. Nothing here sleeps or depends on timing.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NewJob } from '../db/repos/jobsRepo';
import type { NewShot } from '../timeline/ops';
import { addShot } from '../timeline/ops';
import { openProject, type Project } from '../project/project';
import { createProjectFolder } from '../project/projectFiles';
import { envKeySource } from '../keys/keySource';
import { makeClip } from '../media/clips.testkit';
import { ProviderError, type GenerationRequest, type PollResult, type ProviderAdapter, type SubmitResult } from '../providers/types';
import { JobEngine, type EngineDeps } from './engine';
import { createRunners } from './runners';
import type { Clock } from './timing';

export const TEST_KEY = 'rw_test_secret_key_0123456789';

/** A job row for `shot` as enqueueing writes it, for tests that need one without the planner. */
export function testJob(shot: { id: string; label: string; tool: string }, fields: Partial<NewJob> = {}): NewJob {
  const id = fields.id ?? randomUUID();
  return {
    id,
    shot_id: shot.id,
    shot_label: shot.label,
    batch_id: randomUUID(),
    tool: shot.tool,
    external_id: `shotline-${id}`,
    seed: 1,
    request_json: '{}',
    cost_estimate_usd: 0,
    fallback_tool: null,
    created_at: Date.now(),
    ...fields,
  };
}

export class ManualClock implements Clock {
  constructor(public t = 1_700_000_000_000) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

let clipPromise: Promise<string> | null = null;
/** A 1 s 320×180 H.264 clip, made once per test process (outside any per-test temp folder). */
export function fixtureClip(): Promise<string> {
  clipPromise ??= (async () => {
    const file = path.join(os.tmpdir(), `shotline-fixture-clip-${process.pid}.mp4`);
    await makeClip(file);
    process.once('exit', () => fs.rmSync(file, { force: true }));
    return file;
  })();
  return clipPromise;
}

type TaskScript = Array<Omit<PollResult, 'raw'> & { raw?: unknown }>;

interface Task {
  id: string;
  req: GenerationRequest;
  script: TaskScript;
  polls: number;
  canceled: boolean;
}

/**
 * A provider that does what it is told. Queues of errors are consumed one per call; each task
 * plays `taskScript` (by default queued → running → succeeded), one entry per poll.
 */
export class ScriptedProvider implements ProviderAdapter {
  readonly provider = 'runway' as const;
  readonly tasks = new Map<string, Task>();
  readonly submits: Array<{ at: number; req: GenerationRequest }> = [];
  readonly pollsAt: Array<{ at: number; remoteId: string }> = [];
  readonly cancels: string[] = [];
  submitErrors: ProviderError[] = [];
  /** Errors thrown after the task was created (a 5xx that hides a made task). */
  createThenFail: ProviderError[] = [];
  pollErrors: ProviderError[] = [];
  downloadErrors: ProviderError[] = [];
  /** How long each poll's answer takes, on the manual clock. */
  pollLatencyMs = 0;
  taskScript: () => TaskScript = () => [
    { state: 'queued', progress: null },
    { state: 'running', progress: 0.5, raw: { status: 'RUNNING', note: `Bearer ${TEST_KEY}` } },
    { state: 'succeeded', outputUrl: 'https://fake.test/out.mp4?sig=abc', costUsd: null },
  ];
  maxConcurrent = 0;
  findByExternalId?: (externalId: string) => Promise<SubmitResult | null>;

  constructor(
    private readonly clock: Clock,
    private readonly clip: string,
    opts: { lookup?: boolean } = {},
  ) {
    if (opts.lookup) {
      this.findByExternalId = async (externalId) => {
        const t = [...this.tasks.values()].find((x) => x.req.externalId === externalId);
        return t ? { remoteId: t.id, raw: { found: true } } : null;
      };
    }
  }

  private live(): number {
    return [...this.tasks.values()].filter((t) => !t.canceled && t.polls < t.script.length).length;
  }

  async submit(req: GenerationRequest): Promise<SubmitResult> {
    this.submits.push({ at: this.clock.now(), req });
    const err = this.submitErrors.shift();
    if (err) throw err;
    const id = `task-${this.tasks.size + 1}`;
    this.tasks.set(id, { id, req, script: this.taskScript(), polls: 0, canceled: false });
    this.maxConcurrent = Math.max(this.maxConcurrent, this.live());
    const late = this.createThenFail.shift();
    if (late) throw late;
    return { remoteId: id, raw: { id, echo: { Authorization: `Bearer ${TEST_KEY}`, promptImage: `data:image/png;base64,${'A'.repeat(400)}` } } };
  }

  async submitNext(remoteId: string, req: GenerationRequest): Promise<SubmitResult> {
    return this.submit({ ...req, externalId: `${req.externalId}:after:${remoteId}` });
  }

  async poll(remoteId: string): Promise<PollResult> {
    this.pollsAt.push({ at: this.clock.now(), remoteId });
    if (this.pollLatencyMs > 0) (this.clock as ManualClock).advance(this.pollLatencyMs);
    const err = this.pollErrors.shift();
    if (err) throw err;
    const task = this.tasks.get(remoteId);
    if (!task) throw new ProviderError('permanent', `Task ${remoteId} not found.`);
    if (task.canceled) return { state: 'canceled', raw: {} };
    const step = task.script[Math.min(task.polls, task.script.length - 1)]!;
    task.polls += 1;
    return { raw: { status: step.state }, ...step } as PollResult;
  }

  async cancel(remoteId: string): Promise<void> {
    this.cancels.push(remoteId);
    const task = this.tasks.get(remoteId);
    if (task) task.canceled = true;
  }

  async download(_url: string, dest: string): Promise<void> {
    const err = this.downloadErrors.shift();
    if (err) throw err;
    fs.copyFileSync(this.clip, dest);
  }

  async checkKey() {
    return { ok: true, verdict: 'works' as const, detail: 'fine' };
  }
}

export function makeProject(dir: string, budgetUsd: number | null = null): Project {
  const folder = createProjectFolder(dir, 'Jobs test', {
    createdBy: 'test',
    budgetUsd,
    setup: (db) => db.prepare("INSERT INTO scenes (id, number, name, position) VALUES ('scene-1', 1, 'Scene 1', 0)").run(),
  });
  return openProject(folder);
}

export function shot(project: Project, fields: NewShot = {}) {
  return project.db.transaction(() =>
    addShot(project.timeline, 'scene-1', { tool: 'runway:gen4.5', durationS: 5, action: 'Mara steps in out of the rain', ...fields }),
  )();
}

export function testEngine(project: Project, opts: { clock: Clock; provider?: ProviderAdapter; fallback?: ProviderAdapter } & Partial<EngineDeps>) {
  const { provider, fallback, ...rest } = opts;
  const runners = createRunners({
    keys: envKeySource({ RUNWAYML_API_SECRET: TEST_KEY, KLING_ACCESS_KEY: 'ak_test_0000', KLING_SECRET_KEY: 'sk_test_0000' }),
    adapters: { ...(provider ? { runway: () => provider } : {}), ...(fallback ? { kling: () => fallback } : {}) },
  });
  return new JobEngine({ db: project.db, folder: project.folder, runners, label: 'test engine', customEndpoint: () => false, ...rest });
}

/** Runs the engine pass by pass, moving the clock to whatever is due next, until nothing is. */
export async function drive(engine: JobEngine, clock: ManualClock, maxPasses = 2000): Promise<void> {
  for (let i = 0; i < maxPasses; i++) {
    const started = await engine.runOnce();
    const next = engine.nextDueAt();
    if (next === null) return;
    if (next > clock.now()) clock.t = next;
    else if (!started) clock.advance(1000);
  }
  throw new Error('the engine did not settle');
}
