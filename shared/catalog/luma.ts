// Luma Dream Machine API (docs/providers.md, Luma). Luma publishes no price in its SDK or spec;
// the figures are partner price tables, priced per resolution.
import { ASPECT_RATIOS } from '../domain/types';
import { defineModel, type ModelInput } from './define';
import type { ModelSpec, ProviderSpec } from './types';

export const LUMA: ProviderSpec = {
  id: 'luma',
  name: 'Luma',
  keyEnv: ['LUMAAI_API_KEY'],
  defaultBaseUrl: 'https://api.lumalabs.ai/dream-machine/v1',
};

const FAL_FLASH = 'https://fal.ai/models/fal-ai/luma-dream-machine/ray-2-flash/llms.txt';

const base = {
  provider: 'luma',
  output: 'video',
  endpoints: ['text-to-video', 'image-to-video'],
  durations: [5, 9],
  ratios: [...ASPECT_RATIOS],
  textRatios: [...ASPECT_RATIOS],
  wireRatios: {},
  defaultResolution: '720p',
  fps: 24,
  maxRefs: 0,
  refsVia: null,
  refsWithKeyframes: true,
  // frame1 alone is allowed: Luma animates backwards into it.
  keyframes: { first: true, last: true, lastNeedsFirst: false },
  input: { text: true, image: true },
  requiresImage: false,
  keyframesByUrl: true,
  refsNeed: null,
  audio: false,
  negativePrompt: false,
  // No negative field, and naming the unwanted thing in the prompt tends to summon it.
  negativeFallback: 'drop',
  promptForm: 'prose',
  // Not documented; a guard so a runaway prompt fails here rather than at the API.
  promptMaxChars: 5000,
  concurrency: 2,
  minPollS: 5,
} satisfies Partial<ModelInput>;

const WIRE_NOTE = 'Duration goes on the wire as "5s"/"9s"; keyframes are URLs only (no base64).';

export const LUMA_MODELS: ModelSpec[] = [
  defineModel({
    ...base,
    model: 'ray-2',
    name: 'Luma Ray 2',
    // Comfy's table: 5 s clips at 540p $0.40, 720p $0.71, 1080p $1.59, 4k $6.37; 9 s = ×1.8.
    tiers: [
      { resolution: '540p', usd: 0.4 / 5 },
      { resolution: '720p', usd: 0.71 / 5 },
      { resolution: '1080p', usd: 1.59 / 5 },
      { resolution: '4k', usd: 6.37 / 5 },
    ],
    sources: [
      {
        label: 'Comfy partner price table, 5 s at 720p',
        value: 0.71,
        unit: 'usd/clip',
        ref: 'https://github.com/Comfy-Org/docs/pull/514 (partner node prices)',
        asOf: '2025',
      },
      {
        label: 'Secondary source, resolution not stated (matches 540p)',
        value: 0.08,
        unit: 'usd/s',
        ref: 'resale price lists (no first-party page)',
        asOf: '2026',
      },
    ],
    notes: `Which plans allow 1080p/4k is uncertain. ${WIRE_NOTE}`,
  }),
  defineModel({
    ...base,
    model: 'ray-flash-2',
    name: 'Luma Ray 2 Flash',
    // fal: $0.20 per 5 s at 540p; 720p costs 2×, 1080p 4×.
    tiers: [
      { resolution: '540p', usd: 0.2 / 5 },
      { resolution: '720p', usd: (0.2 / 5) * 2 },
      { resolution: '1080p', usd: (0.2 / 5) * 4 },
    ],
    sources: [
      { label: 'fal.ai, 5 s at 540p (720p 2×, 1080p 4×)', value: 0.2, unit: 'usd/clip', ref: FAL_FLASH, asOf: '2026' },
      { label: 'llm-stats.com, 720p', value: 0.2, unit: 'usd/s', ref: 'https://llm-stats.com/models/ray-flash-2', asOf: '2026' },
    ],
    disputed:
      'fal prices 720p at $0.08/s; llm-stats.com says $0.20/s. The catalog uses fal: Flash is sold as the cheaper Ray 2, and $0.20/s would make it dearer than Ray 2 itself (about $0.14/s at 720p).',
    notes: `Faster, cheaper Ray 2 for drafts. ${WIRE_NOTE}`,
  }),
];
