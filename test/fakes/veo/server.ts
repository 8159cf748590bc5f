// A local Gemini API for Veo (docs/providers.md, Veo): x-goog-api-key required, Google's error
// shape, predictLongRunning validated (instances, inline images, reference rules, parameters),
// operations that stay `done:false` for some polls and then end with samples, an error, or the
// responsible-AI filter; file downloads that need the key and vanish after a retention time.
// Gemini's image models answer `generateContent` in the same call (images.ts).
import { randomBytes } from 'node:crypto';
import {
  fakeHandle,
  fixtureMedia,
  isObject,
  pacedFake,
  phaseOf,
  startServer,
  type FakeResponse,
  type PacedFakeOptions,
  type PacedTask,
  type RecordedRequest,
} from '../common';
import { generateReply, validateGenerateContent, type ImageContext, type ImageOutcome } from './images';

/** How the next operations (and image generations) end; `text` applies to images only (words, no picture). */
export type VeoOutcome = ImageOutcome;

export interface VeoFakeOptions extends PacedFakeOptions {
  apiKey?: string;
  models?: string[];
  /** Accepted durationSeconds (UNCERTAIN per model). */
  durations?: number[];
  allow4k?: boolean;
  /** How long the output file is kept (about 2 days). */
  retentionMs?: number;
  /** Models that answer generateContent with images. */
  imageModels?: string[];
  /** Most input images in one generateContent (14 for Gemini 3.1 Flash Image). */
  maxInputImages?: number;
}

const STATUS_NAME: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

const googleError = (code: number, message: string) => ({ error: { code, message, status: STATUS_NAME[code] ?? 'UNKNOWN' } });

interface Op extends PacedTask<VeoOutcome> {
  model: string;
  /** Lowercase letters and digits, as Google's file ids are: the official client reads only those from a URI. */
  fileId: string;
}

export type VeoFake = Awaited<ReturnType<typeof startVeoFake>>;

