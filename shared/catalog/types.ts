import type { AspectRatio, ProviderId, ToolId } from '../domain/types';

/** Where a price came from, so the UI can show it and flag disagreements. */
export interface PriceSource {
  label: string;
  /** credits/s (Runway) or USD/s, as that source states it */
  value: number;
  unit: 'credits/s' | 'usd/s' | 'credits/image' | 'usd/image' | 'usd/clip';
  /** Where to check it: a public URL, or the publication where there is none. */
  ref: string;
  /** When the source stated or was checked to state this figure (YYYY-MM-DD or YYYY-MM). */
  asOf: string;
}

export interface ModelPrice {
  /**
   * Runway-style credits per second of output (1 credit = $0.01); null where not credit-priced.
   * At the model's default resolution; for image models, credits per image.
   */
  creditsPerSecond: number | null;
  /** Dollars per second of output video at the default resolution (image models: per image). */
  usdPerSecond: number;
  /** True for image models priced per generated image rather than per second. */
  perImage: boolean;
  sources: PriceSource[];
  /** Set where sources disagree; explains which figure the catalog uses and why. */
  disputed: string | null;
}

/** The provider requests a model can be driven through. */
export type Endpoint = 'text-to-video' | 'image-to-video' | 'references-to-video' | 'text-to-image';

/**
 * What changes with the output resolution. Kling calls its resolutions modes (std = 720p,
 * pro = 1080p) and only pro takes an end frame; Hailuo's 1080p allows 6 s only; Runway's wire
 * ratios name pixels. Keying these on the shot's resolution keeps tool ids `provider:model`.
 */
export interface ResolutionTier {
  resolution: string;
  /** Kling's `mode` for this resolution; null where the API has no mode. */
  mode: 'std' | 'pro' | null;
  creditsPerSecond: number | null;
  usdPerSecond: number;
  /** Narrower durations at this resolution; null = the model's. */
  durations: number[] | null;
  /** End-keyframe support at this resolution; null = the model's `keyframes.last`. */
  lastFrame: boolean | null;
  /** Wire ratio values at this resolution where they differ from the model's. */
  wireRatios: Partial<Record<AspectRatio, string>> | null;
}

export interface ModelSpec {
  tool: ToolId;
  provider: ProviderId;
  /** Model id exactly as the provider's API names it. */
  model: string;
  name: string;
  /** What the model makes. Image models (gen4_image) make start frames, not shots. */
  output: 'video' | 'image';
  endpoints: Endpoint[];
  /** Accepted durations in seconds, ascending. Empty for image models. */
  durations: number[];
  /** Ratios the model can make when it has a start image (the image is cropped to the shot). */
  ratios: AspectRatio[];
  /** Ratios it makes from text alone, with no start image. */
  textRatios: AspectRatio[];
  /** Ratio values the API expects where they are not our `16:9` form (Runway: pixels). */
  wireRatios: Partial<Record<AspectRatio, string>>;
  /** Our lowercase form ("768p"); adapters spell it as the API does. */
  resolutions: string[];
  defaultResolution: string;
  /** One per resolution, same order as `resolutions`. */
  tiers: ResolutionTier[];
  fps: number;
  /** Reference images (characters, locations…) the model takes; 0 = none. */
  maxRefs: number;
  /** Tool that turns references into a start frame when the shot has none (Runway: gen4_image). */
  refsVia: ToolId | null;
  /** Where reference images narrow the request (Veo 3.1: 8 s and 16:9 only); null = no narrowing. */
  refsNeed: { durations: number[]; ratios: AspectRatio[] } | null;
  /** False where references and keyframes go through different requests, so one set is unused. */
  refsWithKeyframes: boolean;
  keyframes: { first: boolean; last: boolean; lastNeedsFirst: boolean };
  /**
   * Sound the shot can ask for at a higher price (Kling 2.6's `sound: "on"`); absent where the
   * model is always silent or always has sound (`audio`).
   */
  soundOption?: SoundOption;
  input: { text: boolean; image: boolean };
  /**
   * The API refuses a request without a start image (gen4_turbo image-to-video); for an image
   * model, without at least one reference image (gen4_image_turbo).
   */
  requiresImage: boolean;
  /**
   * Keyframes travel only as public https URLs the provider fetches (Luma: `ImageReference.url`,
   * no upload and no base64). Shotline keeps images on this computer, so such keyframes cannot be sent.
   */
  keyframesByUrl: boolean;
  audio: boolean;
  negativePrompt: boolean;
  /** Without a negative field: fold it into the prompt as "Avoid: …", or drop it. */
  negativeFallback: 'fold' | 'drop';
  /** prose: camera in words; bracketCamera: MiniMax `[Push in]` commands; title: a card's text. */
  promptForm: 'prose' | 'bracketCamera' | 'title';
  /** Prompt limit in characters (Runway counts UTF-16 code units). */
  promptMaxChars: number;
  price: ModelPrice;
  /** Jobs this app runs at once against this model. */
  concurrency: number;
  /** Seconds between polls: the provider's documented floor where it gives one, else ours. */
  minPollS: number;
  notes: string;
}

export interface ProviderSpec {
  id: ProviderId;
  name: string;
  /** Environment variable(s) holding the key; empty for the local renderer. */
  keyEnv: string[];
  defaultBaseUrl: string;
}

/** A model's optional sound: where it can be asked for and what it costs. */
export interface SoundOption {
  /** The price with sound, as a multiple of the silent one. */
  priceFactor: number;
  /** The resolutions (tiers) that can make sound. */
  resolutions: string[];
  /** False where sound cannot go with an end keyframe. */
  withEndFrame: boolean;
  /** Where `priceFactor` and the limits come from. */
  source: PriceSource;
}
