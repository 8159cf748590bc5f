// Google Veo 3.1 through the Gemini Developer API (PROVIDERS.md §4): a long-running operation,
// inline base64 images only, no seed, native audio always on.
import { defineModel, type ModelInput } from './define';
import type { ModelSpec, ProviderSpec } from './types';

export const VEO: ProviderSpec = {
  id: 'veo',
  name: 'Google Veo (Gemini API)',
  keyEnv: ['GEMINI_API_KEY'],
  defaultBaseUrl: 'https://generativelanguage.googleapis.com',
};

const PRICE_REF = 'PROVIDERS.md §4.4 (aifreeapi.com 2026, secondary)';

const base = {
  provider: 'veo',
  output: 'video',
  endpoints: ['text-to-video', 'image-to-video', 'references-to-video'],
  durations: [4, 6, 8],
  ratios: ['16:9', '9:16'],
  textRatios: ['16:9', '9:16'],
  wireRatios: {},
  fps: 24,
  refsVia: null,
  // referenceImages cannot be sent together with image or lastFrame (SDK check).
  refsWithKeyframes: false,
  keyframes: { first: true, last: true, lastNeedsFirst: true },
  input: { text: true, image: true },
  requiresImage: false,
  keyframesByUrl: false,
  audio: true,
  negativePrompt: true,
  negativeFallback: 'drop',
  promptForm: 'prose',
  // Google states the limit in tokens (1,024), not characters; 4,000 characters is about that
  // much English and keeps the request from being refused.
  promptMaxChars: 4000,
  concurrency: 2,
  // Google's own samples poll every 10 s; operations take 11 s to 6 min.
  minPollS: 10,
} satisfies Partial<ModelInput>;

/** Gemini docs: 1080p renders 8 s clips only. */
const tiers = (usd: number) => [
  { resolution: '720p', usd },
  { resolution: '1080p', usd, durations: [8] },
];

export const VEO_MODELS: ModelSpec[] = [
  defineModel({
    ...base,
    model: 'veo-3.1-generate-preview',
    name: 'Veo 3.1',
    tiers: tiers(0.4),
    maxRefs: 3,
    sources: [{ label: 'aifreeapi.com, Veo 3.1 standard', value: 0.4, unit: 'usd/s', ref: PRICE_REF }],
    notes:
      'Up to three ASSET reference images, or start/end keyframes, not both. Durations 4/6/8 s are not enforced by the SDK (uncertain). Outputs are kept about 2 days.',
  }),
  defineModel({
    ...base,
    model: 'veo-3.1-fast-generate-preview',
    name: 'Veo 3.1 Fast',
    endpoints: ['text-to-video', 'image-to-video'],
    tiers: tiers(0.15),
    // Reference images are documented for Veo 3.1 standard; unconfirmed for fast.
    maxRefs: 0,
    sources: [{ label: 'aifreeapi.com, Veo 3.1 fast', value: 0.15, unit: 'usd/s', ref: PRICE_REF }],
    notes: 'Cheaper Veo for drafts. Durations 4/6/8 s are not enforced by the SDK (uncertain).',
  }),
];
