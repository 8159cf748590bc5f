// A local Runway Developer API (docs/providers.md, Runway): bearer + X-Runway-Version checked,
// bodies validated, tasks PENDING → THROTTLED (over the per-model concurrency cap) → RUNNING
// with progress → SUCCEEDED / FAILED, DELETE to cancel, signed output URLs that expire and are
// re-minted on every GET, a rolling daily limit answered with 429.
//
// Pace: by default each GET of a task moves it one state (tests). With `generationMs` tasks run
// on the clock instead: RUNNING for that long once a slot is free (the engine benchmark).
import { bearer, FakeClock, fakeHandle, fixtureMedia, newId, startServer, type FakeResponse, type RecordedRequest } from '../common';
import { creditsFor } from './credits';
import { validateRunway } from './validate';

export type RunwayOutcome = 'succeed' | 'never' | { failureCode: string; failure: string };

export interface RunwayFakeOptions {
  apiKey?: string;
  /** Simulated generation time; unset = one state per poll. */
  generationMs?: number;
  /** Per-poll pace: polls a task spends RUNNING before it ends. */
  runningPolls?: number;
  /** maxConcurrentGenerations per model; tasks over it wait THROTTLED. */
  maxConcurrent?: number;
  /** maxDailyGenerations over a rolling 24 h; a create beyond it gets 429. */
  maxDaily?: number;
  /** Data-URI limit; older docs said 3 MB, current 5 MB. */
  dataUriMaxBytes?: number;
  /** Output URL lifetime (24–48 h). */
  urlTtlMs?: number;
  /** What a missing or wrong X-Runway-Version gets (UNCERTAIN). */
  versionErrorStatus?: number;
  /** What GET /v1/organization reports. */
  creditBalance?: number;
  /** What GET answers for a task cancelled while running (UNCERTAIN). */
  afterCancel?: 404 | 'CANCELLED';
  clock?: FakeClock;
}

interface Task {
  id: string;
  path: string;
  body: Record<string, unknown>;
  model: string;
  createdAt: number;
  status: 'PENDING' | 'THROTTLED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
  runSteps: number;
  runStartedAt: number;
  outcome: RunwayOutcome;
  /** Deleted: GET answers 404. */
  gone: boolean;
}

export type RunwayFake = Awaited<ReturnType<typeof startRunwayFake>>;