export async function startVeoFake(opts: VeoFakeOptions = {}) {
  const { pace, runningPolls, clock, mp4 } = pacedFake(opts);
  const apiKey = opts.apiKey ?? 'veo-test-key';
  const models = opts.models ?? ['veo-3.1-generate-preview', 'veo-3.1-fast-generate-preview', 'veo-3.0-generate-001'];
  const imageModels = opts.imageModels ?? ['gemini-3.1-flash-image', 'gemini-3-pro-image', 'gemini-2.5-flash-image'];
  const ops: Op[] = [];
  let images = 0;
  let outcome: VeoOutcome = 'succeed';

  const fail = (code: number, message: string): FakeResponse => ({ status: code, body: googleError(code, message) });
  const imageCtx: ImageContext = { maxInputImages: opts.maxInputImages ?? 14, png: fixtureMedia().png, fail };

  function validate(body: unknown): string | null {
    if (!isObject(body) || !Array.isArray(body.instances) || body.instances.length !== 1) return 'instances must hold exactly one instance';
    const inst: unknown = body.instances[0];
    if (!isObject(inst)) return 'instances[0] must be an object';
    for (const field of ['image', 'lastFrame'] as const) {
      if (inst[field] !== undefined && !isInlineImage(inst[field])) return `instances[0].${field} must be {bytesBase64Encoded, mimeType}`;
    }
    if (inst.lastFrame !== undefined && inst.image === undefined) return 'lastFrame is only supported together with image';
    if (inst.referenceImages !== undefined) {
      const refs = inst.referenceImages;
      if (typeof inst.prompt !== 'string' || !inst.prompt) return 'referenceImages require a prompt';
      if (inst.image !== undefined || inst.lastFrame !== undefined || inst.video !== undefined)
        return 'The image, video, or last_frame field are not supported with referenceImages';
      if (!Array.isArray(refs) || refs.length < 1 || refs.length > 3) return 'referenceImages must hold 1 to 3 images';
      for (const r of refs) {
        if (!isObject(r) || r.referenceType !== 'ASSET' || !isInlineImage(r.image)) return 'referenceImages[] must be {image, referenceType: "ASSET"}';
      }
    }
    if (inst.image === undefined && (typeof inst.prompt !== 'string' || !inst.prompt)) return 'prompt is required';
    const p = isObject(body.parameters) ? body.parameters : {};
    if (p.aspectRatio !== undefined && p.aspectRatio !== '16:9' && p.aspectRatio !== '9:16') return 'aspectRatio must be 16:9 or 9:16';
    const resolutions = opts.allow4k ? ['720p', '1080p', '4k'] : ['720p', '1080p'];
    if (p.resolution !== undefined && !resolutions.includes(String(p.resolution))) return `resolution must be one of ${resolutions.join(', ')}`;
    const durations = opts.durations ?? [4, 6, 8];
    if (p.durationSeconds !== undefined && !durations.includes(p.durationSeconds as number)) return `durationSeconds must be one of ${durations.join(', ')}`;
    if (p.resolution === '1080p' && p.durationSeconds !== undefined && p.durationSeconds !== 8) return '1080p supports durationSeconds 8 only';
    // Gemini video docs: reference images work with 8 s clips only (and, in some versions of the page, 16:9 only).
    if (inst.referenceImages !== undefined && p.durationSeconds !== 8) return 'referenceImages supports durationSeconds 8 only';
    if (inst.referenceImages !== undefined && p.aspectRatio !== undefined && p.aspectRatio !== '16:9') return 'referenceImages supports aspectRatio 16:9 only';
    if (p.sampleCount !== undefined && !(Number.isInteger(p.sampleCount) && (p.sampleCount as number) >= 1 && (p.sampleCount as number) <= 4))
      return 'sampleCount must be 1 to 4';
    return null;
  }

  function view(op: Op): Record<string, unknown> {
    const name = `models/${op.model}/operations/${op.id}`;
    if (phaseOf(op, pace, clock.now(), runningPolls) !== 'ended') return { name, done: false, metadata: {} };
    const o = op.outcome;
    if (succeeds(o)) {
      const uri = `${server.url}/v1beta/files/${op.fileId}:download?alt=media`;
      return {
        name,
        done: true,
        response: { '@type': 'type.googleapis.com/GenerateVideoResponse', generateVideoResponse: { generatedSamples: [{ video: { uri } }] } },
      };
    }
    if (typeof o === 'object' && 'error' in o) return { name, done: true, error: o.error };
    const reasons = typeof o === 'object' && 'rai' in o ? o.rai : [];
    return { name, done: true, response: { generateVideoResponse: { raiMediaFilteredCount: 1, raiMediaFilteredReasons: reasons } } };
  }

  function handle(req: RecordedRequest): FakeResponse {
    const key = req.headers['x-goog-api-key'];
    if (!key) return fail(403, "Method doesn't allow unregistered callers. Please use an API key.");
    if (key !== apiKey) return fail(400, 'API key not valid. Please pass a valid API key.');
    if (req.method === 'GET' && req.path === '/v1beta/models') {
      const size = Math.min(Number(req.query.pageSize ?? 50), 1000);
      const listed = [
        ...models.map((m) => ({ name: `models/${m}`, supportedGenerationMethods: ['predictLongRunning'] })),
        ...imageModels.map((m) => ({ name: `models/${m}`, supportedGenerationMethods: ['generateContent'] })),
      ];
      return { status: 200, body: { models: listed.slice(0, size) } };
    }
    const generate = /^\/v1beta\/models\/([^/:]+):generateContent$/.exec(req.path);
    if (generate && req.method === 'POST') {
      const model = generate[1]!;
      if (!imageModels.includes(model)) return fail(404, `models/${model} is not found for API version v1beta, or is not supported for generateContent.`);
      const problem = validateGenerateContent(req.body, imageCtx);
      if (problem) return fail(400, problem);
      images += 1;
      return generateReply(req.body as Record<string, unknown>, model, outcome, imageCtx);
    }
    const create = /^\/v1beta\/models\/([^/:]+):predictLongRunning$/.exec(req.path);
    if (create && req.method === 'POST') {
      const model = create[1]!;
      if (!models.includes(model)) return fail(404, `models/${model} is not found for API version v1beta.`);
      const problem = validate(req.body);
      if (problem) return fail(400, problem);
      const op: Op = { id: randomBytes(6).toString('hex'), model, createdAt: clock.now(), polls: 0, outcome, fileId: randomBytes(6).toString('hex') };
      ops.push(op);
      return { status: 200, body: { name: `models/${model}/operations/${op.id}` } };
    }
    const poll = /^\/v1beta\/models\/([^/]+)\/operations\/([^/]+)$/.exec(req.path);
    if (poll) {
      const op = ops.find((o) => o.model === poll[1] && o.id === poll[2]);
      if (!op) return fail(404, 'Operation not found.');
      op.polls += 1;
      return { status: 200, body: view(op) };
    }
    const file = /^\/v1beta\/files\/([^/:]+):download$/.exec(req.path);
    const op = file ? ops.find((o) => o.fileId === file[1] && succeeds(o.outcome)) : undefined;
    if (!op || clock.now() > op.createdAt + (opts.retentionMs ?? 2 * 24 * 3600_000)) return fail(404, 'File not found.');
    return { status: 200, bytes: mp4, headers: { 'content-type': 'video/mp4' } };
  }

  const server = await startServer(
    {
      classify: (req) => {
        if (req.path.endsWith(':download')) return 'download';
        if (req.method === 'POST') return 'create';
        return req.path.includes('/operations/') ? 'poll' : 'other';
      },
      handle,
      errorBody: (status, message) => googleError(status, message),
    },
    clock,
  );

  return fakeHandle<VeoOutcome>(
    server,
    () => ops.length + images,
    (o) => (outcome = o),
  );
}

function isInlineImage(v: unknown): boolean {
  return (
    isObject(v) &&
    typeof v.bytesBase64Encoded === 'string' &&
    /^[A-Za-z0-9+/]+=*$/.test(v.bytesBase64Encoded) &&
    typeof v.mimeType === 'string' &&
    v.mimeType.startsWith('image/')
  );
}

/** An operation ends with a video unless set to fail ('text' is for images: a video op still succeeds). */
function succeeds(o: VeoOutcome): boolean {
  return o === 'succeed' || (typeof o === 'object' && 'text' in o);
}
