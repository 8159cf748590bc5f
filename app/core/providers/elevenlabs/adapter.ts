// ElevenLabs (docs/providers.md, ElevenLabs): speech for dialogue lines and sound effects. Unlike
// the video APIs nothing is queued: one POST answers with the audio itself, streamed into the
// take's file. So a reply that never came (timeout, 5xx) may still have been billed: such errors
// are `transient`, and the engine decides whether to ask rather than send again.
import type { KeyCheck } from '../../../../shared/domain/jobs';
import {
  DEFAULT_OUTPUT_FORMAT,
  getSfxModel,
  getSpeechModel,
  type SfxOutputFormat,
  type SpeechModelSpec,
  type SpeechOutputFormat,
} from '../../../../shared/catalog/audio';
import { checkKeyWith, HttpClient, permanent, type Reply, type SendOptions } from '../http';
import { keysOf, noKey } from '../request';
import { ProviderError, type AdapterConfig } from '../types';

/** The official client's default (XI `Client.ts`): a long line takes a while to speak. */
const DEFAULT_TIMEOUT_MS = 240_000;
const SFX_MODEL = 'eleven_text_to_sound_v2';
/** Voice ids are opaque; anything but these characters would not survive the URL path. */
const VOICE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface Voice {
  voiceId: string;
  name: string;
  /** premade, cloned, generated, professional… */
  category: string | null;
  labels: Record<string, string>;
  description: string | null;
  /** A short public sample of the voice, where ElevenLabs has one. */
  previewUrl: string | null;
}

export interface SpeakRequest {
  voiceId: string;
  text: string;
  /** The API's model id: eleven_multilingual_v2, eleven_flash_v2_5, eleven_v3 (catalog `elevenlabs:<model>`). */
  modelId: string;
  outputFormat?: SpeechOutputFormat;
  /** The neighbouring lines of the same scene, for continuity (models with `context` only). */
  previousText?: string | null;
  nextText?: string | null;
  /** The parenthetical ("whispering"), for models that take a delivery hint. */
  hint?: string | null;
  seed?: number | null;
}

export interface SoundEffectRequest {
  text: string;
  /** 0.5–30 s; null lets ElevenLabs pick from the prompt. */
  seconds: number | null;
  promptInfluence?: number;
  outputFormat?: SfxOutputFormat;
}

export interface AudioResult {
  /** What was sent as the text (with an audio tag, where the hint became one), for provenance. */
  sentText: string;
  /** The reply's `request-id` header where it has one (usable as previous_request_ids later). */
  requestId: string | null;
  contentType: string | null;
  /** What was left out because the model cannot take it, in words for the take's notes. */
  notes: string[];
  raw: unknown;
}

export class ElevenLabsAdapter {
  readonly provider = 'elevenlabs' as const;
  private readonly http: HttpClient;
  private readonly key: string;

  constructor(cfg: AdapterConfig) {
    this.key = keysOf('elevenlabs', cfg)[0] ?? '';
    this.http = new HttpClient({ ...cfg, timeoutMs: cfg.timeoutMs ?? DEFAULT_TIMEOUT_MS }, 'ElevenLabs', [this.key]);
  }

  /** The voices of the account (`GET /v1/voices`): premade ones and the user's own. */
  async listVoices(signal?: AbortSignal): Promise<Voice[]> {
    const list = ((await this.call('/v1/voices', { signal })).body as { voices?: unknown } | null)?.voices;
    // A proxy's error page or a wrong base URL answers 200 with something else: say so, not "no voices".
    if (!Array.isArray(list))
      throw permanent('ElevenLabs answered the voice list with something that is not one. Check the base URL in Settings.', 'bad_reply');
    return (list as Array<Record<string, unknown>>).map(toVoice).filter((v): v is Voice => v !== null);
  }

