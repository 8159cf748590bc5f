// Runway Developer API models (docs/providers.md, Runway). Durations, ratios and fields are from
// the official SDK's request types (checked by test/contract/runway.test.ts); per-second credit
// prices from Runway's own skills repository.
import type { AspectRatio } from '../domain/types';
import { defineModel, range, type ModelInput } from './define';
import type { ModelSpec, PriceSource, ProviderSpec } from './types';

export const RUNWAY: ProviderSpec = {
  id: 'runway',
  name: 'Runway',
  keyEnv: ['RUNWAYML_API_SECRET'],
  defaultBaseUrl: 'https://api.dev.runwayml.com',
};

/** gen4_turbo / gen4.5 `ratio` values (SDK `image_to_video`). */
const VIDEO_RATIOS: Record<AspectRatio, string> = {
  '16:9': '1280:720',
  '9:16': '720:1280',
  '1:1': '960:960',
  '4:3': '1104:832',
  '3:4': '832:1104',
  '21:9': '1584:672',
};
const VEO_720: Partial<Record<AspectRatio, string>> = { '16:9': '1280:720', '9:16': '720:1280' };
const VEO_1080: Partial<Record<AspectRatio, string>> = { '16:9': '1920:1080', '9:16': '1080:1920' };
const IMAGE_720: Record<AspectRatio, string> = {
  '16:9': '1280:720',
  '9:16': '720:1280',
  '1:1': '720:720',
  '4:3': '960:720',
  '3:4': '720:960',
  '21:9': '1680:720',
};
const IMAGE_1080: Record<AspectRatio, string> = {
  '16:9': '1920:1080',
  '9:16': '1080:1920',
  '1:1': '1080:1080',
  '4:3': '1440:1080',
  '3:4': '1080:1440',
  '21:9': '1808:768',
};

/** Runway's pixel ratio for a Gen-4 video at our ratio: `runwayRatio('16:9') === '1280:720'`. */
export function runwayRatio(ratio: AspectRatio): string {
  return VIDEO_RATIOS[ratio];
}

const ALL_RATIOS = Object.keys(VIDEO_RATIOS) as AspectRatio[];
const VERTICAL_OR_WIDE: AspectRatio[] = ['16:9', '9:16'];
const SKILLS = 'https://github.com/runwayml/skills (rw-api-reference, pricing table; official Runway repository)';
const skills = (value: number, unit: PriceSource['unit'], label = 'Runway skills repo'): PriceSource => ({
  label,
  value,
  unit,
  ref: SKILLS,
  asOf: '2026-04-21',
});
const REVIEW = 'Runway Gen-4/Gen-4.5 reviews (published articles, April 2026; no stable URL)';

const base = {
  provider: 'runway',
  output: 'video',
  fps: 24,
  textRatios: VERTICAL_OR_WIDE,
  maxRefs: 3,
  refsVia: 'runway:gen4_image',
  // gen4_image makes a start frame only when the shot has none: with a start keyframe the
  // references never reach the video.
  refsWithKeyframes: false,
  input: { text: true, image: true },
  requiresImage: false,
  keyframesByUrl: false,
  refsNeed: null,
  audio: false,
  negativePrompt: false,
  // Runway's Gen-4 prompting guide warns that negative phrasing is not understood and can
  // bring in what it names, so folding "Avoid: …" into the text would do harm.
  negativeFallback: 'drop',
  promptForm: 'prose',
  promptMaxChars: 1000,
  // Tier 1 runs 1–2 at once per model; extra tasks wait as THROTTLED rather than fail, and
  // adapters read the live limit from GET /v1/organization ("API Usage Tiers & Limits").
  concurrency: 2,
  minPollS: 5,
} satisfies Partial<ModelInput>;

/** The text-to-image models: stills at any of the six ratios, from tagged references. */
const imageBase = {
  ...base,
  output: 'image',
  endpoints: ['text-to-image'],
  durations: [],
  ratios: ALL_RATIOS,
  textRatios: ALL_RATIOS,
  wireRatios: IMAGE_720,
  fps: 0,
  refsVia: null,
  refsWithKeyframes: true,
  keyframes: { first: false, last: false, lastNeedsFirst: false },
} satisfies Partial<ModelInput>;

