// A local MiniMax video API (docs/providers.md, MiniMax): every error is HTTP 200 with a non-zero
// base_resp.status_code (a bad key is 1004), a Trace-Id header on every reply, bodies validated
// (model, prompt length, duration, resolution rules, frame images), tasks Queueing → Preparing →
// Processing → Success / Fail ("Failed" by switch), and files/retrieve with expiring links.
import { randomBytes } from 'node:crypto';
import {
  bearer,
  fakeHandle,
  isObject,
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

export type MinimaxOutcome = 'succeed' | 'never' | { code: number; msg: string };

export interface MinimaxFakeOptions extends PacedFakeOptions {
  apiKey?: string;
  /** The failed status word: the docs disagree. */
  failWord?: 'Fail' | 'Failed';
  /** download_url lifetime (UNCERTAIN). */
  urlTtlMs?: number;
}

const MODELS = [
  'MiniMax-Hailuo-2.3',
  'MiniMax-Hailuo-2.3-Fast',
  'MiniMax-Hailuo-02',
  'T2V-01',
  'T2V-01-Director',
  'I2V-01',
  'I2V-01-Director',
  'I2V-01-live',
  'S2V-01',
];
const IMAGE = /^(https:\/\/\S+|data:image\/(jpeg|jpg|png|webp);base64,[A-Za-z0-9+/]+=*)$/;

const resp = (status_code: number, status_msg: string) => ({ base_resp: { status_code, status_msg } });

/** An injected MiniMax error: HTTP 200 with this status code, as the real API does. */
export function minimaxFault(code: number, msg = `injected error ${code}`): Fault {
  return { kind: 'http', status: 200, body: resp(code, msg) };
}

interface Task extends PacedTask<MinimaxOutcome> {
  body: Record<string, unknown>;
  fileId: string;
}

export type MinimaxFake = Awaited<ReturnType<typeof startMinimaxFake>>;

export async function startMinimaxFake(opts: MinimaxFakeOptions = {}) {
  const { pace, runningPolls, clock, mp4 } = pacedFake(opts);
  const apiKey = opts.apiKey ?? 'minimax-test-key';
  const tasks: Task[] = [];
  let outcome: MinimaxOutcome = 'succeed';

  const ok = (body: Record<string, unknown>): FakeResponse => ({ status: 200, body: { ...body, ...resp(0, 'success') } });
  const error = (code: number, msg: string): FakeResponse => ({ status: 200, body: resp(code, msg) });

  function validate(b: unknown): string | null {
    if (!isObject(b)) return 'body must be a JSON object';
    if (!MODELS.includes(String(b.model))) return `model ${String(b.model)} is not supported`;
    if (b.prompt !== undefined && (typeof b.prompt !== 'string' || b.prompt.length > 2000)) return 'prompt must be at most 2000 characters';
    if (!b.prompt && !b.first_frame_image) return 'prompt is required without first_frame_image';
    if (b.duration !== undefined && b.duration !== 6 && b.duration !== 10) return 'duration must be 6 or 10';
    const resolution = b.resolution ?? '768P';
    if (!['512P', '768P', '1080P'].includes(String(resolution))) return 'resolution must be 512P, 768P or 1080P';
    if (resolution === '1080P' && b.duration === 10) return '1080P supports a duration of 6 seconds only';
    for (const field of ['first_frame_image', 'last_frame_image'] as const) {
      if (b[field] !== undefined && !(typeof b[field] === 'string' && IMAGE.test(b[field]))) return `${field} must be an https URL or a data URL`;
    }
    if (b.last_frame_image && !b.first_frame_image) return 'last_frame_image requires first_frame_image';
    if (!b.first_frame_image && (resolution === '512P' || b.model === 'MiniMax-Hailuo-2.3-Fast')) {
      return `${resolution === '512P' ? '512P' : String(b.model)} requires first_frame_image`;
    }
    return null;
  }

  function query(t: Task): FakeResponse {
    const phase = phaseOf(t, pace, clock.now(), runningPolls);
    if (phase === 'waiting') return ok({ task_id: t.id, status: 'Queueing' });
    if (phase === 'running') return ok({ task_id: t.id, status: t.polls === 1 ? 'Preparing' : 'Processing' });
    if (typeof t.outcome === 'object') return { status: 200, body: { task_id: t.id, status: opts.failWord ?? 'Fail', ...resp(t.outcome.code, t.outcome.msg) } };
    const big = t.body.resolution === '1080P';
    return ok({ task_id: t.id, status: 'Success', file_id: t.fileId, video_width: big ? 1920 : 1366, video_height: big ? 1080 : 768 });
  }

  function handle(req: RecordedRequest): FakeResponse {
    if (bearer(req) !== apiKey) return error(1004, "login fail: Please carry the API secret key in the 'Authorization' field of the request header");
    if (req.method === 'POST' && req.path === '/v1/video_generation') {
      const problem = validate(req.body);
      if (problem) return error(2013, `invalid params, ${problem}`);
      const t: Task = {
        id: String(randomBytes(6).readUIntBE(0, 6)),
        body: req.body as Record<string, unknown>,
        createdAt: clock.now(),
        polls: 0,
        outcome,
        fileId: newId(),
      };
      tasks.push(t);
      return ok({ task_id: t.id });
    }
    if (req.method === 'GET' && req.path === '/v1/query/video_generation') {
      const t = tasks.find((x) => x.id === req.query.task_id);
      if (!t) return error(2013, 'invalid params, task not found');
      t.polls += 1;
      return query(t);
    }
    if (req.method === 'GET' && req.path === '/v1/files/retrieve') {
      const t = tasks.find((x) => x.fileId === req.query.file_id && x.outcome === 'succeed');
      if (!t) return error(2013, 'invalid params, file not found');
      const ttl = opts.urlTtlMs ?? 9 * 3600_000;
      const file = {
        file_id: t.fileId,
        bytes: mp4.length,
        created_at: Math.floor(t.createdAt / 1000),
        filename: 'output.mp4',
        purpose: 'video_generation',
        download_url: server.files.mint(t.fileId, mp4, 'mp4', ttl),
        backup_download_url: server.files.mint(`${t.fileId}-b`, mp4, 'mp4', ttl),
      };
      return ok({ file });
    }
    return { status: 404, body: resp(1000, 'not found') };
  }

  const server = await startServer(
    {
      classify: (req) => {
        if (req.path.startsWith('/files/')) return 'download';
        if (req.method === 'POST') return 'create';
        return req.path === '/v1/query/video_generation' ? 'poll' : 'other';
      },
      handle: (req) => {
        const out = handle(req);
        return { ...out, headers: { ...out.headers, 'Trace-Id': randomBytes(16).toString('hex') } };
      },
      errorBody: (_status, message) => resp(1000, message),
    },
    clock,
  );

  return fakeHandle<MinimaxOutcome>(
    server,
    () => tasks.length,
    (o) => (outcome = o),
  );
}
