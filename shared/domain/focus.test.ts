import { describe, expect, it } from 'vitest';
import { cropBox, defaultFocus, fitFocus, sendSize } from './focus';

describe('focus rectangles', () => {
  it('centres the largest crop of the ratio', () => {
    expect(defaultFocus(4000, 3000, '16:9')).toEqual({ x: 0, y: 0.125, w: 1, h: 0.75 });
    const square = defaultFocus(4000, 3000, '1:1');
    expect(cropBox(square, 4000, 3000)).toEqual({ left: 500, top: 0, width: 3000, height: 3000 });
  });

  it('keeps a moved crop inside the image and at the ratio', () => {
    const r = fitFocus({ x: 0.9, y: 0.9, w: 0.5, h: 0.1 }, 1920, 1080, '1:1');
    const px = cropBox(r, 1920, 1080);
    expect(px.width).toBe(px.height);
    expect(px.left + px.width).toBeLessThanOrEqual(1920);
    expect(px.top + px.height).toBeLessThanOrEqual(1080);
    expect(px.width).toBe(960);
  });

  it('scales down to the provider size and never up', () => {
    expect(sendSize({ width: 3000, height: 3000 }, { width: 720, height: 720 })).toMatchObject({ width: 720, height: 720, short: false });
    expect(sendSize({ width: 400, height: 225 }, { width: 1280, height: 720 })).toMatchObject({ width: 400, height: 225, scale: 1, short: true });
  });
});
