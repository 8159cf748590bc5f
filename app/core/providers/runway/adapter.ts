// Runway Developer API (docs/providers.md, Runway). No idempotency key and no webhooks: every create is
// sent once, and a 5xx or timeout on it is reported as transient for the engine to reconcile.
//
// Two-step references path: Gen-4 video models take no reference images, so when a shot has
// references (or gen4_turbo has no start keyframe) `submit` asks the catalog's `refsVia` model
// (gen4_image) for a start frame and returns the remote id `frame:<task id>`. Polling it reports
// the image task's progress, then `step_done`; the engine then calls `submitNext`, which creates
// the image_to_video task from the frame's URL and returns its plain task id.
//
// Storyboard frames: a job whose own tool is an image model (gen4_image, gen4_image_turbo) is
// one text_to_image task with a plain id, polled to `succeeded` like a video.
import { makesFrameFirst } from '../../../../shared/domain/cost';
import { CREDIT_USD, getModel, wireRatio, type ModelSpec, type ResolutionTier } from '../../../../shared/catalog';
import { checkKeyWith, contentFilterReason, describeBody, HttpClient, permanent, type Reply, type SendOptions } from '../http';
import { endFrameOf, imageDataUri, imageTierOf, keysOf, noKey, tierOf } from '../request';
import type { KeyCheck } from '../../../../shared/domain/jobs';
import { ProviderError, type AdapterConfig, type GenerationRequest, type PollResult, type ProviderAdapter, type SubmitResult } from '../types';

/** Sent on every request (the SDK's `runwayVersion`). */
export const RUNWAY_VERSION = '2024-11-06';
const FRAME = 'frame:';

interface Task {
  id: string;
  status: string;
  progress?: number;
  output?: string[];
  failure?: string;
  failureCode?: string;
  /** Credits charged, on finished tasks (the SDK's `TaskRetrieveResponse.Succeeded.cost`). */
  cost?: { credits?: number };
}

export class RunwayAdapter implements ProviderAdapter {
  readonly provider = 'runway' as const;
  private readonly http: HttpClient;
  private readonly key: string;

  constructor(cfg: AdapterConfig) {
    this.key = keysOf('runway', cfg)[0] ?? '';
    this.http = new HttpClient(cfg, 'Runway', [this.key]);
  }

  async submit(req: GenerationRequest, signal?: AbortSignal): Promise<SubmitResult> {
    if (req.model.output === 'image') return this.create('/v1/text_to_image', await frameBody(req, imageTierOf(req), req.model), '', signal);
    const tier = tierOf(req);
    const end = endFrameOf(req, tier);
    if (req.startFrame) {
      const first = await imageDataUri(req.startFrame, 'runway');
      // A bare string means "first frame"; the positioned list is needed only with an end frame.
      const promptImage = end
        ? [
            { uri: first, position: 'first' },
            { uri: await imageDataUri(end, 'runway'), position: 'last' },
          ]
        : first;
      return this.create('/v1/image_to_video', videoBody(req, tier, promptImage), '', signal);
    }
    const frameModel = req.model.refsVia ? getModel(req.model.refsVia) : undefined;
    // The same rule the estimate counts (makesFrameFirst); here the start frame is already known absent.
    if (makesFrameFirst(req.tool, { refs: req.references.length, startFrame: false }, req.aspectRatio) && frameModel)
      return this.create('/v1/text_to_image', await frameBody(req, tier, frameModel), FRAME, signal);
    // Never a text_to_video the API refuses: it takes only the model's text ratios.
    if (!req.model.endpoints.includes('text-to-video') || !req.model.textRatios.includes(req.aspectRatio)) {
      throw permanent(`${req.model.name} cannot make ${req.aspectRatio} from text alone. Add a start keyframe to the shot.`, 'needs_start_frame');
    }
    return this.create('/v1/text_to_video', videoBody(req, tier, null), '', signal);
  }

  async submitNext(remoteId: string, req: GenerationRequest, signal?: AbortSignal): Promise<SubmitResult> {
    if (!remoteId.startsWith(FRAME)) throw permanent(`Runway task ${remoteId} has no next step.`, 'no_next_step');
    // Re-read the frame task: its output URL from an earlier poll may have expired.
    const task = (await this.call(`/v1/tasks/${encodeURIComponent(remoteId.slice(FRAME.length))}`, { signal })).body as Task;
    const frameUrl = task.status === 'SUCCEEDED' ? task.output?.[0] : undefined;
    if (!frameUrl) throw permanent(`The start frame (Runway task ${task.id}) is ${task.status}, not ready; it cannot start the video.`, 'frame_not_ready');
    return this.create('/v1/image_to_video', videoBody(req, tierOf(req), frameUrl), '', signal);
  }

  async poll(remoteId: string, signal?: AbortSignal): Promise<PollResult> {
    const frame = remoteId.startsWith(FRAME);
    const id = frame ? remoteId.slice(FRAME.length) : remoteId;
    const reply = await this.call(`/v1/tasks/${encodeURIComponent(id)}`, { signal }, [404]);
    const raw = this.http.redact(reply.body);
    // A cancelled or deleted task "will not be able to be fetched again": 404 or CANCELLED.
    if (reply.status === 404) return { state: 'canceled', raw };
    const task = reply.body as Task;
    switch (task.status) {
      case 'PENDING':
      case 'THROTTLED':
        return { state: 'queued', progress: null, raw };
      case 'RUNNING':
        return { state: 'running', progress: typeof task.progress === 'number' ? task.progress : null, raw };
      case 'SUCCEEDED': {
        const url = task.output?.[0];
        if (!url) return { state: 'failed', reason: 'Runway reported success but sent no output.', code: 'no_output', retryable: true, raw };
        const costUsd = typeof task.cost?.credits === 'number' ? task.cost.credits * CREDIT_USD : null;
        return frame ? { state: 'step_done', outputUrl: url, costUsd, raw } : { state: 'succeeded', outputUrl: url, costUsd, raw };
      }
      case 'FAILED':
        return { state: 'failed', ...failure(task), raw };
      case 'CANCELLED':
        return { state: 'canceled', raw };
      default:
        throw new ProviderError('transient', `Runway sent a task status Shotline does not know: ${String(task.status)}.`, { code: 'unknown_status', raw });
    }
  }

