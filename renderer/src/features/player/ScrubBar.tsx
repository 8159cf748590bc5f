// The scrub bar: the whole cut edge to edge, a tick and (where there is room) a label at each
// shot's first frame, the shot under the playhead lit, the loop range shaded. Dragging scrubs;
// a press within a few pixels of a marker lands on that shot's first frame.
import { useMemo, useRef, type PointerEvent } from 'react';
import { framesToTimecode, TIMELINE_START_FRAMES } from '../../../../shared/domain/timecode';
import { useElementWidth } from '../../components/useElementWidth';
import type { PlayItem } from './items';
import { playRange, hasLoop } from './transport';
import { usePlayer, usePlayerState } from './usePlayer';

const SNAP_PX = 5;
const LABEL_GAP_PX = 30;

/** Marker positions and which of them have room for a label. */
function markers(items: readonly PlayItem[], total: number, width: number) {
  const ticks: string[] = [];
  const labels: Array<{ x: number; label: string }> = [];
  let lastLabel = -Infinity;
  for (const it of items) {
    const x = total ? (it.recordIn / total) * width : 0;
    ticks.push(`M${x.toFixed(1)} 0v10`);
    if (x - lastLabel >= LABEL_GAP_PX) {
      labels.push({ x, label: it.label });
      lastLabel = x;
    }
  }
  return { path: ticks.join(''), labels };
}

export function ScrubBar() {
  const { engine, items } = usePlayer();
  const frame = usePlayerState(engine, (s) => s.frame);
  const index = usePlayerState(engine, (s) => s.index);
  const total = usePlayerState(engine, (s) => s.total);
  const loop = usePlayerState(engine, (s) => s.loop);
  const ref = useRef<HTMLDivElement>(null);
  const width = useElementWidth(ref);
  const marks = useMemo(() => markers(items, total, width), [items, total, width]);
  const resume = useRef(0);

  const pct = (f: number) => `${total ? (f / total) * 100 : 0}%`;
  const frameAt = (clientX: number) => {
    const box = ref.current!.getBoundingClientRect();
    const x = Math.min(Math.max(0, clientX - box.left), box.width);
    const near = items.find((it) => Math.abs((it.recordIn / total) * box.width - x) <= SNAP_PX);
    return near ? near.recordIn : Math.floor((x / box.width) * total);
  };
  const onDown = (e: PointerEvent<HTMLDivElement>) => {
    if (!total || e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    resume.current = engine.getState().rate;
    if (resume.current) engine.pause();
    engine.seek(frameAt(e.clientX));
  };
  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    if (e.currentTarget.hasPointerCapture(e.pointerId)) engine.seek(frameAt(e.clientX));
  };
  const onUp = (e: PointerEvent<HTMLDivElement>) => {
    if (!e.currentTarget.hasPointerCapture(e.pointerId)) return;
    e.currentTarget.releasePointerCapture(e.pointerId);
    if (resume.current) engine.play(resume.current);
    resume.current = 0;
  };

  const current = items[index];
  const range = hasLoop(loop) ? playRange(loop, total) : null;
  const tc = framesToTimecode(TIMELINE_START_FRAMES + frame);
  return (
    <div
      ref={ref}
      className="scrub"
      role="slider"
      tabIndex={0}
      aria-label="Playhead"
      aria-valuemin={0}
      aria-valuemax={Math.max(0, total - 1)}
      aria-valuenow={frame}
      aria-valuetext={`${tc}${current ? `, shot ${current.label}` : ''}`}
      onPointerDown={onDown}
      onPointerMove={onMove}
      onPointerUp={onUp}
      onPointerCancel={onUp}
    >
      {current && <div className="scrub-current" style={{ left: pct(current.recordIn), width: pct(current.recordOut - current.recordIn) }} />}
      {range && <div className="scrub-loop" style={{ left: pct(range.start), width: pct(range.end - range.start) }} title="Loop range (Alt+X clears)" />}
      <svg className="scrub-ticks" width={width} height="10" aria-hidden="true">
        <path d={marks.path} />
      </svg>
      <div className="scrub-labels" aria-hidden="true">
        {marks.labels.map((m) => (
          <span key={m.x} style={{ left: m.x }}>
            {m.label}
          </span>
        ))}
      </div>
      <div className="scrub-head" style={{ left: pct(frame) }} />
    </div>
  );
}
