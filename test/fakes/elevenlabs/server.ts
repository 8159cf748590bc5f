// A local ElevenLabs API (docs/providers.md, ElevenLabs): `xi-api-key` required, voices listed
// (v1 all, v2 searched and paged) with preview samples, text-to-speech and sound generation
// validated as documented and answered with real audio whose length follows the text
// (characters / 15 s) or `duration_seconds`, in the container `output_format` names. Credits are
// spent per character (Flash half) and run out with 401 quota_exceeded; more requests at once than
// the plan allows answer 429 too_many_concurrent_requests. Faults are injected per kind of call.
import { randomBytes } from 'node:crypto';
import { FakeClock, startServer, type Fault, type FakeResponse, type RecordedRequest } from '../common';
import { CONTENT_TYPES, encodeAudio } from './audio';
import { creditsPerChar, outputFormatProblem, SFX_FORMATS, TTS_FORMATS, validateSfx, validateSpeech, type Refusal } from './validate';

export interface FakeVoice {
  voice_id: string;
  name: string;
  category: 'premade' | 'cloned' | 'generated' | 'professional';
  labels: Record<string, string>;
  description?: string;
  /** False for a voice ElevenLabs has no sample of (`preview_url: null`). */
  preview?: boolean;
}

export interface ElevenLabsFakeOptions {
  apiKey?: string;
  voices?: FakeVoice[];
  /** Credits this month; text-to-speech spends 1 per character (Flash/Turbo 0.5), an effect 100 or 20/s. */
  credits?: number;
  /** Generations served at once before 429 too_many_concurrent_requests (Free plan: 2). */
  concurrency?: number;
  /** How long one generation takes, so tests can run several at once. */
  latencyMs?: number;
  /** Characters of text per second of speech. */
  charsPerSecond?: number;
  clock?: FakeClock;
}

export interface Generation {
  kind: 'speech' | 'sfx';
  voiceId: string | null;
  model: string;
  text: string;
  format: string;
  seconds: number;
  requestId: string;
}

export const DEFAULT_VOICES: FakeVoice[] = [
  { voice_id: '21m00Tcm4TlvDq8ikWAM', name: 'Rachel', category: 'premade', labels: { accent: 'american', gender: 'female', age: 'young' } },
  { voice_id: 'JBFqnCBsd6RMkjVDRZzb', name: 'George', category: 'premade', labels: { accent: 'british', gender: 'male', age: 'middle aged' } },
  { voice_id: 'cl0nedVoice0000000001', name: 'Mara (clone)', category: 'cloned', labels: {}, description: 'A cloned voice of this account' },
];

export type ElevenLabsFake = Awaited<ReturnType<typeof startElevenLabsFake>>;

const errorBody = (status: number, message: string): unknown => {
  if (status === 422) return { detail: [{ loc: ['body'], msg: message, type: 'value_error' }] };
  const code: Record<number, string> = { 401: 'invalid_api_key', 429: 'too_many_concurrent_requests', 500: 'internal_error', 503: 'system_busy' };
  return { detail: { status: code[status] ?? 'error', message } };
};

