// How each provider wants a reference or keyframe image: the largest size per ratio, accepted
// formats and byte limits, from each provider's documentation (docs/providers.md, Sources). Data only; app/core/library builds
// the image from it at send time, cropped by the user's focus rectangle and never upscaled.
import type { AspectRatio, ProviderId, ToolId } from '../domain/types';
import { splitTool } from '../domain/types';

/** Providers that take images: every one but the audio-only ElevenLabs. */
export type ImageProvider = Exclude<ProviderId, 'elevenlabs'>;

export interface RefImageRule {
  provider: ImageProvider;
  /** Largest width × height per ratio; the crop is scaled down to fit, never up. */
  maxSize: Record<AspectRatio, { width: number; height: number }>;
  /** Smallest side the provider accepts; a smaller crop is refused at send time. */
  minSide: number;
  formats: readonly ('jpeg' | 'png' | 'webp')[];
  /** Largest encoded payload the request carries for one image. */
  maxBytes: number;
  source: string;
}

const box = (pairs: Record<AspectRatio, [number, number]>) =>
  Object.fromEntries(Object.entries(pairs).map(([r, [width, height]]) => [r, { width, height }])) as RefImageRule['maxSize'];

/** Where the provider documents no size, Shotline caps the long side at 1920 px to keep requests small. */
const CAP_1920 = box({ '16:9': [1920, 1080], '9:16': [1080, 1920], '1:1': [1440, 1440], '4:3': [1920, 1440], '3:4': [1440, 1920], '21:9': [1920, 823] });

export const REF_IMAGE_RULES: Record<ImageProvider, RefImageRule> = {
  runway: {
    provider: 'runway',
    // Gen-4 references: up to 720×720 for 1:1 and 1280×720 for 16:9 (Runway's Gen-4 References guide); the other
    // ratios are gen4_image's 720p ratio values (SDK text_to_image).
    maxSize: box({ '16:9': [1280, 720], '9:16': [720, 1280], '1:1': [720, 720], '4:3': [960, 720], '3:4': [720, 960], '21:9': [1680, 720] }),
    minSide: 1,
    formats: ['jpeg', 'png', 'webp'],
    // Data URIs: 5 MB of encoded text (base64 is 4/3 of the bytes). Read as decimal MB, the
    // stricter reading: the binary one would let through images Runway refuses with a 400.
    maxBytes: Math.floor((5_000_000 * 3) / 4) - 64,
    source: 'https://docs.dev.runwayml.com/assets/inputs (data URIs ≤ 5 MB); Runway Gen-4 References help page (sizes)',
  },
  kling: {
    provider: 'kling',
    maxSize: CAP_1920,
    minSide: 300,
    formats: ['jpeg', 'png'],
    maxBytes: 10 * 1024 * 1024,
    source: 'Kling API docs, image input (≤ 10 MB, sides ≥ 300 px, jpg/png)',
  },
  veo: {
    provider: 'veo',
    maxSize: CAP_1920,
    minSide: 1,
    formats: ['jpeg', 'png'],
    maxBytes: 8 * 1024 * 1024,
    source: 'Gemini API video docs (inline base64 image)',
  },
  luma: {
    provider: 'luma',
    maxSize: CAP_1920,
    minSide: 1,
    formats: ['jpeg', 'png'],
    maxBytes: 10 * 1024 * 1024,
    source: 'Luma OpenAPI spec, ImageReference (URL only)',
  },
  minimax: {
    provider: 'minimax',
    maxSize: CAP_1920,
    minSide: 300,
    formats: ['jpeg', 'png', 'webp'],
    maxBytes: 20 * 1024 * 1024,
    source: 'MiniMax video generation docs (< 20 MB, short side > 300 px; secondary)',
  },
  local: { provider: 'local', maxSize: CAP_1920, minSide: 1, formats: ['jpeg', 'png'], maxBytes: 64 * 1024 * 1024, source: 'local animatic (ffmpeg)' },
};

export function refImageRule(tool: ToolId): RefImageRule | undefined {
  return (REF_IMAGE_RULES as Partial<Record<string, RefImageRule>>)[splitTool(tool).provider];
}
