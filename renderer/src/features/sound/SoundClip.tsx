// A spoken line or an effect on its lane: its waveform over the seconds it plays, named by
// speaker and words (or the cue's text). Drag it sideways to move its start inside its shot
// (Escape cancels the drag); click or Enter opens its takes.
import { useEffect, useRef, type PointerEvent } from 'react';
import { bedTimecode } from './BedClip';
import { dragLineOffset, type LaneClip } from './laneClips';
import { dbToGain } from './mix';
import { Waveform } from './Waveform';

/** Pixels a press may wander before it is a drag rather than a click. */
const DRAG_PX = 3;

interface Props {
  clip: LaneClip;
  /** Its row on the lane, of `rows` (clips that overlap stack). */
  row: number;
  rows: number;
  /** The start inside the shot a drag in progress shows, or null. */
  preview: number | null;
  totalS: number;
  picked: boolean;
  onPreview: (offsetS: number | null) => void;
  onCommit: (offsetS: number) => void;
  onPick: () => void;
}

export function clipAnchor(id: string): string {
  return `[data-clip-id="${CSS.escape(id)}"]`;
}

export function SoundClip({ clip, row, rows, preview, totalS, picked, onPreview, onCommit, onPick }: Props) {
  const press = useRef<{ x: number; moved: boolean; cancelled: boolean; laneWidth: number } | null>(null);
  const atS = preview === null ? clip.atS : clip.shotStartS + preview;
  const pct = (s: number) => `${(s / totalS) * 100}%`;

  // Escape while dragging puts the clip back where it was; the drag ends at the release.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || !press.current?.moved || press.current.cancelled) return;
      press.current.cancelled = true;
      onPreview(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onPreview]);

  const offsetAt = (clientX: number) => {
    const p = press.current!;
    return dragLineOffset(clip, ((clientX - p.x) / Math.max(1, p.laneWidth)) * totalS);
  };
  const onDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    e.currentTarget.setPointerCapture(e.pointerId);
    press.current = { x: e.clientX, moved: false, cancelled: false, laneWidth: e.currentTarget.parentElement?.getBoundingClientRect().width ?? 1 };
  };
  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    const p = press.current;
    if (!p || p.cancelled || !e.currentTarget.hasPointerCapture(e.pointerId)) return;
    if (!p.moved && Math.abs(e.clientX - p.x) < DRAG_PX) return;
    p.moved = true;
    onPreview(offsetAt(e.clientX));
  };
  const onUp = (e: PointerEvent<HTMLDivElement>) => {
    const p = press.current;
    if (!p || !e.currentTarget.hasPointerCapture(e.pointerId)) return;
    e.currentTarget.releasePointerCapture(e.pointerId);
    press.current = null;
    if (!p.moved) return onPick();
    if (p.cancelled) return;
    const offset = offsetAt(e.clientX);
    if (e.type === 'pointerup' && Math.abs(offset - (clip.atS - clip.shotStartS)) > 1e-6) onCommit(offset);
    else onPreview(null);
  };

  const kind = clip.line === null ? 'Effect' : 'Line';
  return (
    <div
      className={`sound-clip${picked ? ' is-picked' : ''}${preview !== null ? ' is-dragging' : ''}`}
      style={{
        left: pct(atS),
        width: pct(clip.lengthS),
        top: `calc(3px + (100% - 6px) * ${row / rows})`,
        height: `calc((100% - 6px) / ${rows} - ${rows > 1 ? 1 : 0}px)`,
      }}
      role="button"
      tabIndex={0}
      aria-label={`${kind} ${clip.name}, shot ${clip.shotLabel}, starts ${bedTimecode(atS)}, ${clip.lengthS.toFixed(1)} s`}
      aria-expanded={picked}
      title={`${clip.name} — drag to move it inside shot ${clip.shotLabel}, click for its takes`}
      data-clip-id={clip.id}
      onPointerDown={onDown}
      onPointerMove={onMove}
      onPointerUp={onUp}
      onPointerCancel={onUp}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        // Keep the player's space (play) off while a clip has focus.
        e.preventDefault();
        onPick();
      }}
    >
      <Waveform relPath={clip.take.relPath} fromS={0} toS={clip.lengthS} gain={dbToGain(clip.gainDb)} label={clip.name} />
      <span className="sound-clip-name">{clip.name}</span>
    </div>
  );
}
