// What every remote adapter reads off a GenerationRequest before it speaks its own API: the
// catalog tier for the shot's resolution, whether an end keyframe is allowed there, and image
// bytes in the encoding the API wants. Limits come from the catalog; the shot was validated
// against it before the engine got here, so these checks only stop a request that would
// otherwise go out silently different from what the user planned.
import fs from 'node:fs/promises';
import { defaultTier, getProvider, lastFrameAt, REF_IMAGE_RULES, tierFor, type ImageProvider, type ResolutionTier } from '../../../shared/catalog';
import type { ProviderId } from '../../../shared/domain/types';
import { permanent } from './http';
import { ProviderError, type AdapterConfig, type GenerationRequest, type ImageInput } from './types';

export function tierOf(req: GenerationRequest): ResolutionTier {
  const tier = tierFor(req.model, req.resolution);
  if (!tier) {
    const made = req.model.resolutions.join(', ');
    throw permanent(`${req.model.name} does not make ${req.resolution}; it makes ${made}. Change the shot's resolution.`, 'bad_resolution');
  }
  return tier;
}

/**
 * The tier of an image model's job: the shot's resolution where the model makes it, else the
 * model's default. A frame is not held to the clip's resolution (validateFrame ignores it), and
 * the estimate prices it at the default tier the same way.
 */
export function imageTierOf(req: GenerationRequest): ResolutionTier {
  return tierFor(req.model, req.resolution) ?? defaultTier(req.model);
}

/** The end keyframe, where this model at this resolution takes one; throws rather than drop it. */
export function endFrameOf(req: GenerationRequest, tier: ResolutionTier): ImageInput | null {
  if (!req.endFrame) return null;
  if (!req.startFrame && req.model.keyframes.lastNeedsFirst) {
    throw permanent(
      `${req.model.name} takes an end keyframe only together with a start keyframe. Add a start keyframe or remove the end one.`,
      'end_without_start',
    );
  }
  if (!lastFrameAt(req.model, tier)) {
    throw permanent(
      `${req.model.name} at ${tier.resolution} takes no end keyframe. Remove it, or pick a resolution or model that takes one.`,
      'end_frame_unsupported',
    );
  }
  return req.endFrame;
}

/** Raw base64 of the file, refused over the catalog's byte limit for the provider (REF_IMAGE_RULES). */
export async function imageBase64(img: ImageInput, provider: ImageProvider): Promise<string> {
  const bytes = await fs.readFile(img.path);
  const limit = REF_IMAGE_RULES[provider].maxBytes;
  if (bytes.length > limit) {
    const mb = (n: number) => (n / (1024 * 1024)).toFixed(1);
    throw permanent(
      `${nameOf(provider)} takes images of at most ${mb(limit)} MB; ${img.path} is ${mb(bytes.length)} MB. Use a smaller JPEG.`,
      'image_too_large',
    );
  }
  return bytes.toString('base64');
}

/** `data:<mime>;base64,…` — Runway and MiniMax take images this way. */
export async function imageDataUri(img: ImageInput, provider: ImageProvider): Promise<string> {
  return `data:${img.mime};base64,${await imageBase64(img, provider)}`;
}

/** The provider's keys in the catalog's `keyEnv` order ('' where unset). */
export function keysOf(provider: ProviderId, cfg: AdapterConfig): string[] {
  return (getProvider(provider)?.keyEnv ?? []).map((name) => cfg.keys[name] ?? '');
}

/** Thrown before any request when a key is missing, naming where to set it. */
export function noKey(provider: ProviderId): ProviderError {
  const env = getProvider(provider)?.keyEnv.join(' and ') ?? '';
  return new ProviderError('auth', `No ${nameOf(provider)} key is set. Add it in Settings (or set ${env} for the CLI).`, { code: 'no_key' });
}

function nameOf(provider: ProviderId): string {
  return getProvider(provider)?.name ?? provider;
}
