import { describe, expect, it } from 'vitest';
import { MIN_SIZE, parseWindowState, placeWindow, type Rect } from './window-state';

const laptop: Rect = { x: 0, y: 0, width: 1920, height: 1050 };
const rightMonitor: Rect = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('parseWindowState', () => {
  it('accepts a well-formed state', () => {
    const s = { x: 10, y: -20, width: 1200, height: 800, maximized: true };
    expect(parseWindowState(s)).toEqual(s);
  });

  it('rejects damaged or hand-edited files', () => {
    for (const raw of [
      null,
      'x',
      [],
      { x: 0, y: 0, width: 100, height: 100 },
      { x: 0, y: 0, width: '100', height: 100, maximized: false },
      { x: 0.5, y: 0, width: 100, height: 100, maximized: false },
      { x: 0, y: 0, width: 0, height: 100, maximized: false },
      { x: 0, y: 0, width: 100, height: -1, maximized: false },
      { x: Number.NaN, y: 0, width: 100, height: 100, maximized: false },
      { x: 0, y: 0, width: 1e300, height: 100, maximized: false },
    ]) {
      expect(parseWindowState(raw), JSON.stringify(raw)).toBeNull();
    }
  });
});

describe('placeWindow', () => {
  it('centres a default-sized window on the primary display the first time', () => {
    expect(placeWindow(null, [laptop], laptop)).toEqual({ x: 240, y: 75, width: 1440, height: 900, maximized: false });
  });

  it('keeps a saved window that is fully visible', () => {
    const saved = { x: 2000, y: 100, width: 1600, height: 1000, maximized: false };
    expect(placeWindow(saved, [laptop, rightMonitor], laptop)).toEqual(saved);
  });

  it('moves a window that hangs off a display back onto it', () => {
    const saved = { x: 1500, y: -50, width: 1000, height: 700, maximized: false };
    expect(placeWindow(saved, [laptop], laptop)).toEqual({ x: 920, y: 0, width: 1000, height: 700, maximized: false });
  });

  it('picks the display the window overlaps most', () => {
    const saved = { x: 1800, y: 200, width: 1200, height: 800, maximized: false };
    expect(placeWindow(saved, [laptop, rightMonitor], laptop)).toMatchObject({ x: 1920, y: 200 });
  });

  it('recentres on the primary display when the saved monitor is gone, keeping maximized', () => {
    const saved = { x: 2400, y: 100, width: 1600, height: 1000, maximized: true };
    expect(placeWindow(saved, [laptop], laptop)).toEqual({ x: 240, y: 75, width: 1440, height: 900, maximized: true });
  });

  it('shrinks a window bigger than its display', () => {
    const saved = { x: 0, y: 0, width: 5000, height: 3000, maximized: false };
    expect(placeWindow(saved, [laptop], laptop)).toEqual({ ...laptop, maximized: false });
  });

  it('grows a window below the minimum size', () => {
    const saved = { x: 100, y: 100, width: 200, height: 100, maximized: false };
    expect(placeWindow(saved, [laptop], laptop)).toMatchObject({ width: MIN_SIZE.width, height: MIN_SIZE.height });
  });

  it('fits a display smaller than the minimum size', () => {
    const tiny: Rect = { x: 0, y: 0, width: 800, height: 560 };
    expect(placeWindow(null, [tiny], tiny)).toEqual({ ...tiny, maximized: false });
  });

  it('works with displays at negative coordinates', () => {
    const left: Rect = { x: -1920, y: -200, width: 1920, height: 1080 };
    const saved = { x: -1800, y: -150, width: 1200, height: 800, maximized: false };
    expect(placeWindow(saved, [laptop, left], laptop)).toEqual(saved);
  });
});
