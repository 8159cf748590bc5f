// The drawing surface: pointer events become smoothed strokes (pressure where the pointer gives
// it), drawn as they come; the whole history is redrawn only when it changes (undo, clear).
import { useEffect, useRef, type PointerEvent } from 'react';
import { pressureOf, segments, smoothPoint, type Pt, type SketchTool, type Stroke } from './strokes';

export const PAPER = '#ffffff';
const INK = '#1b1c1f';

function draw(ctx: CanvasRenderingContext2D, stroke: Stroke, from = 0) {
  ctx.strokeStyle = stroke.tool === 'eraser' ? PAPER : INK;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const s of segments(stroke, from)) {
    ctx.lineWidth = s.width;
    ctx.beginPath();
    ctx.moveTo(s.from.x, s.from.y);
    if (s.from === s.to) ctx.lineTo(s.to.x + 0.01, s.to.y);
    else ctx.quadraticCurveTo(s.ctrl.x, s.ctrl.y, s.to.x, s.to.y);
    ctx.stroke();
  }
}

export function paint(canvas: HTMLCanvasElement, strokes: readonly Stroke[]) {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.fillStyle = PAPER;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  for (const s of strokes) draw(ctx, s);
}

interface Props {
  width: number;
  height: number;
  strokes: readonly Stroke[];
  tool: SketchTool;
  size: number;
  label: string;
  onStroke: (stroke: Stroke) => void;
  canvasRef: React.RefObject<HTMLCanvasElement | null>;
}

export function SketchCanvas({ width, height, strokes, tool, size, label, onStroke, canvasRef }: Props) {
  const live = useRef<Stroke | null>(null);

  useEffect(() => {
    if (canvasRef.current) paint(canvasRef.current, strokes);
  }, [strokes, width, height, canvasRef]);

  const toCanvas = (e: { clientX: number; clientY: number; pressure: number; pointerType: string }): Pt => {
    const rect = canvasRef.current!.getBoundingClientRect();
    return { x: ((e.clientX - rect.left) * width) / rect.width, y: ((e.clientY - rect.top) * height) / rect.height, p: pressureOf(e) };
  };

  const onDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    live.current = { tool, size, points: [toCanvas(e)] };
    const ctx = e.currentTarget.getContext('2d');
    if (ctx) draw(ctx, live.current);
  };

  const onMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const stroke = live.current;
    if (!stroke) return;
    const before = stroke.points.length;
    // Coalesced events carry the points between frames: a fast line stays a line, not a polygon.
    const events = e.nativeEvent.getCoalescedEvents?.() ?? [];
    for (const ev of events.length ? events : [e.nativeEvent]) {
      const next = smoothPoint(stroke.points[stroke.points.length - 1], toCanvas(ev));
      if (next) stroke.points.push(next);
    }
    const ctx = e.currentTarget.getContext('2d');
    if (ctx && stroke.points.length > before) draw(ctx, stroke, before);
  };

  const onUp = () => {
    const stroke = live.current;
    live.current = null;
    if (stroke) onStroke(stroke);
  };

  return (
    <canvas
      ref={canvasRef}
      className={`sketch-canvas is-${tool}`}
      width={width}
      height={height}
      role="img"
      aria-label={label}
      data-testid="sketch-canvas"
      onPointerDown={onDown}
      onPointerMove={onMove}
      onPointerUp={onUp}
      onPointerCancel={onUp}
    />
  );
}
