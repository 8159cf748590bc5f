// Google Veo through the Gemini Developer API (docs/providers.md, Veo): `predictLongRunning` returns an
// operation; polling it is the only state there is (done or not); images travel inline as
// base64; no seed, no cancel; the output file needs the API key to download. Content refusals
// are not HTTP errors: the operation ends done with `raiMediaFilteredCount` and no samples.
// Jobs on the image model (storyboard frames) go to GeminiImages (image.ts) instead.
import type { KeyCheck } from '../../../../shared/domain/jobs';
import { checkKeyWith, contentFilterReason, HttpClient, permanent, type Reply, type SendOptions } from '../http';
import { endFrameOf, imageBase64, keysOf, noKey, tierOf } from '../request';
import { ProviderError, type AdapterConfig, type GenerationRequest, type ImageInput, type PollResult, type ProviderAdapter, type SubmitResult } from '../types';
import { googleSend, type GoogleError } from './google';
import { GeminiImages, isStagedImage, isStagedImageUrl } from './image';

const OPERATION = /^models\/[\w.-]+\/operations\/[\w-]+$/;
/** google.rpc codes worth another try: DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED, INTERNAL, UNAVAILABLE. */
const RETRYABLE_RPC = [4, 8, 13, 14];

interface Operation {
  name: string;
  done?: boolean;
  error?: GoogleError;
  response?: {
    generateVideoResponse?: {
      generatedSamples?: Array<{ video?: { uri?: string } }>;
      raiMediaFilteredCount?: number;
      raiMediaFilteredReasons?: string[];
    };
  };
}

export class VeoAdapter implements ProviderAdapter {
  readonly provider = 'veo' as const;
  private readonly http: HttpClient;
  private readonly key: string;
  private readonly images: GeminiImages;

  constructor(cfg: AdapterConfig) {
    this.key = keysOf('veo', cfg)[0] ?? '';
    this.http = new HttpClient(cfg, 'Google Veo', [this.key]);
    this.images = new GeminiImages(cfg, this.key);
  }

  async submit(req: GenerationRequest, signal?: AbortSignal): Promise<SubmitResult> {
    if (req.model.output === 'image') return this.images.submit(req, signal);
    const tier = tierOf(req);
    const end = endFrameOf(req, tier);
    const spec = req.model;
    const instance: Record<string, unknown> = { prompt: req.prompt.text };
    if (req.startFrame) {
      instance.image = await inline(req.startFrame);
      if (end) instance.lastFrame = await inline(end);
    } else if (req.references.length > 0 && spec.maxRefs > 0) {
      // Reference images cannot travel with image or lastFrame, and must be ASSET.
      if (req.references.length > spec.maxRefs) {
        throw permanent(`${spec.name} takes at most ${spec.maxRefs} reference images; this shot has ${req.references.length}.`, 'too_many_refs');
      }
      instance.referenceImages = await Promise.all(req.references.map(async (r) => ({ image: await inline(r), referenceType: 'ASSET' })));
    }
    const body = {
      instances: [instance],
      // No seed: the Developer API refuses it.
      parameters: {
        sampleCount: 1,
        durationSeconds: req.durationS,
        aspectRatio: req.aspectRatio,
        resolution: tier.resolution,
        ...(req.prompt.negative ? { negativePrompt: req.prompt.negative } : {}),
      },
    };
    const op = (await this.call(`/v1beta/models/${encodeURIComponent(spec.model)}:predictLongRunning`, { json: body, signal })).body as Operation | null;
    if (!op?.name) throw new ProviderError('transient', 'Google Veo accepted the request but sent no operation name.', { code: 'no_task_id' });
    return { remoteId: op.name, raw: this.http.redact(op) };
  }

  async poll(remoteId: string, signal?: AbortSignal): Promise<PollResult> {
    if (isStagedImage(remoteId)) return this.images.poll(remoteId);
    if (!OPERATION.test(remoteId)) throw permanent(`"${remoteId}" is not a Veo operation name.`, 'bad_remote_id');
    const op = (await this.call(`/v1beta/${remoteId}`, { signal })).body as Operation;
    const raw = this.http.redact(op);
    // Not done is all an operation says: no queue position, no progress.
    if (!op.done) return { state: 'running', progress: null, raw };
    if (op.error) {
      const code = op.error.code ?? null;
      const retryable = code !== null && RETRYABLE_RPC.includes(code);
      return {
        state: 'failed',
        reason: `Google Veo could not make this clip: ${op.error.message ?? 'no reason given'}.`,
        code: code === null ? null : String(code),
        retryable,
        raw,
      };
    }
    const res = op.response?.generateVideoResponse;
    const url = res?.generatedSamples?.find((s) => s.video?.uri)?.video?.uri;
    if (url) return { state: 'succeeded', outputUrl: url, costUsd: null, raw };
    if ((res?.raiMediaFilteredCount ?? 0) > 0) {
      const reasons = (res?.raiMediaFilteredReasons ?? []).join(' ') || 'the video was filtered by responsible-AI checks';
      return { state: 'failed', reason: contentFilterReason(reasons), code: 'RAI_FILTERED', retryable: false, raw };
    }
    return { state: 'failed', reason: 'Google Veo finished but sent no video.', code: 'no_output', retryable: true, raw };
  }

  /** The file URL is not signed: it needs the key, and is gone after about 2 days. */
  download(url: string, dest: string, signal?: AbortSignal): Promise<void> {
    if (isStagedImageUrl(url)) return this.images.download(url, dest);
    if (!this.key) return Promise.reject(noKey('veo'));
    return this.http.download(url, dest, { authHeaders: { 'x-goog-api-key': this.key }, signedUrl: false, signal });
  }

  checkKey(): Promise<KeyCheck> {
    return checkKeyWith(async () => {
      await this.call('/v1beta/models?pageSize=1', {});
      return { detail: 'The key works. Google bills Veo to the key’s Cloud project; a project without billing shows only when a video is requested.' };
    });
  }

  private call(path: string, opts: SendOptions): Promise<Reply> {
    return googleSend(this.http, this.key, path, opts);
  }
}

async function inline(img: ImageInput): Promise<{ bytesBase64Encoded: string; mimeType: string }> {
  return { bytesBase64Encoded: await imageBase64(img, 'veo'), mimeType: img.mime };
}
