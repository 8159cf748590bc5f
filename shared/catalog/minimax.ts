// MiniMax Hailuo video (docs/providers.md, MiniMax). Errors come back as HTTP 200 with a non-zero
// base_resp.status_code; no seed, no cancel.
import { ASPECT_RATIOS } from '../domain/types';
import { defineModel } from './define';
import type { ModelSpec, ProviderSpec } from './types';

export const MINIMAX: ProviderSpec = {
  id: 'minimax',
  name: 'MiniMax Hailuo',
  keyEnv: ['MINIMAX_API_KEY'],
  defaultBaseUrl: 'https://api.minimax.io',
};

const FAL_REF = 'https://fal.ai/models/fal-ai/minimax/hailuo-02/standard/text-to-video/llms.txt (resale; MiniMax publishes no per-second API price)';

export const MINIMAX_MODELS: ModelSpec[] = [
  defineModel({
    provider: 'minimax',
    model: 'MiniMax-Hailuo-02',
    name: 'MiniMax Hailuo 02',
    output: 'video',
    endpoints: ['text-to-video', 'image-to-video'],
    durations: [6, 10],
    // The video follows the first frame (2:5–5:2); from text alone it is landscape.
    ratios: [...ASPECT_RATIOS],
    textRatios: ['16:9'],
    wireRatios: {},
    tiers: [
      { resolution: '768p', usd: 0.045 },
      { resolution: '1080p', usd: 0.08, durations: [6] },
    ],
    fps: 25,
    maxRefs: 0,
    refsVia: null,
    refsWithKeyframes: true,
    keyframes: { first: true, last: true, lastNeedsFirst: true },
    input: { text: true, image: true },
    requiresImage: false,
    keyframesByUrl: false,
    refsNeed: null,
    audio: false,
    negativePrompt: false,
    // prompt_optimizer (on by default) rewrites the prompt with a language model, which reads
    // "Avoid: …" as an instruction rather than as words to draw.
    negativeFallback: 'fold',
    promptForm: 'bracketCamera',
    promptMaxChars: 2000,
    concurrency: 2,
    // The official CLI polls every 5 s (its MCP server every 20 s).
    minPollS: 5,
    sources: [
      { label: 'fal, 768p', value: 0.045, unit: 'usd/s', ref: FAL_REF, asOf: '2026' },
      { label: 'fal, 1080p', value: 0.08, unit: 'usd/s', ref: FAL_REF, asOf: '2026' },
    ],
    notes:
      'Resolution goes on the wire in capitals ("768P", "1080P"); 1080p is 6 s only; 512P (image-to-video only) is secondary-sourced and left out. Camera moves as [Push in]-style commands, up to three. First + last frame supported; last needs first.',
  }),
];
