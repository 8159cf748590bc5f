// HTTP plumbing shared by the remote adapters: one request with a timeout, transport failures
// turned into ProviderErrors, Retry-After parsing, streamed downloads, and redaction of keys and
// image payloads from anything an adapter returns as `raw`. Adapters never retry here: a create
// that timed out may have made a task (a create is not idempotent), and only the engine decides.
import fs from 'node:fs';
import { text } from 'node:stream/consumers';
import { pipeline } from 'node:stream/promises';
import { ProviderError, type AdapterConfig, type ProviderErrorKind } from './types';
import { scrubText, scrubValue } from '../redact';
import type { KeyCheck } from '../../../shared/domain/jobs';
import { exchange, type Exchange } from './transport';

/** The Runway and Luma SDKs' default request timeout (docs/providers.md, Sources). */
const DEFAULT_TIMEOUT_MS = 60_000;
const MAX_REDIRECTS = 5;

export interface Reply {
  status: number;
  headers: Headers;
  /** Parsed JSON, the text when it is not JSON, or null when empty. */
  body: unknown;
}

export interface SendOptions {
  method?: 'GET' | 'POST' | 'DELETE';
  headers?: Record<string, string>;
  json?: unknown;
  signal?: AbortSignal;
}

export interface DownloadOptions {
  /** Sent only while the URL stays on the API's own origin, so a key never leaks to a CDN. */
  authHeaders?: Record<string, string>;
  /** Signed URLs answer 403/410 once expired; otherwise 401/403 mean the key was refused. */
  signedUrl: boolean;
  signal?: AbortSignal;
  /** Refuses (permanent, `too_large`) a file larger than this, by its Content-Length or as it streams. */
  maxBytes?: number;
}

export class HttpClient {
  private readonly timeoutMs: number;

  constructor(
    private readonly cfg: AdapterConfig,
    /** Shown to the user: "Runway", "Kling"… */
    readonly name: string,
    /** Key material to scrub from anything returned as `raw`. */
    private readonly secrets: string[],
  ) {
    this.timeoutMs = cfg.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  now(): number {
    return this.cfg.now?.() ?? Date.now();
  }

  url(path: string): string {
    return /^https?:\/\//.test(path) ? path : `${this.cfg.baseUrl.replace(/\/+$/, '')}${path}`;
  }

  /** One request; any HTTP status comes back as a Reply, transport failures throw transient. */
  send(path: string, opts: SendOptions = {}): Promise<Reply> {
    return this.exchange(path, opts, 'application/json', async (res) => ({
      status: res.status,
      headers: res.headers,
      body: parseBody(await text(res.body)),
    }));
  }

  /**
   * A request whose success is a file rather than JSON (ElevenLabs answers with the audio itself):
   * a 2xx body is streamed into `dest` and returned as `body: null`; any other status comes back
   * as a Reply with nothing written. A failure midway removes the partial file.
   */
  sendToFile(path: string, dest: string, opts: SendOptions = {}): Promise<Reply> {
    return this.exchange(
      path,
      opts,
      '*/*',
      async (res) => {
        if (res.status >= 300) return { status: res.status, headers: res.headers, body: parseBody(await text(res.body)) };
        await pipeline(res.body, fs.createWriteStream(dest));
        return { status: res.status, headers: res.headers, body: null };
      },
      () => fs.rmSync(dest, { force: true }),
    );
  }

  /** Sends, then `read`s the reply, all under the request timeout; any failure becomes a transport error. */
  private async exchange(path: string, opts: SendOptions, accept: string, read: (res: Exchange) => Promise<Reply>, onFailure?: () => void): Promise<Reply> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    const headers: Record<string, string> = { Accept: accept, ...opts.headers };
    if (opts.json !== undefined) headers['Content-Type'] = 'application/json';
    try {
      const res = await exchange(this.url(path), {
        method: opts.method ?? (opts.json === undefined ? 'GET' : 'POST'),
        headers,
        body: opts.json === undefined ? undefined : JSON.stringify(opts.json),
        signal,
      });
      return await read(res);
    } catch (err) {
      onFailure?.();
      throw this.transportError(err, opts.signal, timeout);
    }
  }