  /** Speaks one line into `dest` (`POST /v1/text-to-speech/{voice_id}`); billed per character sent. */
  async speak(req: SpeakRequest, dest: string, signal?: AbortSignal): Promise<AudioResult> {
    const spec = getSpeechModel(`elevenlabs:${req.modelId}`);
    if (!spec)
      throw permanent(`ElevenLabs has no speech model "${req.modelId}" in Shotline's catalog. Pick Multilingual v2, Flash v2.5 or v3.`, 'unknown_model');
    if (!VOICE_ID.test(req.voiceId)) throw permanent(`"${req.voiceId}" is not an ElevenLabs voice id. Pick the voice again from the list.`, 'bad_voice_id');
    const { text, notes } = composeText(spec, req);
    const body: Record<string, unknown> = { text, model_id: spec.model };
    if (req.seed !== undefined && req.seed !== null) body.seed = req.seed;
    if (spec.context) {
      if (req.previousText?.trim()) body.previous_text = req.previousText;
      if (req.nextText?.trim()) body.next_text = req.nextText;
    } else if (req.previousText?.trim() || req.nextText?.trim()) {
      notes.push(`${spec.name} does not take the neighbouring lines; this line was spoken on its own.`);
    }
    const format = req.outputFormat ?? DEFAULT_OUTPUT_FORMAT;
    const path = `/v1/text-to-speech/${encodeURIComponent(req.voiceId)}?output_format=${format}`;
    const reply = await this.call(path, { json: body, signal }, dest);
    return {
      sentText: text,
      requestId: reply.headers.get('request-id'),
      contentType: reply.headers.get('content-type'),
      notes,
      raw: this.http.redact({ request: body }),
    };
  }

  /** Makes one sound effect into `dest` (`POST /v1/sound-generation`); billed per generation. */
  async soundEffect(req: SoundEffectRequest, dest: string, signal?: AbortSignal): Promise<AudioResult> {
    const spec = getSfxModel(`elevenlabs:${SFX_MODEL}`)!;
    const text = req.text.trim();
    if (!text) throw permanent('Describe the sound effect first: its text is empty.', 'empty_text');
    if (req.seconds !== null && !(req.seconds >= spec.minSeconds && req.seconds <= spec.maxSeconds)) {
      throw permanent(`A sound effect lasts ${spec.minSeconds}–${spec.maxSeconds} s; ${req.seconds} s was asked for.`, 'bad_duration');
    }
    const body: Record<string, unknown> = { text, model_id: spec.model };
    if (req.seconds !== null) body.duration_seconds = req.seconds;
    if (req.promptInfluence !== undefined) body.prompt_influence = req.promptInfluence;
    const path = `/v1/sound-generation?output_format=${req.outputFormat ?? DEFAULT_OUTPUT_FORMAT}`;
    const reply = await this.call(path, { json: body, signal }, dest);
    return {
      sentText: text,
      requestId: reply.headers.get('request-id'),
      contentType: reply.headers.get('content-type'),
      notes: [],
      raw: this.http.redact({ request: body }),
    };
  }

  /** A voice's preview sample: a public file, fetched without the key; refused past `maxBytes`. */
  preview(url: string, dest: string, opts: { signal?: AbortSignal; maxBytes?: number } = {}): Promise<void> {
    return this.http.download(url, dest, { signedUrl: false, ...opts });
  }

  /** The subscription (`GET /v1/user/subscription`): works, and how many credits are left this month. */
  checkKey(): Promise<KeyCheck> {
    return checkKeyWith(async () => {
      const sub = (await this.call('/v1/user/subscription', {})).body as { character_count?: number; character_limit?: number; tier?: string } | null;
      const used = sub?.character_count;
      const limit = sub?.character_limit;
      if (typeof used !== 'number' || typeof limit !== 'number') return { detail: 'The key works.' };
      const left = Math.max(0, limit - used);
      const plan = sub?.tier ? ` on the ${sub.tier} plan` : '';
      if (left === 0) return { detail: `The key works, but its ${limit.toLocaleString('en-US')} credits${plan} are used up this month.`, noCredit: true };
      return { detail: `The key works: ${left.toLocaleString('en-US')} of ${limit.toLocaleString('en-US')} credits left this month${plan}.` };
    });
  }

