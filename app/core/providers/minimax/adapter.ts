// MiniMax Hailuo video (docs/providers.md, MiniMax). Errors are HTTP 200 with a non-zero
// `base_resp.status_code`, mapped by code. A finished task gives a file id; the
// download URL comes from /v1/files/retrieve on every successful poll, so a re-poll renews an
// expired link. No seed, no cancel, no client task id.
import type { KeyCheck } from '../../../../shared/domain/jobs';
import { checkKeyWith, contentFilterReason, describeBody, HttpClient, type Reply } from '../http';
import { endFrameOf, imageDataUri, keysOf, noKey, tierOf } from '../request';
import {
  ProviderError,
  type AdapterConfig,
  type GenerationRequest,
  type PollResult,
  type ProviderAdapter,
  type ProviderErrorKind,
  type SubmitResult,
} from '../types';

/** MiniMax status codes by what the engine should do about them; anything else is permanent. */
const KIND_OF_CODE: Record<number, ProviderErrorKind> = {
  1000: 'transient', // unknown error (retry)
  1001: 'transient', // request timeout (retry)
  1002: 'rate_limited',
  1004: 'auth', // bad key, or a key for the other host
  1024: 'transient',
  1033: 'transient',
  1039: 'rate_limited', // token limit
  1041: 'rate_limited', // connection limit
  2049: 'auth',
};
const HINTS: Record<number, string> = {
  1004: 'the key is wrong, or belongs to the other MiniMax host (api.minimax.io vs api.minimaxi.com)',
  1008: 'the MiniMax account balance is too low: top it up, then retry',
  1028: 'the MiniMax quota is used up',
  1030: 'the MiniMax quota is used up',
  1042: 'the prompt has too many invisible characters',
  2038: 'MiniMax requires real-name verification of the account first',
};
const MODERATION = [1026, 1027];

interface BaseResp {
  status_code?: number;
  status_msg?: string;
}
interface Reply200 {
  base_resp?: BaseResp;
  task_id?: string;
  status?: string;
  file_id?: string;
  file?: { download_url?: string };
}

export class MinimaxAdapter implements ProviderAdapter {
  readonly provider = 'minimax' as const;
  private readonly http: HttpClient;
  private readonly key: string;

  constructor(cfg: AdapterConfig) {
    this.key = keysOf('minimax', cfg)[0] ?? '';
    this.http = new HttpClient(cfg, 'MiniMax', [this.key]);
  }

  async submit(req: GenerationRequest, signal?: AbortSignal): Promise<SubmitResult> {
    const tier = tierOf(req);
    const end = endFrameOf(req, tier);
    const body = {
      model: req.model.model,
      prompt: req.prompt.text,
      duration: req.durationS,
      // The catalog's "768p" is "768P" on the wire.
      resolution: tier.resolution.toUpperCase(),
      ...(req.startFrame ? { first_frame_image: await imageDataUri(req.startFrame, 'minimax') } : {}),
      ...(end ? { last_frame_image: await imageDataUri(end, 'minimax') } : {}),
    };
    const out = this.check(await this.call('/v1/video_generation', { json: body, signal }));
    if (!out.task_id) throw new ProviderError('transient', 'MiniMax accepted the request but sent no task id.', { code: 'no_task_id' });
    return { remoteId: out.task_id, raw: this.http.redact(out) };
  }

  async poll(remoteId: string, signal?: AbortSignal): Promise<PollResult> {
    const reply = await this.call(`/v1/query/video_generation?task_id=${encodeURIComponent(remoteId)}`, { signal });
    const task = reply.body as Reply200 | null;
    const raw = this.http.redact(task);
    // The CLI spells it "Failed", the MCP server and Comfy "Fail": accept both. A failed
    // task may carry its reason as a non-zero code (1027: output moderation), so read it first.
    if (task?.status === 'Fail' || task?.status === 'Failed') return { state: 'failed', ...failure(task.base_resp), raw };
    const ok = this.check(reply);
    switch (ok.status) {
      case 'Queueing':
        return { state: 'queued', progress: null, raw };
      // Out of the queue: preparing the inputs counts as work on this task.
      case 'Preparing':
      case 'Processing':
        return { state: 'running', progress: null, raw };
      case 'Success': {
        if (!ok.file_id) return { state: 'failed', reason: 'MiniMax reported success but sent no file.', code: 'no_output', retryable: true, raw };
        const file = this.check(await this.call(`/v1/files/retrieve?file_id=${encodeURIComponent(ok.file_id)}`, { signal }));
        const url = file.file?.download_url;
        if (!url) return { state: 'failed', reason: 'MiniMax sent no download link for the video.', code: 'no_output', retryable: true, raw };
        return { state: 'succeeded', outputUrl: url, costUsd: null, raw: { task: raw, file: this.http.redact(file) } };
      }
      default:
        throw new ProviderError('transient', `MiniMax sent a task status Shotline does not know: ${String(ok.status)}.`, { code: 'unknown_status', raw });
    }
  }

  /** download_url expires (lifetime UNCERTAIN); a 403 means poll again for a new one. */
  download(url: string, dest: string, signal?: AbortSignal): Promise<void> {
    return this.http.download(url, dest, { signedUrl: true, signal });
  }

  /**
   * MiniMax documents no account endpoint, so this asks about a task that does not exist: a bad
   * key answers 1004, a good one "invalid params" or the like.
   */
  checkKey(): Promise<KeyCheck> {
    return checkKeyWith(async () => {
      try {
        this.check(await this.call('/v1/query/video_generation?task_id=0', {}));
      } catch (err) {
        if (!(err instanceof ProviderError && err.kind === 'permanent')) throw err;
      }
      return { detail: 'The key works. MiniMax reports a low balance (1008) only when a video is requested.' };
    });
  }

  private async call(path: string, opts: { json?: unknown; signal?: AbortSignal }): Promise<Reply> {
    if (!this.key) throw noKey('minimax');
    const reply = await this.http.send(path, { ...opts, headers: { Authorization: `Bearer ${this.key}` } });
    // Trace-Id is what MiniMax support asks for: keep it with whatever is logged.
    const traceId = reply.headers.get('trace-id');
    const body = traceId && reply.body && typeof reply.body === 'object' ? { ...reply.body, trace_id: traceId } : reply.body;
    const out = { ...reply, body };
    if (reply.status !== 200) throw this.http.statusError(out, describeBody(reply.body) || 'no detail given');
    return out;
  }

  /** The body when base_resp says 0; else the error its code means. */
  private check(reply: Reply): Reply200 {
    const body = reply.body as Reply200 | null;
    const code = body?.base_resp?.status_code;
    if (code === 0) return body!;
    if (code === undefined) {
      throw new ProviderError('transient', 'MiniMax sent a reply without base_resp.', { code: 'bad_reply', raw: this.http.redact(body) });
    }
    const said = body?.base_resp?.status_msg || 'no detail given';
    const reason = MODERATION.includes(code) ? contentFilterReason(said) : HINTS[code] ? `${HINTS[code]} (${said})` : said;
    throw this.http.statusError(reply, reason, { kind: KIND_OF_CODE[code] ?? 'permanent', code: String(code), label: `code ${code}` });
  }
}

function failure(resp: BaseResp | undefined): { reason: string; code: string | null; retryable: boolean } {
  const code = resp?.status_code ?? 0;
  const said = resp?.status_msg?.trim() || 'no reason given';
  if (MODERATION.includes(code)) return { reason: contentFilterReason(said), code: String(code), retryable: false };
  return { reason: `MiniMax could not make this clip: ${said}.`, code: code ? String(code) : null, retryable: true };
}