  /** DELETE cancels a pending, throttled or running task and deletes a finished one. */
  async cancel(remoteId: string): Promise<void> {
    const id = remoteId.startsWith(FRAME) ? remoteId.slice(FRAME.length) : remoteId;
    await this.call(`/v1/tasks/${encodeURIComponent(id)}`, { method: 'DELETE', headers: { Accept: '*/*' } }, [404]);
  }

  /** Output URLs are signed and expire in 24–48 h; a re-GET of the task mints fresh ones. */
  download(url: string, dest: string, signal?: AbortSignal): Promise<void> {
    return this.http.download(url, dest, { signedUrl: true, signal });
  }

  checkKey(): Promise<KeyCheck> {
    return checkKeyWith(async () => {
      const org = (await this.call('/v1/organization', {})).body as { creditBalance?: number };
      if (org.creditBalance === 0)
        return { detail: 'The key works, but the Runway account has no credits left. Buy credits in the developer portal.', noCredit: true };
      return { detail: `The key works. Credit balance: ${org.creditBalance ?? 'unknown'} credits.` };
    });
  }

  private async create(path: string, body: object, prefix: string, signal?: AbortSignal): Promise<SubmitResult> {
    const reply = await this.call(path, { json: body, signal });
    const id = (reply.body as { id?: unknown } | null)?.id;
    if (typeof id !== 'string') {
      // The task may well exist; only the engine can decide what to do about that.
      throw new ProviderError('transient', 'Runway accepted the request but sent no task id.', { code: 'no_task_id', raw: this.http.redact(reply.body) });
    }
    return { remoteId: prefix + id, raw: this.http.redact(reply.body) };
  }

  private async call(path: string, opts: SendOptions, allowed: number[] = []): Promise<Reply> {
    if (!this.key) throw noKey('runway');
    const headers = { Authorization: `Bearer ${this.key}`, 'X-Runway-Version': RUNWAY_VERSION, ...opts.headers };
    const reply = await this.http.send(path, { ...opts, headers });
    if (reply.status >= 400 && !allowed.includes(reply.status)) {
      // 400 carries {"error": "<human explanation>"}.
      throw this.http.statusError(reply, describeBody(reply.body) || 'no detail given');
    }
    return reply;
  }
}

function videoBody(req: GenerationRequest, tier: ResolutionTier, promptImage: unknown): object {
  const spec = req.model;
  return {
    model: spec.model,
    promptText: req.prompt.text,
    ratio: wireRatio(spec, req.aspectRatio, tier.resolution),
    duration: req.durationS,
    ...(promptImage ? { promptImage } : {}),
    ...(req.seed !== null ? { seed: req.seed } : {}),
    // Only the Veo models on Runway have these fields: compilePrompt leaves `negative`
    // null for the others, and the catalog marks which make audio.
    ...(req.prompt.negative ? { negativePrompt: req.prompt.negative } : {}),
    ...(spec.audio ? { audio: true } : {}),
  };
}

/**
 * text_to_image on an image model (the job's own, or a video model's frame model): up to its
 * `maxRefs` tagged references, and at least one where it requires them (gen4_image_turbo).
 */
async function frameBody(req: GenerationRequest, tier: ResolutionTier, via: ModelSpec): Promise<object> {
  if (req.references.length > via.maxRefs) {
    throw permanent(`${via.name} takes at most ${via.maxRefs} references; this shot has ${req.references.length}. Remove some.`, 'too_many_refs');
  }
  if (via.requiresImage && req.references.length === 0) {
    throw permanent(`${via.name} makes frames from reference images only; this shot has none. Add a reference, or pick another frame tool.`, 'needs_reference');
  }
  const resolution = via.resolutions.includes(tier.resolution) ? tier.resolution : via.defaultResolution;
  const referenceImages = await Promise.all(req.references.map(async (r) => ({ uri: await imageDataUri(r, 'runway'), ...(r.tag ? { tag: r.tag } : {}) })));
  return {
    model: via.model,
    promptText: req.prompt.text,
    ratio: wireRatio(via, req.aspectRatio, resolution),
    ...(referenceImages.length > 0 ? { referenceImages } : {}),
    ...(req.seed !== null ? { seed: req.seed } : {}),
  };
}

/** Failure codes per "Handle Task Failures": SAFETY.* is moderation and must not be retried. */
function failure(task: Task): { reason: string; code: string | null; retryable: boolean } {
  const code = task.failureCode ?? null;
  const text = task.failure?.trim() || 'no reason given';
  if (code?.startsWith('SAFETY.')) return { reason: contentFilterReason(text), code, retryable: false };
  if (code === 'ASSET.INVALID') return { reason: `Runway could not use an input image: ${text}.`, code, retryable: false };
  // INTERNAL and INTERNAL.BAD_OUTPUT.* are system-side and worth another try (Runway's "Handle Task Failures" page).
  return { reason: `Runway could not make this clip: ${text}.`, code, retryable: code?.startsWith('INTERNAL') ?? false };
}
