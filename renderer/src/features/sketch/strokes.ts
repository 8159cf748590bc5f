// The sketch's pure parts: pressure from a pointer, smoothing of the points a hand gives, the
// curve segments a stroke is drawn with, and the undo history. No DOM here, so it is unit-tested.

export type SketchTool = 'pen' | 'eraser';

/** A point in canvas pixels, with the pen's pressure (0–1; 1 where the pointer has none). */
export interface Pt {
  x: number;
  y: number;
  p: number;
}

export interface Stroke {
  tool: SketchTool;
  /** Width in canvas pixels at full pressure. */
  size: number;
  points: Pt[];
}

/**
 * A pen or touch that reports pressure gives it; a mouse (which says 0.5 while a button is down)
 * and pointers reporting 0 draw at full width.
 */
export function pressureOf(e: { pressure: number; pointerType: string }): number {
  if (e.pointerType === 'mouse' || !(e.pressure > 0)) return 1;
  return Math.min(1, e.pressure);
}

/** The line width at a pressure: a light touch still leaves a mark (a fifth of the size). */
export function widthAt(size: number, p: number): number {
  return size * (0.2 + 0.8 * Math.min(1, Math.max(0, p)));
}

/**
 * Where the drawn point goes: part way from the last one to the pointer, which takes out a hand's
 * jitter (`lag` 0 follows exactly). Points closer than half a pixel are dropped (null).
 */
export function smoothPoint(last: Pt | undefined, raw: Pt, lag = 0.35): Pt | null {
  if (!last) return raw;
  const x = last.x + (raw.x - last.x) * (1 - lag);
  const y = last.y + (raw.y - last.y) * (1 - lag);
  if (Math.hypot(x - last.x, y - last.y) < 0.5) return null;
  return { x, y, p: last.p + (raw.p - last.p) * (1 - lag) };
}

export interface Segment {
  from: { x: number; y: number };
  /** Quadratic control point; the segment runs between the midpoints around it. */
  ctrl: { x: number; y: number };
  to: { x: number; y: number };
  width: number;
}

const mid = (a: Pt, b: Pt) => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

/**
 * A stroke as quadratic curves through the midpoints of its points, each with its own width, so
 * corners round off and pressure changes along the line. `from` lets a stroke being drawn emit
 * only its new segments. A single point is a dot (a zero-length segment).
 */
export function segments(stroke: Stroke, from = 0): Segment[] {
  const pts = stroke.points;
  if (pts.length === 0) return [];
  if (pts.length === 1) {
    const p = pts[0]!;
    return from > 0 ? [] : [{ from: p, ctrl: p, to: p, width: widthAt(stroke.size, p.p) }];
  }
  const out: Segment[] = [];
  for (let i = Math.max(1, from); i < pts.length; i++) {
    const a = pts[i - 1]!;
    const b = pts[i]!;
    const start = i === 1 ? a : mid(pts[i - 2]!, a);
    const end = i === pts.length - 1 ? b : mid(a, b);
    out.push({ from: start, ctrl: a, to: end, width: widthAt(stroke.size, (a.p + b.p) / 2) });
  }
  return out;
}

/** What is on the canvas, and what undo and redo bring back. */
export interface SketchHistory {
  strokes: Stroke[];
  past: Stroke[][];
  future: Stroke[][];
}

/** Undo steps kept; older ones are dropped. */
export const UNDO_LIMIT = 200;

export const EMPTY_SKETCH: SketchHistory = { strokes: [], past: [], future: [] };

function commit(h: SketchHistory, strokes: Stroke[]): SketchHistory {
  return { strokes, past: [...h.past, h.strokes].slice(-UNDO_LIMIT), future: [] };
}

export function addStroke(h: SketchHistory, stroke: Stroke): SketchHistory {
  return stroke.points.length ? commit(h, [...h.strokes, stroke]) : h;
}

/** Clearing is one step of its own, so undo brings the drawing back. */
export function clearSketch(h: SketchHistory): SketchHistory {
  return h.strokes.length ? commit(h, []) : h;
}

export function undo(h: SketchHistory): SketchHistory {
  const prev = h.past[h.past.length - 1];
  if (!prev) return h;
  return { strokes: prev, past: h.past.slice(0, -1), future: [h.strokes, ...h.future] };
}

export function redo(h: SketchHistory): SketchHistory {
  const next = h.future[0];
  if (!next) return h;
  return { strokes: next, past: [...h.past, h.strokes], future: h.future.slice(1) };
}

/** Canvas pixels for a picture of `ratio` (width / height) with `long` pixels on its long side. */
export function canvasSize(ratio: number, long = 1600): { width: number; height: number } {
  return ratio >= 1 ? { width: long, height: Math.round(long / ratio) } : { width: Math.round(long * ratio), height: long };
}
