// A local Kling API (docs/providers.md, Kling): JWT verified (iss/exp/nbf against the fake's
// clock), the {code, message, request_id, data} envelope on every reply, bodies validated,
// external_task_id stored, unique and usable in the query slot, tasks submitted → processing →
// succeed / failed, list endpoints with page bounds, and account concurrency answered with
// 429 code 1303.
import { randomBytes } from 'node:crypto';
import {
  fakeHandle,
  newId,
  pacedFake,
  phaseOf,
  startServer,
  type FakeResponse,
  type Fault,
  type PacedFakeOptions,
  type PacedTask,
  type RecordedRequest,
} from '../common';
import { validateKling, verifyJwt, type KlingRules } from './validate';

export type KlingOutcome = 'succeed' | 'never' | { failed: string };

export interface KlingFakeOptions extends Partial<KlingRules>, PacedFakeOptions {
  accessKey?: string;
  secretKey?: string;
  /** Active tasks the account may hold ; more get 429 code 1303. */
  maxConcurrent?: number;
  /** Whether the query endpoint also finds a task by external_task_id (UNCERTAIN). */
  externalIdInPath?: boolean;
  /** Seconds of clock skew the JWT check tolerates. */
  leewayS?: number;
  /** `final_unit_deduction` of a finished task. */
  units?: string;
}

/** HTTP status of each code, so an injected code is answered the way Kling would. */
const STATUS_OF: Record<number, number> = {
  1000: 401,
  1001: 401,
  1002: 401,
  1003: 401,
  1004: 401,
  1100: 429,
  1101: 429,
  1102: 429,
  1103: 403,
  1200: 400,
  1201: 400,
  1202: 404,
  1203: 404,
  1300: 400,
  1301: 400,
  1302: 429,
  1303: 429,
  1304: 429,
  5000: 500,
  5001: 503,
  5002: 504,
};
const CODE_OF_STATUS: Record<number, number> = { 400: 1200, 401: 1000, 404: 1203, 429: 1302, 500: 5000, 502: 5000, 503: 5001, 504: 5002 };

const envelope = (code: number, message: string, data?: unknown) => ({
  code,
  message,
  request_id: randomBytes(8).toString('hex'),
  ...(data === undefined ? {} : { data }),
});

/** An injected Kling error code, answered with its documented HTTP status. */
export function klingFault(code: number, message = `injected error ${code}`, retryAfter?: string): Fault {
  return { kind: 'http', status: STATUS_OF[code] ?? 400, body: envelope(code, message), retryAfter };
}

interface Task extends PacedTask<KlingOutcome> {
  kind: string;
  external: string | null;
  body: Record<string, unknown>;
}

export type KlingFake = Awaited<ReturnType<typeof startKlingFake>>;

