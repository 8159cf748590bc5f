// The seam between the job engine and each provider's API. Adapters know one HTTP API and
// nothing of the db; the engine knows states, retries and money and nothing of any API.
import type { ModelSpec } from '../../../shared/catalog/types';
import type { CompiledPrompt } from '../../../shared/domain/prompt';
import type { AspectRatio, ProviderId, Shot, ToolId } from '../../../shared/domain/types';
import { scrubText } from '../redact';
import type { KeyCheck } from '../../../shared/domain/jobs';

/** An image on disk; the adapter encodes it the way its API wants (data URI, raw base64, upload). */
export interface ImageInput {
  path: string;
  mime: 'image/jpeg' | 'image/png' | 'image/webp';
  width: number;
  height: number;
  /** Reference tag without the @ (Runway gen4_image, Kling elements). */
  tag?: string;
  /** A public https URL of the same image, where one exists: Luma takes keyframes only as URLs. */
  url?: string;
}

export interface GenerationRequest {
  jobId: string;
  /** Our idempotency id, sent where the API takes a client task id (Kling external_task_id). */
  externalId: string;
  tool: ToolId;
  model: ModelSpec;
  prompt: CompiledPrompt;
  durationS: number;
  aspectRatio: AspectRatio;
  resolution: string;
  seed: number | null;
  startFrame: ImageInput | null;
  endFrame: ImageInput | null;
  references: ImageInput[];
  /** The shot asked for sound, where the model sells it as an option (catalog `soundOption`). */
  askSound?: boolean;
  /** For renderers that draw the shot itself (local animatic: label, action, camera move). */
  shot: Pick<Shot, 'label' | 'action' | 'prompt' | 'durationS' | 'aspectRatio'>;
}

export interface SubmitResult {
  remoteId: string;
  /** The provider's reply, redacted of keys and image payloads before it is logged. */
  raw: unknown;
}

export type PollResult =
  | { state: 'queued' | 'running'; progress: number | null; raw: unknown }
  /** `costUsd`: what the provider says it charged, where its reply says; null = only the estimate is known. */
  | { state: 'succeeded'; outputUrl: string; costUsd: number | null; raw: unknown }
  | { state: 'failed'; reason: string; code: string | null; retryable: boolean; raw: unknown }
  | { state: 'canceled'; raw: unknown }
  /**
   * Step one of a two-step job is done (Runway: gen4_image made the start frame). Nothing new
   * was created: the engine records it, then calls `submitNext` — a billable create, handled
   * exactly like `submit` — and polls the remote id that returns. `outputUrl` is the frame.
   */
  | { state: 'step_done'; outputUrl: string; costUsd: number | null; raw: unknown };

export type ProviderErrorKind =
  /** Network error, 5xx, timeout before a reply: for a create, the task MAY exist (no blind retry). */
  | 'transient'
  /** 429: nothing was created; safe to retry after `retryAfterS`. */
  | 'rate_limited'
  /** Validation, moderation at submit, not found: retrying cannot help. */
  | 'permanent'
  /** Missing or rejected key. */
  | 'auth';

export class ProviderError extends Error {
  override name = 'ProviderError';
  constructor(
    readonly kind: ProviderErrorKind,
    message: string,
    readonly details: { status?: number; code?: string; retryAfterS?: number; raw?: unknown } = {},
  ) {
    // Built from a provider's words, which may echo the credential sent.
    super(scrubText(message));
  }
}

export interface AdapterConfig {
  baseUrl: string;
  /** Key material as the provider needs it (Kling: access + secret). */
  keys: Record<string, string>;
  /** Milliseconds before a request is abandoned. */
  timeoutMs?: number;
  now?: () => number;
  /**
   * Where an API that answers with the file itself (Gemini images) keeps it until `download`:
   * the app passes a folder in its user data, so a billed image survives a crash; else a folder
   * under os.tmpdir().
   */
  stagingDir?: string;
}

export interface ProviderAdapter {
  provider: ProviderId;
  submit(req: GenerationRequest, signal?: AbortSignal): Promise<SubmitResult>;
  poll(remoteId: string, signal?: AbortSignal): Promise<PollResult>;
  /** After a `step_done` poll: creates the next step's task from the finished one (one create, never retried). */
  submitNext?(remoteId: string, req: GenerationRequest, signal?: AbortSignal): Promise<SubmitResult>;
  /** Where the API can look a task up by our external id (Kling): null when none exists. */
  findByExternalId?(externalId: string, req: GenerationRequest): Promise<SubmitResult | null>;
  cancel?(remoteId: string): Promise<void>;
  /**
   * Streams the output to `dest` (some APIs need the key on the download too). A signed URL that
   * has expired throws a transient ProviderError with code `url_expired`: poll again, which
   * returns a fresh `outputUrl`, and download that. A file the provider no longer keeps throws a
   * permanent one with code `output_gone`.
   */
  download(url: string, dest: string, signal?: AbortSignal): Promise<void>;
  /** A cheap authenticated call to tell the user whether the key works. */
  /** The provider's cheapest authenticated call, read as works / wrong key / no credit / no answer. */
  checkKey(): Promise<KeyCheck>;
}

/**
 * A provider that makes the clip on this computer (the local animatic): no remote task, nothing
 * billed, so the engine may simply run it again after a crash. It plugs into the same job states.
 */
export interface LocalRenderer {
  provider: ProviderId;
  /** Renders to `dest` (.mp4; .png for an image model). Rejects with an AbortError once `signal` fires. */
  render(req: GenerationRequest, dest: string, opts: { onProgress?: (fraction: number) => void; signal?: AbortSignal }): Promise<{ notes: string[] }>;
}