  /** Streams `url` into `dest`; removes the partial file on any failure. */
  async download(url: string, dest: string, opts: DownloadOptions): Promise<void> {
    const ctrl = new AbortController();
    const signal = opts.signal ? AbortSignal.any([opts.signal, ctrl.signal]) : ctrl.signal;
    // An idle timeout rather than a total one: a large file on a slow line is fine while bytes flow.
    let timer: NodeJS.Timeout | undefined;
    const bump = () => {
      clearTimeout(timer);
      timer = setTimeout(() => ctrl.abort(new DOMException('idle', 'TimeoutError')), this.timeoutMs);
    };
    try {
      bump();
      const res = await this.fetchFollowing(url, opts, signal);
      if (res.status !== 200) {
        const body = parseBody(await text(res.body));
        throw this.downloadError(res.status, res.headers, body, opts.signedUrl);
      }
      const tooLarge = () =>
        new ProviderError('permanent', `${this.name}: the file is larger than ${opts.maxBytes} bytes, more than this download takes.`, { code: 'too_large' });
      if (opts.maxBytes !== undefined && Number(res.headers.get('content-length') ?? 0) > opts.maxBytes) {
        res.body.destroy();
        throw tooLarge();
      }
      const stream = res.body;
      let received = 0;
      stream.on('data', (chunk: Buffer) => {
        bump();
        received += chunk.length;
        if (opts.maxBytes !== undefined && received > opts.maxBytes) stream.destroy(tooLarge());
      });
      await pipeline(stream, fs.createWriteStream(dest));
    } catch (err) {
      fs.rmSync(dest, { force: true });
      if (err instanceof ProviderError) throw err;
      throw this.transportError(err, opts.signal, ctrl.signal);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Follows redirects by hand so the API key is dropped when the file lives on another origin. */
  private async fetchFollowing(url: string, opts: DownloadOptions, signal: AbortSignal): Promise<Exchange> {
    const apiOrigin = new URL(this.cfg.baseUrl).origin;
    let current = url;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const sameOrigin = new URL(current).origin === apiOrigin;
      const res = await exchange(current, { headers: sameOrigin ? (opts.authHeaders ?? {}) : {}, signal });
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) return res;
      res.body.destroy();
      current = new URL(location, current).toString();
    }
    throw new ProviderError('transient', `${this.name}: the download redirected more than ${MAX_REDIRECTS} times.`, { code: 'redirects' });
  }

  private downloadError(status: number, headers: Headers, body: unknown, signedUrl: boolean): ProviderError {
    const raw = this.redact(body);
    if (signedUrl && (status === 403 || status === 410)) {
      return new ProviderError('transient', `${this.name}: the output link has expired; poll the task again for a fresh link.`, {
        status,
        code: 'url_expired',
        raw,
      });
    }
    if (status === 404) {
      return new ProviderError('permanent', `${this.name} no longer has this output (HTTP 404): it keeps files for a limited time.`, {
        status,
        code: 'output_gone',
        raw,
      });
    }
    return this.statusError({ status, headers, body }, `the download failed (${describeBody(body) || 'no detail'})`);
  }

