import { describe, expect, it } from 'vitest';
import { clampTrimIn, dragTrimIn, keyTrimIn, maxTrimIn, trimWindow } from './trim';

// A 5 s take (120 frames) in a 3.5 s slot (84 frames): the in point runs 0–36.
describe('trim window', () => {
  it('bounds the in point so the slot stays filled', () => {
    expect(maxTrimIn(120, 84)).toBe(36);
    expect(maxTrimIn(60, 84)).toBe(0);
    expect(clampTrimIn(-3, 120, 84)).toBe(0);
    expect(clampTrimIn(50, 120, 84)).toBe(36);
    expect(clampTrimIn(12.4, 120, 84)).toBe(12);
  });
  it('places the window over the take', () => {
    expect(trimWindow(0, 120, 84, 240)).toEqual({ left: 0, width: 168 });
    expect(trimWindow(36, 120, 84, 240)).toEqual({ left: 72, width: 168 });
    expect(trimWindow(0, 60, 84, 240)).toEqual({ left: 0, width: 240 });
  });
  it('drags by pixels, clamped', () => {
    expect(dragTrimIn(0, 20, 120, 84, 240)).toBe(10);
    expect(dragTrimIn(10, -40, 120, 84, 240)).toBe(0);
    expect(dragTrimIn(10, 400, 120, 84, 240)).toBe(36);
  });
  it('steps by frame or second from the keyboard', () => {
    expect(keyTrimIn('ArrowRight', false, 10, 120, 84)).toBe(11);
    expect(keyTrimIn('ArrowLeft', true, 30, 120, 84)).toBe(6);
    expect(keyTrimIn('End', false, 0, 120, 84)).toBe(36);
    expect(keyTrimIn('Home', false, 20, 120, 84)).toBe(0);
    expect(keyTrimIn('a', false, 20, 120, 84)).toBeNull();
  });
});
