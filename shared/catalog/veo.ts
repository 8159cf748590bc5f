// Google Veo 3.1 through the Gemini Developer API (docs/providers.md, Veo): a long-running operation,
// inline base64 images only, no seed, native audio always on. The same key also reaches Gemini's
// image model, which makes storyboard frames in one synchronous generateContent call.
import { ASPECT_RATIOS } from '../domain/types';
import { defineModel, type ModelInput } from './define';
import type { ModelSpec, ProviderSpec } from './types';

export const VEO: ProviderSpec = {
  id: 'veo',
  name: 'Google Veo (Gemini API)',
  keyEnv: ['GEMINI_API_KEY'],
  defaultBaseUrl: 'https://generativelanguage.googleapis.com',
};

const GOOGLE_PRICING = 'https://ai.google.dev/gemini-api/docs/pricing (Veo 3.1; as quoted after the 2026-04-07 Fast price cut)';
const AIFREEAPI = 'https://aifreeapi.com/en/posts/veo-3-1-pricing-per-second-gemini-api (secondary)';
const GEMINI_IMAGE_MODEL_PAGE =
  'https://docs.cloud.google.com/gemini-enterprise-agent-platform/models/gemini/3-1-flash-image-preview (token counts per image size)';
const AIFREEAPI_IMAGE = 'https://aifreeapi.com/en/posts/gemini-flash-image-generation-pricing (secondary)';
const UF_NAVIGATOR = 'https://docs.ai.it.ufl.edu/docs/navigator_models/models/google-gemini-3.1-flash-image (secondary)';

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
  refsNeed: null,
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
const tiers = (usd720: number, usd1080: number) => [
  { resolution: '720p', usd: usd720 },
  { resolution: '1080p', usd: usd1080, durations: [8] },
];

export const VEO_MODELS: ModelSpec[] = [
  defineModel({
    ...base,
    model: 'veo-3.1-generate-preview',
    name: 'Veo 3.1',
    tiers: tiers(0.4, 0.4),
    maxRefs: 3,
    // "Reference image to video only supports 8 seconds", and some versions of the page allow
    // only 16:9 with references: the narrower reading, so no request is refused after queueing.
    refsNeed: { durations: [8], ratios: ['16:9'] },
    sources: [
      { label: 'Google, Veo 3.1 Standard, 720p and 1080p', value: 0.4, unit: 'usd/s', ref: GOOGLE_PRICING, asOf: '2026-04-09' },
      { label: 'aifreeapi.com, Veo 3.1 standard', value: 0.4, unit: 'usd/s', ref: AIFREEAPI, asOf: '2025-12' },
    ],
    notes: 'Up to three ASSET reference images (8 s, 16:9 only), or start/end keyframes, not both. Sound is always on. Outputs are kept about 2 days.',
  }),
  defineModel({
    ...base,
    model: 'veo-3.1-fast-generate-preview',
    name: 'Veo 3.1 Fast',
    endpoints: ['text-to-video', 'image-to-video'],
    // Google cut Fast's prices by 14–33 % on 2026-04-07: $0.12/s at 1080p; 720p at the top of
    // that range, $0.10/s.
    tiers: tiers(0.1, 0.12),
    // Reference images are documented for Veo 3.1 standard; unconfirmed for fast.
    maxRefs: 0,
    sources: [
      { label: 'Google, Veo 3.1 Fast, 1080p', value: 0.12, unit: 'usd/s', ref: GOOGLE_PRICING, asOf: '2026-04-09' },
      { label: 'aifreeapi.com, Veo 3.1 fast (before the cut)', value: 0.15, unit: 'usd/s', ref: AIFREEAPI, asOf: '2025-12' },
    ],
    disputed:
      "Google's page after the 2026-04-07 cut gives $0.12/s at 1080p; the 720p figure ($0.10/s) is the 33 % end of the announced 14–33 % cut, not read from the page. Older secondary sources say $0.15/s for both.",
    notes: 'Cheaper Veo for drafts. Sound is always on.',
  }),
  defineModel({
    ...base,
    model: 'gemini-3.1-flash-image',
    name: 'Gemini 3.1 Flash Image',
    output: 'image',
    endpoints: ['text-to-image'],
    durations: [],
    ratios: [...ASPECT_RATIOS],
    textRatios: [...ASPECT_RATIOS],
    // Google bills image output by tokens: 1,120 for a 1K image, 1,680 for 2K, at $60 per million.
    // Shotline asks for 1K (1376×768 at 16:9) at 720p and 2K at 1080p, so a frame is never
    // smaller than the clip it starts.
    tiers: [
      { resolution: '720p', usd: 0.067 },
      { resolution: '1080p', usd: 0.101 },
    ],
    fps: 0,
    // The API takes up to 14 input images; three matches the reference slots a shot has.
    maxRefs: 3,
    refsWithKeyframes: true,
    keyframes: { first: false, last: false, lastNeedsFirst: false },
    audio: false,
    negativePrompt: false,
    // Google's image guide: describe what should be there ("semantic negative prompts"), since
    // naming what should not be can bring it in.
    negativeFallback: 'drop',
    // Synchronous: the image is in the create's reply, so a poll only reads the staged file.
    minPollS: 0,
    sources: [
      {
        label: 'Google Cloud model page: 1,120 tokens per 1K image (1,680 per 2K)',
        value: 0.067,
        unit: 'usd/image',
        ref: GEMINI_IMAGE_MODEL_PAGE,
        asOf: '2026-07',
      },
      { label: 'aifreeapi.com, $60 per million output image tokens', value: 0.067, unit: 'usd/image', ref: AIFREEAPI_IMAGE, asOf: '2026-03' },
      { label: 'aifreeapi.com, 2K', value: 0.101, unit: 'usd/image', ref: AIFREEAPI_IMAGE, asOf: '2026-03' },
      { label: 'University of Florida NaviGator model list, gemini-3.1-flash-image', value: 0.067, unit: 'usd/image', ref: UF_NAVIGATOR, asOf: '2026' },
    ],
    disputed:
      "No stored copy of Google's own pricing page lists this model; the figures are Google's token counts per image times the $60 per million output image tokens that every secondary source quotes (for the -preview id, which the GA id replaced in mid-2026).",
    notes:
      'Storyboard frames with the Gemini key ("Nano Banana 2"): from the prompt alone or with up to three reference images. The image comes back in the reply, so it is kept in the project before the job moves on.',
  }),
];