export async function startElevenLabsFake(opts: ElevenLabsFakeOptions = {}) {
  const apiKey = opts.apiKey ?? 'xi-test-key';
  const voices = opts.voices ?? DEFAULT_VOICES;
  const creditLimit = opts.credits ?? 100_000;
  const concurrency = opts.concurrency ?? 2;
  const charsPerSecond = opts.charsPerSecond ?? 15;
  const generations: Generation[] = [];
  let used = 0;
  let inFlight = 0;

  const reply = (r: Refusal): FakeResponse => ({ status: r.status, body: { detail: r.detail } });
  const fail = (status: number, code: string, message: string): FakeResponse => ({ status, body: { detail: { status: code, message } } });

  const voiceJson = (v: FakeVoice) => ({
    voice_id: v.voice_id,
    name: v.name,
    category: v.category,
    labels: v.labels,
    description: v.description ?? null,
    preview_url: v.preview === false ? null : `${server.url}/previews/${v.voice_id}.mp3`,
    samples: null,
    settings: null,
    available_for_tiers: [],
    high_quality_base_model_ids: ['eleven_multilingual_v2', 'eleven_flash_v2_5', 'eleven_v3'],
  });

  function listV2(req: RecordedRequest): FakeResponse {
    const search = (req.query.search ?? '').toLowerCase();
    const size = Math.min(Math.max(Number(req.query.page_size ?? 10), 1), 100);
    const from = Number(req.query.next_page_token ?? 0) || 0;
    const found = voices.filter((v) => !search || v.name.toLowerCase().includes(search) || Object.values(v.labels).some((l) => l.includes(search)));
    const page = found.slice(from, from + size);
    const more = from + size < found.length;
    return {
      status: 200,
      body: { voices: page.map(voiceJson), has_more: more, total_count: found.length, next_page_token: more ? String(from + size) : null },
    };
  }

  /** Holds a concurrency slot for the generation's run time; one over the plan's limit is refused. */
  async function generate(cost: number, make: () => Promise<FakeResponse>): Promise<FakeResponse> {
    if (used + cost > creditLimit) {
      return fail(
        401,
        'quota_exceeded',
        `This request exceeds your quota of ${creditLimit}. You have ${creditLimit - used} credits remaining, while ${Math.ceil(cost)} credits are required for this request.`,
      );
    }
    if (inFlight >= concurrency) {
      return fail(
        429,
        'too_many_concurrent_requests',
        `Your plan allows ${concurrency} concurrent requests and you already have ${inFlight} in progress. Try again shortly.`,
      );
    }
    inFlight += 1;
    try {
      if (opts.latencyMs) await new Promise((r) => setTimeout(r, opts.latencyMs));
      used += cost;
      return await make();
    } finally {
      inFlight -= 1;
    }
  }

  async function audio(kind: Generation['kind'], fields: Omit<Generation, 'kind' | 'requestId' | 'format'>, format: string): Promise<FakeResponse> {
    const requestId = randomBytes(10).toString('hex');
    const bytes = await encodeAudio(format, fields.seconds);
    generations.push({ kind, ...fields, format, requestId });
    const type = CONTENT_TYPES[format.split('_')[0] ?? ''] ?? 'application/octet-stream';
    return { status: 200, bytes, headers: { 'content-type': type, 'request-id': requestId, 'history-item-id': requestId } };
  }

  async function handle(req: RecordedRequest): Promise<FakeResponse> {
    const preview = /^\/previews\/([\w-]+)\.mp3$/.exec(req.path);
    // Preview samples are public files (a CDN in the real API): no key.
    if (preview && req.method === 'GET') {
      if (!voices.some((v) => v.voice_id === preview[1] && v.preview !== false)) return { status: 404, body: 'Not Found' };
      return { status: 200, bytes: await encodeAudio('mp3_44100_128', 1), headers: { 'content-type': 'audio/mpeg' } };
    }
    const key = req.headers['xi-api-key'];
    if (!key) return fail(401, 'needs_authorization', 'Neither authorization header nor xi-api-key received, please provide one.');
    if (key !== apiKey) return fail(401, 'invalid_api_key', 'Invalid API key');

    if (req.method === 'GET' && req.path === '/v1/voices') return { status: 200, body: { voices: voices.map(voiceJson) } };
    if (req.method === 'GET' && req.path === '/v2/voices') return listV2(req);
    if (req.method === 'GET' && req.path === '/v1/user/subscription') {
      return {
        status: 200,
        body: {
          tier: 'free',
          character_count: Math.ceil(used),
          character_limit: creditLimit,
          status: 'active',
          next_character_count_reset_unix: 1_800_000_000,
        },
      };
    }

    const tts = /^\/v1\/text-to-speech\/([^/]+)$/.exec(req.path);
    if (tts && req.method === 'POST') {
      const voiceId = tts[1]!;
      const format = req.query.output_format;
      const known = voices.some((v) => v.voice_id === voiceId);
      const problem = outputFormatProblem(format, TTS_FORMATS) ?? validateSpeech(req.body, known);
      if (problem) return reply(problem);
      if (!known) return fail(404, 'voice_not_found', `A voice with the voice_id ${voiceId} was not found.`);
      const body = req.body as { text: string; model_id?: string };
      const model = body.model_id ?? 'eleven_multilingual_v2';
      const chars = [...body.text].length;
      return generate(chars * creditsPerChar(model), () =>
        audio('speech', { voiceId, model, text: body.text, seconds: Math.max(0.3, chars / charsPerSecond) }, format ?? 'mp3_44100_128'),
      );
    }

    if (req.method === 'POST' && req.path === '/v1/sound-generation') {
      const format = req.query.output_format;
      const problem = outputFormatProblem(format, SFX_FORMATS) ?? validateSfx(req.body);
      if (problem) return reply(problem);
      const body = req.body as { text: string; duration_seconds?: number | null; model_id?: string };
      const seconds = body.duration_seconds ?? 5;
      // API: 100 credits a generation, or 20 per second when the length is set (help centre).
      const cost = body.duration_seconds ? 20 * body.duration_seconds : 100;
      return generate(cost, () =>
        audio('sfx', { voiceId: null, model: body.model_id ?? 'eleven_text_to_sound_v2', text: body.text, seconds }, format ?? 'mp3_44100_128'),
      );
    }
    return fail(404, 'not_found', `No route ${req.method} ${req.path} in the ElevenLabs fake.`);
  }

  const server = await startServer(
    {
      classify: (req) => (req.method === 'POST' ? 'create' : req.path.startsWith('/previews/') ? 'download' : 'other'),
      handle,
      errorBody,
    },
    opts.clock ?? new FakeClock(),
  );

  return {
    url: server.url,
    requests: server.requests,
    generations,
    /** Billable generations made (a create that then failed with 5xx still counts). */
    get creates() {
      return generations.length;
    },
    get creditsUsed() {
      return used;
    },
    /** The next faults: `create` for text-to-speech and sound generation, `other` for voices and the subscription. */
    setScenario(s: { create?: Fault[]; other?: Fault[]; download?: Fault[] }) {
      if (s.create) server.faults.create = [...s.create];
      if (s.other) server.faults.other = [...s.other];
      if (s.download) server.faults.download = [...s.download];
    },
    close: () => server.close(),
  };
}
