// Gemini's image model through the Veo key (Gemini Developer API): one synchronous
// `generateContent` whose reply carries the image inline as base64. That reply is the only copy
// of an image Google has billed, so `submit` writes it to a staging folder before it returns and
// the remote id names that file: `poll` finds it there and `download` copies it out. A crash
// after the reply and before the engine stores the take loses nothing: the file stays staged
// until the engine clears it.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { contentFilterReason, HttpClient, permanent } from '../http';
import { imageBase64, imageTierOf } from '../request';
import { ProviderError, type AdapterConfig, type GenerationRequest, type PollResult, type SubmitResult } from '../types';
import { googleSend } from './google';

const PREFIX = 'image:';
const STAGED = /^gemini-image-[\w-]+\.(png|jpg|webp)$/;
/** ImageConfig.imageSize per catalog tier: 1K (1376×768 at 16:9) covers 720p, 2K covers 1080p. */
const IMAGE_SIZE: Record<string, string> = { '720p': '1K', '1080p': '2K' };
const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp' };
/** Image calls take minutes at busy times (so does the answer to one that timed out: it may be billed). */
const GENERATE_TIMEOUT_MS = 300_000;

interface Part {
  text?: string;
  /** Gemini 3 image models may send draft images while thinking; only the final one counts. */
  thought?: boolean;
  inlineData?: { mimeType?: string; data?: string };
}

interface GenerateReply {
  candidates?: Array<{ content?: { parts?: Part[] }; finishReason?: string; finishMessage?: string }>;
  promptFeedback?: { blockReason?: string; blockReasonMessage?: string };
}

/** A remote id from GeminiImages.submit. */
export function isStagedImage(remoteId: string): boolean {
  return remoteId.startsWith(PREFIX);
}

/** An output URL from GeminiImages.poll. */
export function isStagedImageUrl(url: string): boolean {
  return url.startsWith('file:');
}

export class GeminiImages {
  private readonly http: HttpClient;
  private readonly dir: string;

  constructor(
    cfg: AdapterConfig,
    private readonly key: string,
  ) {
    this.http = new HttpClient({ ...cfg, timeoutMs: cfg.timeoutMs ?? GENERATE_TIMEOUT_MS }, 'Google Gemini', [key]);
    this.dir = path.resolve(cfg.stagingDir ?? path.join(os.tmpdir(), 'shotline-staging'));
  }

  /** The one billable call; a reply without an image (refused, or text only) is permanent. */
  async submit(req: GenerationRequest, signal?: AbortSignal): Promise<SubmitResult> {
    const spec = req.model;
    if (req.references.length > spec.maxRefs) {
      throw permanent(`${spec.name} takes at most ${spec.maxRefs} reference images; this shot has ${req.references.length}. Remove some.`, 'too_many_refs');
    }
    const images = await Promise.all(req.references.map(async (r) => ({ inlineData: { mimeType: r.mime, data: await imageBase64(r, 'veo') } })));
    // Keys in the order the official client writes them, so the contract test compares bytes.
    const body = {
      contents: [{ parts: [{ text: req.prompt.text }, ...images], role: 'user' }],
      generationConfig: {
        ...(req.seed !== null ? { seed: req.seed } : {}),
        responseModalities: ['IMAGE'],
        imageConfig: { aspectRatio: req.aspectRatio, imageSize: IMAGE_SIZE[imageTierOf(req).resolution] ?? '1K' },
      },
    };
    const route = `/v1beta/models/${encodeURIComponent(spec.model)}:generateContent`;
    const reply = (await googleSend(this.http, this.key, route, { json: body, signal })).body as GenerateReply | null;
    const raw = this.http.redact(reply);
    const image = finalImage(reply);
    if (!image) throw noImage(reply, raw);
    return { remoteId: PREFIX + this.stage(req.jobId, image), raw };
  }

