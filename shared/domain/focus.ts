// Crops for reference and keyframe images: a focus rectangle per image per ratio, stored in
// fractions of the oriented image so it survives any resize, and the size a provider is sent.
import type { FocusRect } from './library';
import type { AspectRatio } from './types';

export interface PixelBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

export function ratioValue(ratio: AspectRatio): number {
  const [w, h] = ratio.split(':').map(Number);
  return (w ?? 1) / (h ?? 1);
}

/** The largest rectangle of `ratio` centred in a width × height image. */
export function defaultFocus(width: number, height: number, ratio: AspectRatio): FocusRect {
  return fitFocus({ x: 0, y: 0, w: 1, h: 1 }, width, height, ratio);
}

/**
 * Makes `rect` a valid crop of `ratio`: keeps its centre and its width where it can, shrinks
 * it to fit the image, and moves it back inside. Pixels are square, so the ratio is checked in
 * pixels, not fractions.
 */
export function fitFocus(rect: FocusRect, width: number, height: number, ratio: AspectRatio): FocusRect {
  const r = ratioValue(ratio);
  const cx = (rect.x + rect.w / 2) * width;
  const cy = (rect.y + rect.h / 2) * height;
  let w = Math.max(1, Math.min(width, rect.w * width));
  let h = w / r;
  if (h > height) {
    h = height;
    w = h * r;
  }
  if (w > width) {
    w = width;
    h = w / r;
  }
  const left = Math.min(Math.max(0, cx - w / 2), width - w);
  const top = Math.min(Math.max(0, cy - h / 2), height - h);
  return { x: left / width, y: top / height, w: w / width, h: h / height };
}

/** The crop in whole pixels, never outside the image. */
export function cropBox(rect: FocusRect, width: number, height: number): PixelBox {
  const left = Math.max(0, Math.min(width - 1, Math.round(rect.x * width)));
  const top = Math.max(0, Math.min(height - 1, Math.round(rect.y * height)));
  return {
    left,
    top,
    width: Math.max(1, Math.min(width - left, Math.round(rect.w * width))),
    height: Math.max(1, Math.min(height - top, Math.round(rect.h * height))),
  };
}

/**
 * The size to send a crop at: scaled down to fit `max`, never up. `short` is set when the crop
 * is smaller than the provider's size, so the UI can say so instead of upscaling silently.
 */
export function sendSize(crop: { width: number; height: number }, max: { width: number; height: number }) {
  const scale = Math.min(1, max.width / crop.width, max.height / crop.height);
  const width = Math.max(1, Math.round(crop.width * scale));
  const height = Math.max(1, Math.round(crop.height * scale));
  return { width, height, scale, short: width < max.width && height < max.height };
}
