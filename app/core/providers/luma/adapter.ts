// Luma Dream Machine API (docs/providers.md, Luma). Keyframes are image URLs only (the OpenAPI schema has
// no base64 field) and Shotline hosts no images, so a keyframe is sent only when the user gave it
// a public URL (`ImageInput.url`); otherwise submit fails before any request, saying so.
import { checkKeyWith, contentFilterReason, describeBody, HttpClient, permanent, type Reply, type SendOptions } from '../http';
import { endFrameOf, keysOf, noKey, tierOf } from '../request';
import type { KeyCheck } from '../../../../shared/domain/jobs';
import { ProviderError, type AdapterConfig, type GenerationRequest, type ImageInput, type PollResult, type ProviderAdapter, type SubmitResult } from '../types';

interface Generation {
  id: string;
  state: string;
  failure_reason?: string | null;
  assets?: { video?: string | null } | null;
}

export class LumaAdapter implements ProviderAdapter {
  readonly provider = 'luma' as const;
  private readonly http: HttpClient;
  private readonly key: string;

  constructor(cfg: AdapterConfig) {
    this.key = keysOf('luma', cfg)[0] ?? '';
    this.http = new HttpClient(cfg, 'Luma', [this.key]);
  }

  async submit(req: GenerationRequest, signal?: AbortSignal): Promise<SubmitResult> {
    const tier = tierOf(req);
    const end = endFrameOf(req, tier);
    const keyframes: Record<string, { type: 'image'; url: string }> = {};
    if (req.startFrame) keyframes.frame0 = { type: 'image', url: hostedUrl(req.startFrame, 'start') };
    if (end) keyframes.frame1 = { type: 'image', url: hostedUrl(end, 'end') };
    const body = {
      model: req.model.model,
      prompt: req.prompt.text,
      aspect_ratio: req.aspectRatio,
      resolution: tier.resolution,
      // "5s" / "9s" on the wire.
      duration: `${req.durationS}s`,
      ...(Object.keys(keyframes).length > 0 ? { keyframes } : {}),
    };
    const gen = (await this.call('/generations/video', { json: body, signal })).body as Generation | null;
    if (!gen?.id) throw new ProviderError('transient', 'Luma accepted the request but sent no generation id.', { code: 'no_task_id' });
    return { remoteId: gen.id, raw: this.http.redact(gen) };
  }

  async poll(remoteId: string, signal?: AbortSignal): Promise<PollResult> {
    const reply = await this.call(`/generations/${encodeURIComponent(remoteId)}`, { signal }, [404]);
    const raw = this.http.redact(reply.body);
    // DELETE is Luma's only cancel, and a deleted generation is gone.
    if (reply.status === 404) return { state: 'canceled', raw };
    const gen = reply.body as Generation;
    switch (gen.state) {
      case 'queued':
        return { state: 'queued', progress: null, raw };
      case 'dreaming':
        // No progress figure exists, only a preview video.
        return { state: 'running', progress: null, raw };
      case 'completed': {
        const url = gen.assets?.video;
        if (!url) return { state: 'failed', reason: 'Luma reported completion but sent no video.', code: 'no_output', retryable: true, raw };
        return { state: 'succeeded', outputUrl: url, costUsd: null, raw };
      }
      case 'failed':
        return { state: 'failed', ...failure(gen.failure_reason ?? ''), raw };
      default:
        throw new ProviderError('transient', `Luma sent a generation state Shotline does not know: ${String(gen.state)}.`, { code: 'unknown_status', raw });
    }
  }

  async cancel(remoteId: string): Promise<void> {
    await this.call(`/generations/${encodeURIComponent(remoteId)}`, { method: 'DELETE' }, [404]);
  }

  /** URL lifetime is undocumented; treat a 403 like an expired signed link and re-poll. */
  download(url: string, dest: string, signal?: AbortSignal): Promise<void> {
    return this.http.download(url, dest, { signedUrl: true, signal });
  }

  checkKey(): Promise<KeyCheck> {
    return checkKeyWith(async () => {
      const credits = (await this.call('/credits', {})).body as { credit_balance?: number };
      // `credit_balance` is in US cents.
      const usd = typeof credits.credit_balance === 'number' ? `$${(credits.credit_balance / 100).toFixed(2)}` : 'unknown';
      if (credits.credit_balance === 0)
        return { detail: 'The key works, but the Luma account has no credit left. Add credit in the Luma API dashboard.', noCredit: true };
      return { detail: `The key works. Credit balance: ${usd}.` };
    });
  }

  private async call(path: string, opts: SendOptions, allowed: number[] = []): Promise<Reply> {
    if (!this.key) throw noKey('luma');
    const reply = await this.http.send(path, { ...opts, headers: { Authorization: `Bearer ${this.key}` } });
    // Errors are {"detail": "..."}; 422 may list field errors.
    if (reply.status >= 400 && !allowed.includes(reply.status)) throw this.http.statusError(reply, describeBody(reply.body) || 'no detail given');
    return reply;
  }
}

function hostedUrl(img: ImageInput, which: 'start' | 'end'): string {
  if (img.url?.startsWith('https://')) return img.url;
  throw permanent(
    `Luma takes keyframes only as public https image URLs, and the ${which} keyframe (${img.path}) has none. ` +
      'Remove the keyframe, or use another provider for this shot.',
    'needs_hosted_image',
  );
}

/** `failure_reason` is free text; moderation is recognised by its wording. */
function failure(text: string): { reason: string; code: string | null; retryable: boolean } {
  const t = text.trim() || 'no reason given';
  if (/moderat|safety|content|policy|nsfw|inappropriate/i.test(t)) return { reason: contentFilterReason(t), code: 'content_filter', retryable: false };
  return { reason: `Luma could not make this clip: ${t}.`, code: null, retryable: true };
}
