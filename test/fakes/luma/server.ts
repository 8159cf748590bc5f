// A local Luma Dream Machine API (docs/providers.md, Luma): bearer check, {"detail"} errors,
// POST /generations/video → 201 with the Generation (request echoed), enums validated (400, or
// 422 with field errors for wrong types), queued → dreaming → completed / failed, DELETE → 204
// then 404, paginated list, credits.
import {
  bearer,
  fakeHandle,
  isObject,
  newId,
  pacedFake,
  phaseOf,
  startServer,
  type FakeResponse,
  type PacedFakeOptions,
  type PacedTask,
  type RecordedRequest,
} from '../common';

export type LumaOutcome = 'succeed' | 'never' | { failed: string };

export interface LumaFakeOptions extends PacedFakeOptions {
  apiKey?: string;
  /** Output URL lifetime (undocumented). */
  urlTtlMs?: number;
  /** What GET /credits reports, in US cents. */
  creditBalance?: number;
}

const ENUMS: Record<string, string[]> = {
  model: ['ray-2', 'ray-flash-2', 'ray-1-6'],
  aspect_ratio: ['1:1', '16:9', '9:16', '4:3', '3:4', '21:9', '9:21'],
  resolution: ['540p', '720p', '1080p', '4k'],
  duration: ['5s', '9s'],
};

interface Generation extends PacedTask<LumaOutcome> {
  request: Record<string, unknown>;
  gone: boolean;
}

export type LumaFake = Awaited<ReturnType<typeof startLumaFake>>;

export async function startLumaFake(opts: LumaFakeOptions = {}) {
  const { pace, runningPolls, clock, mp4 } = pacedFake(opts);
  const apiKey = opts.apiKey ?? 'luma-test-key';
  const gens: Generation[] = [];
  let outcome: LumaOutcome = 'succeed';

  const detail = (status: number, message: unknown): FakeResponse => ({ status, body: { detail: message } });

  /** As the SDK's `Generation` type has it: optional fields are left out, never null. */
  function view(g: Generation): Record<string, unknown> {
    const phase = phaseOf(g, pace, clock.now(), runningPolls);
    const state = phase === 'waiting' ? 'queued' : phase === 'running' ? 'dreaming' : g.outcome === 'succeed' ? 'completed' : 'failed';
    return {
      id: g.id,
      generation_type: 'video',
      state,
      ...(state === 'failed' && typeof g.outcome === 'object' ? { failure_reason: g.outcome.failed } : {}),
      created_at: new Date(g.createdAt).toISOString(),
      model: g.request.model,
      ...(state === 'completed' ? { assets: { video: server.files.mint(g.id, mp4, 'mp4', opts.urlTtlMs ?? 24 * 3600_000) } } : {}),
      request: g.request,
    };
  }

  /** 422 for wrong types (FastAPI style field errors), 400 for values outside the enums. */
  function validate(body: unknown): FakeResponse | null {
    if (!isObject(body)) return detail(422, [{ loc: ['body'], msg: 'body must be an object', type: 'type_error' }]);
    if (body.model === undefined) return detail(422, [{ loc: ['body', 'model'], msg: 'field required', type: 'value_error.missing' }]);
    for (const [field, allowed] of Object.entries(ENUMS)) {
      const v = body[field];
      if (v === undefined) continue;
      if (typeof v !== 'string') return detail(422, [{ loc: ['body', field], msg: 'str type expected', type: 'type_error.str' }]);
      if (!allowed.includes(v)) return detail(400, `Invalid ${field} "${v}": must be one of ${allowed.join(', ')}`);
    }
    if (body.prompt !== undefined && typeof body.prompt !== 'string')
      return detail(422, [{ loc: ['body', 'prompt'], msg: 'str type expected', type: 'type_error.str' }]);
    const keyframes = body.keyframes ?? {};
    if (!isObject(keyframes)) return detail(422, [{ loc: ['body', 'keyframes'], msg: 'must be an object', type: 'type_error' }]);
    for (const [name, frame] of Object.entries(keyframes)) {
      if (name !== 'frame0' && name !== 'frame1') return detail(400, `Invalid keyframe "${name}": use frame0 or frame1`);
      if (!isObject(frame) || (frame.type !== 'image' && frame.type !== 'generation')) return detail(400, `keyframes.${name}.type must be image or generation`);
      if (frame.type === 'image' && !(typeof frame.url === 'string' && /^https:\/\//.test(frame.url)))
        return detail(400, `keyframes.${name}.url must be an https URL`);
      if (frame.type === 'generation' && !gens.some((g) => g.id === frame.id)) return detail(400, `keyframes.${name}.id is not a generation`);
    }
    return null;
  }

  function handle(req: RecordedRequest): FakeResponse {
    if (bearer(req) !== apiKey) return detail(401, 'Invalid API key is provided');
    if (req.method === 'POST' && req.path === '/generations/video') {
      const invalid = validate(req.body);
      if (invalid) return invalid;
      const g: Generation = { id: newId(), request: req.body as Record<string, unknown>, createdAt: clock.now(), polls: 0, outcome, gone: false };
      gens.push(g);
      return { status: 201, body: view(g) };
    }
    if (req.method === 'GET' && req.path === '/credits') return { status: 200, body: { credit_balance: opts.creditBalance ?? 15_000 } };
    if (req.method === 'GET' && req.path === '/generations') {
      const limit = Number(req.query.limit ?? 100);
      const offset = Number(req.query.offset ?? 0);
      const live = gens.filter((g) => !g.gone).reverse();
      const page = live.slice(offset, offset + limit).map(view);
      return { status: 200, body: { generations: page, count: page.length, has_more: offset + limit < live.length, limit, offset } };
    }
    const m = /^\/generations\/([^/]+)$/.exec(req.path);
    const g = m ? gens.find((x) => x.id === m[1] && !x.gone) : undefined;
    if (!g) return detail(404, 'Generation not found');
    if (req.method === 'DELETE') {
      g.gone = true;
      return { status: 204 };
    }
    g.polls += 1;
    return { status: 200, body: view(g) };
  }

  const server = await startServer(
    {
      classify: (req) => {
        if (req.path.startsWith('/files/')) return 'download';
        if (req.method === 'POST') return 'create';
        return req.method === 'GET' && /^\/generations\/[^/]+$/.test(req.path) ? 'poll' : 'other';
      },
      handle,
      errorBody: (_status, message) => ({ detail: message }),
    },
    clock,
  );

  return fakeHandle<LumaOutcome>(
    server,
    () => gens.length,
    (o) => (outcome = o),
  );
}
