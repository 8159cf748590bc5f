import { describe, expect, it } from 'vitest';
import { addStroke, canvasSize, clearSketch, EMPTY_SKETCH, pressureOf, redo, segments, smoothPoint, undo, UNDO_LIMIT, widthAt, type Stroke } from './strokes';

const stroke = (n: number, tool: Stroke['tool'] = 'pen'): Stroke => ({
  tool,
  size: 10,
  points: Array.from({ length: n }, (_, i) => ({ x: i * 10, y: 0, p: 1 })),
});

describe('pressure', () => {
  it('takes a pen’s pressure, and full width from a mouse or a pointer that reports none', () => {
    expect(pressureOf({ pointerType: 'pen', pressure: 0.3 })).toBe(0.3);
    expect(pressureOf({ pointerType: 'touch', pressure: 1.4 })).toBe(1);
    expect(pressureOf({ pointerType: 'mouse', pressure: 0.5 })).toBe(1);
    expect(pressureOf({ pointerType: 'pen', pressure: 0 })).toBe(1);
  });

  it('keeps a light touch visible and full pressure at the size', () => {
    expect(widthAt(10, 1)).toBe(10);
    expect(widthAt(10, 0)).toBe(2);
    expect(widthAt(10, 0.5)).toBeCloseTo(6);
  });
});

describe('smoothing', () => {
  it('starts where the pointer is, then follows part of the way', () => {
    const first = smoothPoint(undefined, { x: 5, y: 5, p: 1 })!;
    expect(first).toEqual({ x: 5, y: 5, p: 1 });
    const next = smoothPoint(first, { x: 15, y: 5, p: 0.5 }, 0.5)!;
    expect(next).toEqual({ x: 10, y: 5, p: 0.75 });
    expect(smoothPoint(first, { x: 25, y: 5, p: 1 }, 0)).toEqual({ x: 25, y: 5, p: 1 });
  });

  it('drops points that would not move the line', () => {
    expect(smoothPoint({ x: 5, y: 5, p: 1 }, { x: 5.4, y: 5, p: 1 }, 0)).toBeNull();
  });
});

describe('segments', () => {
  it('draws a dot for one point and curves through midpoints for more', () => {
    expect(segments(stroke(1))).toEqual([{ from: { x: 0, y: 0, p: 1 }, ctrl: { x: 0, y: 0, p: 1 }, to: { x: 0, y: 0, p: 1 }, width: 10 }]);
    const segs = segments(stroke(4));
    expect(segs).toHaveLength(3);
    expect(segs[0]!.from).toMatchObject({ x: 0, y: 0 });
    expect(segs[0]!.to).toEqual({ x: 5, y: 0 });
    expect(segs[1]).toMatchObject({ from: { x: 5, y: 0 }, ctrl: { x: 10, y: 0 }, to: { x: 15, y: 0 } });
    expect(segs[2]!.to).toMatchObject({ x: 30, y: 0 });
  });

  it('gives only the new segments when asked from a point on', () => {
    const all = segments(stroke(5));
    expect(segments(stroke(5), 3)).toEqual(all.slice(2));
    expect(segments(stroke(1), 1)).toEqual([]);
  });
});

describe('history', () => {
  it('undoes and redoes strokes and a clear', () => {
    let h = addStroke(EMPTY_SKETCH, stroke(2));
    h = addStroke(h, stroke(3, 'eraser'));
    expect(h.strokes).toHaveLength(2);
    h = clearSketch(h);
    expect(h.strokes).toHaveLength(0);
    h = undo(h);
    expect(h.strokes).toHaveLength(2);
    h = undo(h);
    expect(h.strokes.map((s) => s.tool)).toEqual(['pen']);
    h = redo(h);
    expect(h.strokes).toHaveLength(2);
    // A new stroke drops what could be redone.
    h = addStroke(h, stroke(2));
    expect(redo(h)).toBe(h);
  });

  it('ignores empty strokes, clearing nothing, and undo past the start', () => {
    expect(addStroke(EMPTY_SKETCH, stroke(0))).toBe(EMPTY_SKETCH);
    expect(clearSketch(EMPTY_SKETCH)).toBe(EMPTY_SKETCH);
    expect(undo(EMPTY_SKETCH)).toBe(EMPTY_SKETCH);
  });

  it('keeps a bounded number of undo steps', () => {
    let h = EMPTY_SKETCH;
    for (let i = 0; i < UNDO_LIMIT + 20; i++) h = addStroke(h, stroke(1));
    expect(h.past).toHaveLength(UNDO_LIMIT);
  });
});

describe('canvas size', () => {
  it('puts the long side on width for wide pictures and on height for tall ones', () => {
    expect(canvasSize(16 / 9)).toEqual({ width: 1600, height: 900 });
    expect(canvasSize(9 / 16)).toEqual({ width: 900, height: 1600 });
    expect(canvasSize(1)).toEqual({ width: 1600, height: 1600 });
  });
});
