import type { AspectRatio, ProviderId, ToolId } from '../domain/types';

/** Where a price came from, so the UI can show it and flag disagreements. */
export interface PriceSource {
  label: string;
  /** credits/s (Runway) or USD/s, as that source states it */
  value: number;
  unit: 'credits/s' | 'usd/s' | 'credits/image' | 'usd/image' | 'usd/clip';
  ref: string;
}

export interface ModelPrice {
  /** Runway-style credits per second of output (1 credit = $0.01); null where not credit-priced. */
  creditsPerSecond: number | null;
  /** Dollars per second of output video (for image models: per image, see `perImage`). */
  usdPerSecond: number;
  /** True for image models priced per generated image rather than per second. */
  perImage: boolean;
  sources: PriceSource[];
  /** Set where sources disagree; explains which figure the catalog uses and why. */
  disputed: string | null;
}

export interface ModelSpec {
  tool: ToolId;
  provider: ProviderId;
  /** Model id exactly as the provider's API names it. */
  model: string;
  name: string;
  /** What the model makes. Image models (gen4_image) make start frames, not shots. */
  output: 'video' | 'image';
  /** Accepted durations in seconds, ascending. Empty for image models. */
  durations: number[];
  ratios: AspectRatio[];
  resolutions: string[];
  fps: number;
  /** Reference images (characters, locations…) the model takes; 0 = none. */
  maxRefs: number;
  keyframes: { first: boolean; last: boolean };
  input: { text: boolean; image: boolean };
  /** The API refuses a request without a start image (gen4_turbo image-to-video). */
  requiresImage: boolean;
  audio: boolean;
  negativePrompt: boolean;
  /** Prompt limit in characters (Runway counts UTF-16 code units). */
  promptMaxChars: number;
  price: ModelPrice;
  /** Jobs this app runs at once against this model. */
  concurrency: number;
  /** Minimum seconds between polls the provider documents. */
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
