// Kling API (AK/SK v1, docs/providers.md, Kling). Kling's std/pro modes are its 720p/1080p renders, so
// they are resolution tiers of one `kling:<model_name>` tool rather than separate tools.
import { ASPECT_RATIOS } from '../domain/types';
import { defineModel, type ModelInput, type TierInput } from './define';
import type { ModelSpec, PriceSource, ProviderSpec } from './types';

export const KLING: ProviderSpec = {
  id: 'kling',
  name: 'Kling',
  keyEnv: ['KLING_ACCESS_KEY', 'KLING_SECRET_KEY'],
  defaultBaseUrl: 'https://api-singapore.klingai.com',
};

/** Prepaid unit price (secondary and uncertain); the job's `final_unit_deduction` is the truth. */
export const UNIT_USD = 0.14;
const perSecond = (unitsPer5s: number) => (unitsPer5s * UNIT_USD) / 5;
const GRID_REF = 'https://github.com/inference-sh/grid (api/klingai/pricing.md; secondary, Kling publishes unit tables only to account holders)';

/** std renders 720p and takes no end frame; pro renders 1080p and does (Kling's capability map). */
function modes(stdUnits: number, proUnits: number): TierInput[] {
  return [
    { resolution: '720p', mode: 'std', usd: perSecond(stdUnits), lastFrame: false },
    { resolution: '1080p', mode: 'pro', usd: perSecond(proUnits), lastFrame: true },
  ];
}

function gridSources(row: string, stdUnits: number | null, proUnits: number): PriceSource[] {
  const sources: PriceSource[] = [];
  if (stdUnits !== null) {
    sources.push({ label: `${row} std, ${stdUnits} units per 5 s`, value: perSecond(stdUnits), unit: 'usd/s', ref: GRID_REF, asOf: '2026-06' });
  }
  sources.push({
    label: `${row} ${stdUnits === null ? '' : 'pro, '}${proUnits} units per 5 s`,
    value: perSecond(proUnits),
    unit: 'usd/s',
    ref: GRID_REF,
    asOf: '2026-06',
  });
  return sources;
}

const base = {
  provider: 'kling',
  output: 'video',
  durations: [5, 10],
  // Image-to-video has no aspect_ratio: the output follows the start image, which the app crops
  // to the shot's ratio (all six lie inside Kling's 1:2.5–2.5:1).
  ratios: [...ASPECT_RATIOS],
  textRatios: ['16:9', '9:16', '1:1'],
  wireRatios: {},
  defaultResolution: '720p',
  fps: 24,
  maxRefs: 0,
  refsVia: null,
  refsWithKeyframes: true,
  keyframes: { first: true, last: true, lastNeedsFirst: true },
  input: { text: true, image: true },
  requiresImage: false,
  keyframesByUrl: false,
  refsNeed: null,
  audio: false,
  negativePrompt: true,
  negativeFallback: 'drop',
  promptForm: 'prose',
  promptMaxChars: 2500,
  // Slots are per account and shared by every key; overflow is a 429 (code 1303), not a queue.
  concurrency: 2,
  minPollS: 5,
} satisfies Partial<ModelInput>;

const WIRE_NOTE = 'duration goes on the wire as the string "5" or "10"';

export const KLING_MODELS: ModelSpec[] = [
  defineModel({
    ...base,
    model: 'kling-v2-1-master',
    name: 'Kling 2.1 Master',
    endpoints: ['text-to-video', 'image-to-video'],
    tiers: [{ resolution: '1080p', usd: perSecond(10) }],
    defaultResolution: '1080p',
    keyframes: { first: true, last: false, lastNeedsFirst: true },
    sources: gridSources('V2.1 Master', null, 10),
    notes: `No mode (master models render 1080p only) and no end frame; no cfg_scale on v2.x; ${WIRE_NOTE}.`,
  }),
  defineModel({
    ...base,
    model: 'kling-v2-5-turbo',
    name: 'Kling 2.5 Turbo',
    endpoints: ['text-to-video', 'image-to-video'],
    tiers: modes(1.5, 2.5),
    sources: gridSources('V2.5 Turbo', 1.5, 2.5),
    notes: `720p = std mode, 1080p = pro mode; an end keyframe needs pro. The cheapest sensible Kling default. ${WIRE_NOTE}.`,
  }),
  defineModel({
    ...base,
    model: 'kling-v2-6',
    name: 'Kling 2.6',
    endpoints: ['text-to-video', 'image-to-video'],
    tiers: modes(1.5, 2.5),
    // Silent unless the shot asks for sound (`sound: "on"`), so QC expects sound only then.
    audio: false,
    soundOption: {
      priceFactor: 2,
      resolutions: ['1080p'],
      withEndFrame: false,
      source: {
        label: 'Kling 2.6 with sound: pro only, twice the silent rate, no end frame (sound is "on"/"off", v2.6+ pro only)',
        value: 2 * perSecond(2.5),
        unit: 'usd/s',
        // Kling publishes no 2.6 table outside an account; a reseller with fixed prices shows the doubling.
        ref: 'https://docs.krea.ai/api-reference/video/kling-26 (Krea API, fixed prices: $0.0735/s without audio, $0.147/s with, twice); the `sound` field: docs/providers.md, Kling text2video (KL-en 03)',
        asOf: '2026-12',
      },
    },
    sources: [
      ...gridSources('V2.5 Turbo (same tier; no 2.6 row published)', 1.5, 2.5),
      {
        label: 'muvi.video resale, 2.6 pro without sound',
        value: 0.07,
        unit: 'usd/s',
        ref: 'https://developer.muvi.video/docs/models/video/kling/kling-2-6-pro-text-to-video',
        asOf: '2026',
      },
      {
        label: 'Krea API resale, 2.6 without audio',
        value: 0.0735,
        unit: 'usd/s',
        ref: 'https://docs.krea.ai/api-reference/video/kling-26',
        asOf: '2026-12',
      },
    ],
    disputed:
      'Kling shows 2.6 unit prices only inside an account; the catalog uses the 2.5 Turbo rows (std 1.5, pro 2.5 units per 5 s, $0.075/s at pro), which two resale pages confirm within a cent ($0.07/s and $0.0735/s, silent; the second sells sound at twice that).',
    notes: `Silent unless the shot asks for sound ("sound": "on"): pro (1080p) only, twice the price, not with an end frame. 720p = std, 1080p = pro. ${WIRE_NOTE}.`,
  }),
  defineModel({
    ...base,
    model: 'kling-v2-1',
    name: 'Kling 2.1',
    endpoints: ['image-to-video'],
    textRatios: [],
    tiers: modes(2, 3.5),
    requiresImage: true,
    sources: gridSources('V2.1', 2, 3.5),
    notes: `Image-to-video only (not offered for text2video): needs a start keyframe. End keyframe in pro (1080p) only. ${WIRE_NOTE}.`,
  }),
  defineModel({
    ...base,
    model: 'kling-v1-6',
    name: 'Kling 1.6',
    endpoints: ['text-to-video', 'image-to-video', 'references-to-video'],
    tiers: modes(2, 3.5),
    maxRefs: 4,
    // multi-image2video takes image_list but no image/image_tail.
    refsWithKeyframes: false,
    sources: gridSources('V1.6 multi-image', 2, 3.5),
    notes: `The only Kling model with multi-image references (up to 4 pre-cropped subject images; the prompt is required there). End keyframe in pro (1080p) only. ${WIRE_NOTE}.`,
  }),
];
