// One music bed on its lane: placed by time, its waveform (scaled by its gain), its name, and its
// fades drawn as ramps. Drag the body to move it, an edge to trim it (both snap to frames); click
// to open its settings; Delete removes it; ←/→ nudge it a frame (Shift: a second).
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { framesToTimecode, TIMELINE_FPS, TIMELINE_START_FRAMES } from '../../../../shared/domain/timecode';
import type { MusicBed } from '../../../../shared/domain/sound';
import { moveBed, trimEnd, trimStart, type BedPatch } from './edit';
import { dbToGain } from './mix';
import { Waveform } from './Waveform';

/** Pixels a press may wander before it is a drag rather than a click. */
const DRAG_PX = 3;

type Mode = 'move' | 'start' | 'end';

interface Props {
  /** As stored. */
  bed: MusicBed;
  /** As drawn (with a drag in progress applied). */
  shown: MusicBed;
  totalS: number;
  picked: boolean;
  onPreview: (patch: BedPatch | null) => void;
  onCommit: (patch: BedPatch) => void;
  onPick: () => void;
  onRemove: () => void;
}

export function bedTimecode(s: number): string {
  return framesToTimecode(TIMELINE_START_FRAMES + Math.round(s * TIMELINE_FPS));
}

export function BedClip({ bed, shown, totalS, picked, onPreview, onCommit, onPick, onRemove }: Props) {
  const press = useRef<{ x: number; mode: Mode; moved: boolean; laneWidth: number } | null>(null);
  const pct = (s: number) => `${(s / totalS) * 100}%`;

  const patchAt = (clientX: number): BedPatch => {
    const p = press.current!;
    const ds = ((clientX - p.x) / Math.max(1, p.laneWidth)) * totalS;
    return p.mode === 'start' ? trimStart(bed, ds) : p.mode === 'end' ? trimEnd(bed, ds) : moveBed(bed, ds);
  };
  const onDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    const edge = (e.target as HTMLElement).dataset.edge;
    e.currentTarget.setPointerCapture(e.pointerId);
    press.current = {
      x: e.clientX,
      mode: edge === 'start' || edge === 'end' ? edge : 'move',
      moved: false,
      laneWidth: e.currentTarget.parentElement?.getBoundingClientRect().width ?? 1,
    };
  };
  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    const p = press.current;
    if (!p || !e.currentTarget.hasPointerCapture(e.pointerId)) return;
    if (!p.moved && Math.abs(e.clientX - p.x) < DRAG_PX) return;
    p.moved = true;
    onPreview(patchAt(e.clientX));
  };
  const onUp = (e: PointerEvent<HTMLDivElement>) => {
    const p = press.current;
    if (!p || !e.currentTarget.hasPointerCapture(e.pointerId)) return;
    e.currentTarget.releasePointerCapture(e.pointerId);
    if (p.moved && e.type === 'pointerup') {
      const patch = patchAt(e.clientX);
      const changed = (Object.keys(patch) as Array<keyof BedPatch>).some((k) => patch[k] !== bed[k]);
      if (changed) onCommit(patch);
      else onPreview(null);
    } else if (p.moved) onPreview(null);
    else onPick();
    press.current = null;
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === 'Delete' || e.key === 'Backspace') onRemove();
    else if (e.key === 'Enter' || e.key === ' ') onPick();
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      const step = (e.shiftKey ? 1 : 1 / TIMELINE_FPS) * (e.key === 'ArrowLeft' ? -1 : 1);
      onCommit(moveBed(bed, step));
    } else return;
    // Keep the player's own keys (arrows step frames, space plays) off while a bed has focus.
    e.preventDefault();
  };

  const gain = dbToGain(shown.gainDb);
  const fin = shown.lengthS > 0 ? (shown.fadeInS / shown.lengthS) * 100 : 0;
  const fout = shown.lengthS > 0 ? (shown.fadeOutS / shown.lengthS) * 100 : 0;
  return (
    <div
      className={`bed${picked ? ' is-picked' : ''}`}
      style={{ left: pct(shown.atS), width: pct(shown.lengthS) }}
      role="button"
      tabIndex={0}
      aria-label={`Music bed ${bed.name}, starts ${bedTimecode(shown.atS)}, ${shown.lengthS.toFixed(1)} s`}
      aria-expanded={picked}
      data-bed-id={bed.id}
      data-testid="music-bed"
      onPointerDown={onDown}
      onPointerMove={onMove}
      onPointerUp={onUp}
      onPointerCancel={onUp}
      onKeyDown={onKey}
    >
      <Waveform relPath={bed.relPath} fromS={shown.trimInS} toS={shown.trimInS + shown.lengthS} gain={gain} label={bed.name} />
      {(fin > 0 || fout > 0) && (
        <svg className="bed-fades" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true" data-testid="bed-fades">
          {fin > 0 && <path className="bed-fade" d={`M0 0H${fin}L0 1Z`} />}
          {fout > 0 && <path className="bed-fade" d={`M${100 - fout} 0H100V1Z`} />}
          {fin > 0 && <path className="bed-ramp" d={`M0 1L${fin} 0`} />}
          {fout > 0 && <path className="bed-ramp" d={`M${100 - fout} 0L100 1`} />}
        </svg>
      )}
      <span className="bed-name">{bed.name}</span>
      {shown.gainDb !== 0 && <span className="bed-gain">{`${shown.gainDb > 0 ? '+' : '−'}${Math.abs(shown.gainDb)} dB`}</span>}
      <span className="bed-edge bed-edge-start" data-edge="start" title="Drag to trim the start" aria-hidden="true" />
      <span className="bed-edge bed-edge-end" data-edge="end" title="Drag to trim the end" aria-hidden="true" />
    </div>
  );
}