export async function startRunwayFake(opts: RunwayFakeOptions = {}) {
  const apiKey = opts.apiKey ?? 'rw-test-key';
  const cap = opts.maxConcurrent ?? 5;
  const runningPolls = opts.runningPolls ?? 2;
  const ttl = opts.urlTtlMs ?? 24 * 3600_000;
  const clock = opts.clock ?? new FakeClock();
  const media = fixtureMedia();
  const tasks = new Map<string, Task>();
  let outcome: RunwayOutcome = 'succeed';

  const error = (status: number, message: string): FakeResponse => ({ status, body: { error: message } });
  const running = (model: string) => [...tasks.values()].filter((t) => t.model === model && t.status === 'RUNNING');
  const waiting = (model: string) => [...tasks.values()].filter((t) => t.model === model && (t.status === 'PENDING' || t.status === 'THROTTLED') && !t.gone);

  function finish(t: Task): void {
    t.status = t.outcome === 'succeed' ? 'SUCCEEDED' : 'FAILED';
  }

  /** Clock pace: finish tasks whose time is up, in order, each handing its slot to the oldest waiting. */
  function advanceClock(gen: number): void {
    const now = clock.now();
    const models = new Set([...tasks.values()].map((t) => t.model));
    for (const model of models) {
      for (;;) {
        const started = waiting(model).sort((a, b) => a.createdAt - b.createdAt);
        const slots = cap - running(model).length;
        for (const t of started.slice(0, Math.max(0, slots))) {
          t.status = 'RUNNING';
          t.runStartedAt = Math.max(t.createdAt, t.runStartedAt);
        }
        for (const t of started.slice(Math.max(0, slots))) t.status = 'THROTTLED';
        const due = running(model)
          .filter((t) => t.outcome !== 'never' && t.runStartedAt + gen <= now)
          .sort((a, b) => a.runStartedAt - b.runStartedAt)[0];
        if (!due) break;
        finish(due);
        // The next waiting task starts when this one ended, not when someone next asks.
        for (const t of waiting(model)) t.runStartedAt = Math.max(t.runStartedAt, due.runStartedAt + gen);
      }
    }
  }

  /** Poll pace: this task moves one state. */
  function advanceOnPoll(t: Task): void {
    if (t.status === 'PENDING' || t.status === 'THROTTLED') {
      t.status = running(t.model).length < cap ? 'RUNNING' : 'THROTTLED';
    } else if (t.status === 'RUNNING') {
      t.runSteps += 1;
      if (t.runSteps >= runningPolls && t.outcome !== 'never') finish(t);
    }
  }

  /** Fields as the SDK's TaskRetrieveResponse has them: estimatedCost while under way, cost once ended (nothing for a failure). */
  function view(t: Task): Record<string, unknown> {
    const credits = creditsFor(t.path, t.body);
    const ended = t.status === 'SUCCEEDED' || t.status === 'FAILED' || t.status === 'CANCELLED';
    const base = {
      id: t.id,
      createdAt: new Date(t.createdAt).toISOString(),
      status: t.status,
      ...(ended ? { cost: { credits: t.status === 'SUCCEEDED' ? credits : 0 } } : { estimatedCost: { credits } }),
    };
    if (t.status === 'RUNNING') {
      const progress = opts.generationMs ? (clock.now() - t.runStartedAt) / opts.generationMs : t.runSteps / runningPolls;
      return { ...base, progress: Math.min(0.99, Math.max(0, progress)) };
    }
    if (t.status === 'SUCCEEDED') {
      const image = t.path === '/v1/text_to_image';
      // A fresh signed URL on every GET: the documented way to renew an expired one.
      return { ...base, output: [server.files.mint(t.id, image ? media.png : media.mp4, image ? 'png' : 'mp4', ttl)] };
    }
    if (t.status === 'FAILED') {
      const why = typeof t.outcome === 'object' ? t.outcome : { failure: 'An unexpected error occurred.', failureCode: 'INTERNAL' };
      return { ...base, failure: why.failure, failureCode: why.failureCode };
    }
    return base;
  }

  function create(req: RecordedRequest): FakeResponse {
    const problem = validateRunway(req.path, req.body, { origin: server.url, dataUriMaxBytes: opts.dataUriMaxBytes ?? 5_000_000 });
    if (problem) return error(400, problem);
    const body = req.body as Record<string, unknown>;
    const model = String(body.model);
    const now = clock.now();
    const today = [...tasks.values()].filter((t) => t.model === model && t.createdAt > now - 24 * 3600_000).length;
    if (opts.maxDaily !== undefined && today >= opts.maxDaily) {
      return error(429, `You have reached the daily generation limit for ${model}.`);
    }
    const task: Task = { id: newId(), path: req.path, body, model, createdAt: now, status: 'PENDING', runSteps: 0, runStartedAt: now, outcome, gone: false };
    tasks.set(task.id, task);
    return { status: 200, body: { id: task.id, estimatedCost: { credits: creditsFor(req.path, body) } } };
  }

  function handle(req: RecordedRequest): FakeResponse {
    if (bearer(req) !== apiKey) return error(401, 'Invalid API key.');
    if (req.headers['x-runway-version'] !== '2024-11-06') {
      return error(opts.versionErrorStatus ?? 400, 'X-Runway-Version header must be set to a supported version (2024-11-06).');
    }
    if (req.method === 'POST' && ['/v1/image_to_video', '/v1/text_to_video', '/v1/text_to_image'].includes(req.path)) return create(req);
    if (req.method === 'GET' && req.path === '/v1/organization') return organization();
    const m = /^\/v1\/tasks\/([^/]+)$/.exec(req.path);
    const task = m ? tasks.get(m[1]!) : undefined;
    if (!m) return error(404, 'Not found.');
    if (!task || task.gone) return error(404, 'Task not found.');
    if (req.method === 'DELETE') return remove(task);
    if (req.method !== 'GET') return error(405, 'Method not allowed.');
    if (opts.generationMs) advanceClock(opts.generationMs);
    else advanceOnPoll(task);
    return { status: 200, body: view(task) };
  }

  function remove(task: Task): FakeResponse {
    if (task.status === 'PENDING' || task.status === 'THROTTLED' || task.status === 'RUNNING') {
      task.status = 'CANCELLED';
      task.gone = opts.afterCancel === 404;
    } else {
      task.gone = true;
    }
    return { status: 204 };
  }

  function organization(): FakeResponse {
    const models = Object.fromEntries(
      ['gen4_turbo', 'gen4.5', 'gen4_image', 'gen4_image_turbo', 'veo3.1', 'veo3.1_fast'].map((m) => [
        m,
        { maxConcurrentGenerations: cap, maxDailyGenerations: opts.maxDaily ?? 1000 },
      ]),
    );
    return { status: 200, body: { creditBalance: opts.creditBalance ?? 12_345, tier: { maxMonthlyCreditSpend: 200_000, models }, usage: { models: {} } } };
  }

  const server = await startServer(
    {
      classify: (req) => {
        if (req.path.startsWith('/files/')) return 'download';
        if (req.method === 'POST' && req.path !== '/v1/organization') return 'create';
        return req.method === 'GET' && req.path.startsWith('/v1/tasks/') ? 'poll' : 'other';
      },
      handle,
      errorBody: (_status, message) => ({ error: message }),
    },
    clock,
  );

  // Assigned onto the handle, so its `creates` getter stays live.
  return Object.assign(
    fakeHandle<RunwayOutcome>(
      server,
      () => tasks.size,
      (o) => (outcome = o),
    ),
    {
      tasks: () => [...tasks.values()].map((t) => ({ id: t.id, path: t.path, model: t.model, status: t.status, body: t.body })),
    },
  );
}