  private transportError(err: unknown, caller: AbortSignal | undefined, timeout: AbortSignal): unknown {
    // The engine's own cancel: hand its abort back unchanged.
    if (caller?.aborted) return caller.reason ?? err;
    if (timeout.aborted) {
      const s = Math.round(this.timeoutMs / 1000);
      return new ProviderError('transient', `${this.name} did not answer within ${s} s; it may still have received the request.`, { code: 'timeout' });
    }
    const detail = err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err);
    return new ProviderError('transient', `Could not reach ${this.name} (${detail}). Check the network connection.`, { code: 'network' });
  }

  /**
   * The usual mapping of an HTTP error status (Runway's, Luma's and Google's error docs): 401/403 auth, 429
   * rate limited, 408 and 5xx transient, other 4xx permanent. `reason` is the provider's words.
   */
  statusError(reply: Reply, reason: string, over: { kind?: ProviderErrorKind; code?: string; label?: string } = {}): ProviderError {
    const kind = over.kind ?? kindForStatus(reply.status);
    const status = reply.status;
    // APIs that answer errors with HTTP 200 (MiniMax) name their own code instead.
    const label = over.label ?? `HTTP ${status}`;
    const messages: Record<ProviderErrorKind, string> = {
      auth: `${this.name} rejected the API key (${label}): ${reason}. Check the key in Settings.`,
      rate_limited: `${this.name} asked to slow down (${label}): ${reason}.`,
      transient: `${this.name} had a problem (${label}): ${reason}. It may be temporary.`,
      permanent: `${this.name} refused the request (${label}): ${reason}.`,
    };
    return new ProviderError(kind, messages[kind], {
      status,
      code: over.code,
      retryAfterS: kind === 'rate_limited' ? retryAfterS(reply.headers, this.now()) : undefined,
      raw: this.redact(reply.body),
    });
  }

  /** A copy with keys, tokens and base64 payloads replaced, safe to log and store. */
  redact(value: unknown): unknown {
    return scrubValue(value, this.secrets);
  }
}

export function kindForStatus(status: number): ProviderErrorKind {
  if (status === 401 || status === 403) return 'auth';
  if (status === 429) return 'rate_limited';
  if (status === 408 || status >= 500) return 'transient';
  return 'permanent';
}

/** Seconds to wait: `retry-after-ms` first, then `retry-after` as seconds or a date (the Runway SDK's order). */
export function retryAfterS(headers: Headers, nowMs: number): number | undefined {
  const ms = Number(headers.get('retry-after-ms'));
  if (headers.has('retry-after-ms') && Number.isFinite(ms) && ms >= 0) return ms / 1000;
  const value = headers.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - nowMs) / 1000);
}

/** "refused by the provider's content filter: …" — the words every moderation failure shares. */
export function contentFilterReason(detail: string): string {
  const d = detail.trim() || 'no reason given';
  return `Refused by the provider's content filter: ${d}. Change the prompt or images; sending the same request again will not help.`;
}

export function permanent(message: string, code: string): ProviderError {
  return new ProviderError('permanent', message, { code });
}

/** A short human string out of an error body: a bare string, `{message}`, `{detail}`, `{error}`… */
export function describeBody(body: unknown): string {
  if (typeof body === 'string') return body.slice(0, 500);
  if (!body || typeof body !== 'object') return '';
  const o = body as Record<string, unknown>;
  for (const key of ['error', 'detail', 'message', 'msg', 'status_msg']) {
    const v = o[key];
    if (typeof v === 'string' && v) return v;
    if (Array.isArray(v)) return v.map(describeBody).filter(Boolean).join('; ');
    if (v && typeof v === 'object') {
      const inner = describeBody(v);
      if (inner) return inner;
    }
  }
  return '';
}

function parseBody(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Provider error codes that mean the account has no money or units left (Kling 1101/1102, MiniMax 1008, ElevenLabs quota_exceeded). */
const NO_CREDIT_CODES = new Set(['1101', '1102', '1008', 'quota_exceeded']);

/**
 * `checkKey()` for every adapter. `call` makes the provider's cheapest authenticated request and
 * says what it learnt; `noCredit` where the reply shows an empty balance.
 */
export async function checkKeyWith(call: () => Promise<{ detail: string; noCredit?: boolean }>): Promise<KeyCheck> {
  try {
    const { detail, noCredit } = await call();
    return noCredit ? { ok: false, verdict: 'no_credit', detail: scrubText(detail) } : { ok: true, verdict: 'works', detail: scrubText(detail) };
  } catch (err) {
    if (!(err instanceof ProviderError)) throw err;
    const detail = scrubText(err.message);
    if (NO_CREDIT_CODES.has(err.details.code ?? '')) return { ok: false, verdict: 'no_credit', detail };
    if (err.kind === 'transient' || err.kind === 'rate_limited') return { ok: false, verdict: 'unreachable', detail };
    return { ok: false, verdict: 'wrong', detail };
  }
}
