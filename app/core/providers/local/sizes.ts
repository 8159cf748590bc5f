import type { AspectRatio } from '../../../../shared/domain/types';

/**
 * Frame sizes the animatic renders at: Runway's Gen-4 pixel sizes at 720p (so a draft cuts
 * against the takes that replace it), every side even for yuv420p, and the 1080p equivalents.
 */
const SIZES: Record<'720p' | '1080p', Record<AspectRatio, [number, number]>> = {
  '720p': { '16:9': [1280, 720], '9:16': [720, 1280], '1:1': [960, 960], '4:3': [1104, 832], '3:4': [832, 1104], '21:9': [1680, 720] },
  '1080p': { '16:9': [1920, 1080], '9:16': [1080, 1920], '1:1': [1440, 1440], '4:3': [1440, 1080], '3:4': [1080, 1440], '21:9': [2520, 1080] },
};

export function animaticSize(ratio: AspectRatio, resolution: string): { width: number; height: number } {
  const table = resolution === '1080p' ? SIZES['1080p'] : SIZES['720p'];
  const [width, height] = table[ratio] ?? table['16:9'];
  return { width, height };
}

export const ANIMATIC_FPS = 24;

/** Whole frames at 24 fps: the clip is exactly this long, so the cut times out right. */
export function frameCount(durationS: number): number {
  return Math.max(1, Math.round(durationS * ANIMATIC_FPS));
}

/** A storyboard frame is drawn at the delivery size of a 1080p clip of the same ratio (1920×1080 at 16:9). */
export function frameSize(ratio: AspectRatio): { width: number; height: number } {
  return animaticSize(ratio, '1080p');
}
