// The built-in animatic renderer: ffmpeg on this computer, free, and the default tool when no
// provider key is set. It shows the start keyframe, else the first reference, else a title card.
import { ASPECT_RATIOS } from '../domain/types';
import { defineModel, range, type ModelInput } from './define';
import type { ModelSpec, ProviderSpec } from './types';

export const LOCAL: ProviderSpec = { id: 'local', name: 'Local animatic', keyEnv: [], defaultBaseUrl: '' };

/** What both local tools share: free, keyless, any ratio, a title card's short text. */
const base = {
  provider: 'local',
  ratios: [...ASPECT_RATIOS],
  textRatios: [...ASPECT_RATIOS],
  wireRatios: {},
  maxRefs: 3,
  refsVia: null,
  refsWithKeyframes: true,
  input: { text: true, image: true },
  requiresImage: false,
  keyframesByUrl: false,
  refsNeed: null,
  audio: false,
  negativePrompt: false,
  negativeFallback: 'drop',
  promptForm: 'title',
  promptMaxChars: 200,
  concurrency: 2,
  minPollS: 0,
} satisfies Partial<ModelInput>;

export const LOCAL_MODELS: ModelSpec[] = [
  defineModel({
    ...base,
    model: 'animatic',
    name: 'Local animatic',
    output: 'video',
    endpoints: ['text-to-video', 'image-to-video'],
    // Half-second steps: an animatic times the cut, and 12 frames at 24 fps is fine enough.
    durations: range(1, 60, 0.5),
    tiers: [
      { resolution: '720p', usd: 0 },
      { resolution: '1080p', usd: 0 },
    ],
    // The timeline's size, so the Resolve export copies local takes instead of re-encoding them.
    defaultResolution: '1080p',
    fps: 24,
    keyframes: { first: true, last: false, lastNeedsFirst: true },
    sources: [{ label: 'Rendered on this computer with ffmpeg', value: 0, unit: 'usd/s', ref: 'Shotline, no provider', asOf: '2026-12' }],
    notes: 'Free. The camera move is applied to the still; the prompt becomes the title card text.',
  }),
  defineModel({
    ...base,
    model: 'frame',
    name: 'Local frame',
    output: 'image',
    endpoints: ['text-to-image'],
    durations: [],
    tiers: [{ resolution: '1080p', usd: 0 }],
    fps: 0,
    keyframes: { first: false, last: false, lastNeedsFirst: false },
    sources: [{ label: 'Drawn on this computer', value: 0, unit: 'usd/image', ref: 'Shotline, no provider', asOf: '2026-12' }],
    notes: 'Free, works offline: the first reference (else a title card) framed at the shot ratio, so the board can be laid out before any money is spent.',
  }),
];