  /** One request; with `dest`, a 2xx body is the audio and goes there. Errors become ProviderErrors. */
  private async call(path: string, opts: SendOptions, dest?: string): Promise<Reply> {
    if (!this.key) throw noKey('elevenlabs');
    const send = { ...opts, headers: { 'xi-api-key': this.key } };
    const reply = dest ? await this.http.sendToFile(path, dest, send) : await this.http.send(path, send);
    if (reply.status < 400) return reply;
    throw this.error(reply);
  }

  private error(reply: Reply): ProviderError {
    const { code, reason } = readError(reply.body);
    // The help centre's 400/401 codes: a spent quota is no key problem, and retrying cannot help.
    if (code === 'quota_exceeded') {
      return this.http.statusError(reply, `${reason}. Add credits or upgrade the ElevenLabs plan`, { kind: 'permanent', code });
    }
    return this.http.statusError(reply, reason, { code: code ?? undefined });
  }
}

/** The text to send: v3 reads a parenthetical as an audio tag (`[whispering] …`); others get none. */
function composeText(spec: SpeechModelSpec, req: SpeakRequest): { text: string; notes: string[] } {
  const text = req.text.trim();
  if (!text) throw permanent('This line has no text to speak.', 'empty_text');
  const hint = req.hint?.replace(/^\s*\(|\)\s*$/g, '').trim() ?? '';
  const notes: string[] = [];
  let out = text;
  if (hint && spec.hint === 'audio_tag') out = `[${hint.replace(/[[\]]/g, '')}] ${text}`;
  else if (hint) notes.push(`${spec.name} takes no delivery hint; "(${hint})" was not sent.`);
  const chars = [...out].length;
  if (chars > spec.maxChars) {
    throw permanent(
      `${spec.name} speaks at most ${spec.maxChars.toLocaleString('en-US')} characters at once; this line has ${chars}. Split the line.`,
      'text_too_long',
    );
  }
  return { text: out, notes };
}

/**
 * ElevenLabs errors: `{"detail":{"status","message"}}`, or for schema errors (422)
 * `{"detail":[{loc, msg, type}]}`, reported as "text: Field required".
 */
function readError(body: unknown): { code: string | null; reason: string } {
  const detail = (body as { detail?: unknown } | null)?.detail;
  if (Array.isArray(detail)) {
    const parts = detail.map((d: { loc?: unknown[]; msg?: string }) => {
      const loc = (d.loc ?? []).filter((l) => l !== 'body').join('.');
      return loc ? `${loc}: ${d.msg ?? 'invalid'}` : (d.msg ?? 'invalid');
    });
    return { code: 'validation_error', reason: parts.join('; ') || 'the request was refused' };
  }
  if (detail && typeof detail === 'object') {
    const d = detail as { status?: unknown; message?: unknown };
    return { code: typeof d.status === 'string' ? d.status : null, reason: typeof d.message === 'string' && d.message ? d.message : 'no detail given' };
  }
  if (typeof detail === 'string') return { code: null, reason: detail };
  return { code: null, reason: typeof body === 'string' && body ? body.slice(0, 300) : 'no detail given' };
}

function toVoice(v: Record<string, unknown>): Voice | null {
  if (typeof v.voice_id !== 'string') return null;
  const str = (x: unknown) => (typeof x === 'string' && x ? x : null);
  const labels = v.labels && typeof v.labels === 'object' ? Object.fromEntries(Object.entries(v.labels).filter(([, l]) => typeof l === 'string')) : {};
  return {
    voiceId: v.voice_id,
    name: str(v.name) ?? v.voice_id,
    category: str(v.category),
    labels: labels as Record<string, string>,
    description: str(v.description),
    previewUrl: str(v.preview_url),
  };
}