export async function startKlingFake(opts: KlingFakeOptions = {}) {
  const { pace, runningPolls, clock, mp4 } = pacedFake(opts);
  const ak = opts.accessKey ?? 'kling-ak';
  const sk = opts.secretKey ?? 'kling-sk';
  const rules: KlingRules = { strictDuration: opts.strictDuration ?? true, noCfgOnV2: opts.noCfgOnV2 ?? true };
  const tasks: Task[] = [];
  let outcome: KlingOutcome = 'succeed';

  const fail = (status: number, code: number, message: string): FakeResponse => ({ status, body: envelope(code, message) });
  const ok = (data: unknown): FakeResponse => ({ status: 200, body: envelope(0, 'SUCCEED', data) });

  function status(t: Task): string {
    const phase = phaseOf(t, pace, clock.now(), runningPolls);
    if (phase === 'waiting') return 'submitted';
    if (phase === 'running') return 'processing';
    return t.outcome === 'succeed' ? 'succeed' : 'failed';
  }

  function view(t: Task): Record<string, unknown> {
    const s = status(t);
    const ms = (x: number) => Math.floor(x);
    return {
      task_id: t.id,
      task_status: s,
      task_status_msg: s === 'failed' && typeof t.outcome === 'object' ? t.outcome.failed : '',
      task_info: t.external ? { external_task_id: t.external } : {},
      created_at: ms(t.createdAt),
      updated_at: ms(clock.now()),
      ...(s === 'succeed'
        ? {
            final_unit_deduction: opts.units ?? '1.5',
            watermark_info: { enabled: false },
            // Retained 30 days.
            task_result: {
              videos: [{ id: `${t.id}-v`, url: server.files.mint(t.id, mp4, 'mp4', 30 * 24 * 3600_000), duration: String(t.body.duration ?? '5') }],
            },
          }
        : {}),
    };
  }

  function create(kind: string, req: RecordedRequest): FakeResponse {
    const problem = validateKling(kind, req.body, rules);
    if (problem) return fail(400, 1201, problem);
    const body = req.body as Record<string, unknown>;
    const external = typeof body.external_task_id === 'string' ? body.external_task_id : null;
    if (external && tasks.some((t) => t.external === external)) return fail(400, 1201, `external_task_id ${external} already exists`);
    const active = tasks.filter((t) => ['submitted', 'processing'].includes(status(t))).length;
    if (active >= (opts.maxConcurrent ?? Infinity)) return fail(429, 1303, 'parallel task over resource pack limit');
    const task: Task = { id: newId(), kind, external, body, createdAt: clock.now(), polls: 0, outcome };
    tasks.push(task);
    return ok({
      task_id: task.id,
      task_status: 'submitted',
      task_info: external ? { external_task_id: external } : {},
      created_at: task.createdAt,
      updated_at: task.createdAt,
    });
  }

  function list(kind: string, req: RecordedRequest): FakeResponse {
    const pageNum = Number(req.query.pageNum ?? 1);
    const pageSize = Number(req.query.pageSize ?? 30);
    if (!(pageNum >= 1 && pageNum <= 1000 && pageSize >= 1 && pageSize <= 500)) return fail(400, 1201, 'pageNum must be 1-1000 and pageSize 1-500');
    const mine = tasks.filter((t) => t.kind === kind).reverse();
    return ok(mine.slice((pageNum - 1) * pageSize, pageNum * pageSize).map(view));
  }

  function handle(req: RecordedRequest): FakeResponse {
    const denied = verifyJwt(req.headers.authorization, ak, sk, clock.now() / 1000, opts.leewayS ?? 0);
    if (denied) return fail(denied.status, denied.code, denied.message);
    const m = /^\/v1\/videos\/(text2video|image2video|multi-image2video)(?:\/([^/]+))?$/.exec(req.path);
    if (!m) return fail(404, 1202, 'invalid request method or path');
    const [, kind, id] = m as unknown as [string, string, string | undefined];
    if (req.method === 'POST' && !id) return create(kind, req);
    if (req.method !== 'GET') return fail(404, 1202, 'invalid request method');
    if (!id) return list(kind, req);
    const task =
      tasks.find((t) => t.kind === kind && t.id === id) ??
      (opts.externalIdInPath === false ? undefined : tasks.find((t) => t.kind === kind && t.external === id));
    if (!task) return fail(404, 1203, 'task not found');
    task.polls += 1;
    return ok(view(task));
  }

  const server = await startServer(
    {
      classify: (req) => {
        if (req.path.startsWith('/files/')) return 'download';
        if (req.method === 'POST') return 'create';
        return /^\/v1\/videos\/[\w-]+\/[^/]+$/.test(req.path) ? 'poll' : 'other';
      },
      handle,
      errorBody: (status, message) => envelope(CODE_OF_STATUS[status] ?? 5000, message),
    },
    clock,
  );

  // Assigned onto the handle, so its `creates` getter stays live.
  return Object.assign(
    fakeHandle<KlingOutcome>(
      server,
      () => tasks.length,
      (o) => (outcome = o),
    ),
    {
      tasks: () => tasks.map((t) => ({ id: t.id, kind: t.kind, external: t.external, status: status(t), body: t.body })),
    },
  );
}