  poll(remoteId: string): Promise<PollResult> {
    const name = remoteId.slice(PREFIX.length);
    if (!STAGED.test(name)) return Promise.reject(permanent(`"${remoteId}" is not a staged Gemini image.`, 'bad_remote_id'));
    const file = path.join(this.dir, name);
    if (!fs.existsSync(file)) {
      const reason = `The image Google made for this job is no longer in ${this.dir}, so it cannot be kept. Make the frame again.`;
      return Promise.resolve({ state: 'failed', reason, code: 'output_gone', retryable: false, raw: { staged: name } });
    }
    return Promise.resolve({ state: 'succeeded', outputUrl: pathToFileURL(file).href, costUsd: null, raw: { staged: name } });
  }

  /** Copies the staged file to `dest`, leaving it staged so a download cut short can be redone. */
  async download(url: string, dest: string): Promise<void> {
    const file = fileURLToPath(url);
    if (path.dirname(file) !== this.dir || !STAGED.test(path.basename(file))) {
      throw permanent(`${url} is not an image Shotline staged in ${this.dir}.`, 'bad_output_url');
    }
    try {
      await fs.promises.copyFile(file, dest);
    } catch (err) {
      fs.rmSync(dest, { force: true });
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' && !fs.existsSync(file)) {
        throw new ProviderError('permanent', `The staged image ${path.basename(file)} is gone from ${this.dir}. Make the frame again.`, {
          code: 'output_gone',
        });
      }
      throw err;
    }
  }

  /** Written under a temporary name, then renamed: a staged file is always whole. */
  private stage(jobId: string, image: { mime: string; bytes: Buffer }): string {
    const name = `gemini-image-${jobId.replace(/[^\w-]/g, '_').slice(0, 64)}-${randomBytes(4).toString('hex')}.${EXTENSIONS[image.mime] ?? 'png'}`;
    const part = path.join(this.dir, `.${name}.part`);
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      fs.writeFileSync(part, image.bytes);
      fs.renameSync(part, path.join(this.dir, name));
    } catch (err) {
      fs.rmSync(part, { force: true });
      const why = err instanceof Error ? err.message : String(err);
      throw new ProviderError(
        'permanent',
        `Google made the image, but Shotline could not save it in ${this.dir} (${why}). Free some disk space and make the frame again.`,
        {
          code: 'staging_failed',
        },
      );
    }
    return name;
  }
}

/** The last non-draft image part of the first candidate, decoded. */
function finalImage(reply: GenerateReply | null): { mime: string; bytes: Buffer } | null {
  const parts = reply?.candidates?.[0]?.content?.parts ?? [];
  const part = parts.filter((p) => !p.thought && p.inlineData?.data && p.inlineData.mimeType?.startsWith('image/')).at(-1);
  if (!part?.inlineData?.data) return null;
  const bytes = Buffer.from(part.inlineData.data, 'base64');
  return bytes.length > 0 ? { mime: part.inlineData.mimeType ?? 'image/png', bytes } : null;
}

/** Why there is no image: a blocked prompt, a filtered image, or a model that answered in words. */
function noImage(reply: GenerateReply | null, raw: unknown): ProviderError {
  const blocked = reply?.promptFeedback?.blockReason;
  const candidate = reply?.candidates?.[0];
  const finish = candidate?.finishReason;
  if (blocked || (finish && finish !== 'STOP' && finish !== 'MAX_TOKENS')) {
    const detail = reply?.promptFeedback?.blockReasonMessage ?? candidate?.finishMessage ?? `Google stopped with ${blocked ?? finish}`;
    return new ProviderError('permanent', contentFilterReason(detail), { code: blocked ?? finish, raw });
  }
  const said = (candidate?.content?.parts ?? [])
    .map((p) => p.text?.trim())
    .filter(Boolean)
    .join(' ')
    .slice(0, 300);
  const words = said ? `; it said: "${said}"` : '';
  return new ProviderError('permanent', `Google Gemini answered without an image${words}. Describe the picture more plainly and try again.`, {
    code: 'no_image',
    raw,
  });
}