export const RUNWAY_MODELS: ModelSpec[] = [
  defineModel({
    ...base,
    model: 'gen4_turbo',
    name: 'Runway Gen-4 Turbo',
    endpoints: ['image-to-video'],
    durations: range(2, 10),
    ratios: ALL_RATIOS,
    // No text_to_video: a frame from gen4_image makes any of the six ratios reachable.
    textRatios: [],
    wireRatios: VIDEO_RATIOS,
    tiers: [{ resolution: '720p', credits: 5 }],
    keyframes: { first: true, last: false, lastNeedsFirst: true },
    requiresImage: true,
    sources: [
      skills(5, 'credits/s'),
      {
        label: 'Review articles',
        value: 5,
        unit: 'credits/s',
        ref: REVIEW,
        asOf: '2026-04',
      },
    ],
    notes:
      'Image-to-video only. Without a start keyframe, gen4_image makes the start frame first (from the tagged references, or the prompt alone). Start frame only: no end keyframe.',
  }),
  defineModel({
    ...base,
    model: 'gen4.5',
    name: 'Runway Gen-4.5',
    endpoints: ['text-to-video', 'image-to-video'],
    durations: range(2, 10),
    ratios: ALL_RATIOS,
    wireRatios: VIDEO_RATIOS,
    tiers: [{ resolution: '720p', credits: 12 }],
    keyframes: { first: true, last: false, lastNeedsFirst: true },
    sources: [
      skills(12, 'credits/s'),
      { label: 'Gen-4.5 review, API access', value: 0.12, unit: 'usd/s', ref: REVIEW, asOf: '2026-04' },
      { label: 'Gen-4.5 review, subscription plans', value: 25, unit: 'credits/s', ref: REVIEW, asOf: '2026-04' },
      { label: 'modelslab.com blog', value: 25, unit: 'credits/s', ref: 'https://modelslab.com/blog (Runway Gen-4.5 pricing)', asOf: '2026' },
    ],
    disputed:
      "Runway's own skills repo gives 12 credits/s; reviews say about 25. The catalog uses 12 because Shotline bills through the developer API: the same review that quotes 25 credits/s for the subscription plans gives $0.12/s for API access, which is 12 credits/s.",
    notes:
      'Text-to-video makes 16:9 or 9:16 only; image-to-video all six ratios. promptText is required (the compiled prompt always has a camera line). Start frame only: no end keyframe.',
  }),
  defineModel({
    ...imageBase,
    model: 'gen4_image',
    name: 'Runway Gen-4 Image',
    tiers: [
      { resolution: '720p', credits: 5 },
      { resolution: '1080p', credits: 8, wireRatios: IMAGE_1080 },
    ],
    sources: [
      skills(5, 'credits/image', 'Runway skills repo, 720p'),
      skills(8, 'credits/image', 'Runway skills repo, 1080p'),
      { label: 'Runway review', value: 5, unit: 'credits/image', ref: REVIEW, asOf: '2026-04' },
    ],
    notes:
      'Makes start frames, not shots: up to three references, each with a tag (3–16 letters, digits or _, starting with a letter) named in the prompt as @tag.',
  }),
  defineModel({
    ...imageBase,
    model: 'gen4_image_turbo',
    name: 'Runway Gen-4 Image Turbo',
    // One price at either size (Runway skills repo: "2 per image").
    tiers: [
      { resolution: '720p', credits: 2 },
      { resolution: '1080p', credits: 2, wireRatios: IMAGE_1080 },
    ],
    // The SDK's text_to_image types make referenceImages required (1–3) for this model.
    requiresImage: true,
    sources: [skills(2, 'credits/image')],
    notes: 'Cheaper, faster storyboard frames, from reference images only: one to three, each with a tag named in the prompt as @tag.',
  }),
  ...(
    [
      ['veo3.1', 'Veo 3.1 via Runway', 20, 40],
      ['veo3.1_fast', 'Veo 3.1 Fast via Runway', 10, 15],
    ] as const
  ).map(([model, name, silent, withAudio]) =>
    defineModel({
      ...base,
      model,
      name,
      endpoints: ['text-to-video', 'image-to-video'],
      durations: [4, 6, 8],
      ratios: VERTICAL_OR_WIDE,
      wireRatios: VEO_720,
      tiers: [
        { resolution: '720p', credits: withAudio },
        { resolution: '1080p', credits: withAudio, wireRatios: VEO_1080 },
      ],
      keyframes: { first: true, last: true, lastNeedsFirst: true },
      audio: true,
      negativePrompt: true,
      sources: [skills(silent, 'credits/s', 'Runway skills repo, without audio'), skills(withAudio, 'credits/s', 'Runway skills repo, with audio')],
      notes: `Priced with audio on (${withAudio} credits/s; ${silent} without), since native sound is why one picks Veo. Takes an end keyframe, but not on its own.`,
    }),
  ),
];
