// One shot on the board: its picture (circled frame, else circled take, else the start keyframe,
// else "No frame yet"), a strip of its frames to circle another, and under it the label, duration
// and dialogue. Memoised: a panel re-renders only when its shot, takes or selection change.
import { memo, useEffect, useRef, useState, type MouseEvent } from 'react';
import type { ShotTakes } from '../../../../shared/domain/takes';
import type { Shot } from '../../../../shared/domain/types';
import { formatSeconds } from '../../lib/format';
import { useShotRefs, useThumbnail } from '../library/libraryApi';
import { useShotJobs } from '../queue/jobsApi';
import { ShotJobBadge } from '../queue/ShotJobBadge';
import { panelImage, stripFrames } from './panelImage';

const CHIP_H = 20;

export interface PanelCommands {
  pick: (shotId: string, e: MouseEvent) => void;
  circle: (shotId: string, frameId: string) => void;
  redo: (shotId: string) => void;
  sketch: (shotId: string) => void;
  /** Hides a frame (undoable); the shot keeps its start keyframe. */
  reject: (frameId: string) => void;
}

interface Props {
  shot: Shot;
  strip: ShotTakes | undefined;
  width: number;
  imageHeight: number;
  ratio: number;
  selected: boolean;
  focused: boolean;
  mediaUrl: (relPath: string | null | undefined) => string | null;
  commands: PanelCommands;
}

export function boardPanelId(shotId: string): string {
  return `board-panel-${shotId}`;
}

export const BoardPanel = memo(function BoardPanel({ shot, strip, width, imageHeight, ratio, selected, focused, mediaUrl, commands }: Props) {
  const circledImage = panelImage(strip);
  const circledSrc = mediaUrl(circledImage?.relPath);
  // Without a circled frame or take, a start keyframe (a sketch, an imported still) is the panel's picture.
  const start = useShotRefs(shot.id).start;
  const keyframeSrc = useThumbnail(circledSrc ? null : start?.thumbSha256).data;
  const image = circledSrc ? circledImage : start && keyframeSrc ? { what: `start keyframe: ${start.source}`, kind: 'keyframe' } : null;
  const src = circledSrc ?? keyframeSrc ?? null;
  const frames = stripFrames(strip);
  const jobs = useShotJobs(shot.id);
  const room = Math.max(1, Math.floor((width - 8) / (Math.round(CHIP_H * ratio) + 4)));
  const circled = frames.find((f) => f.id === strip?.selectedFrameId);
  let shown = frames.slice(-room);
  if (circled && !shown.includes(circled)) shown = [circled, ...shown.slice(1)];
  return (
    <div
      className="board-panel"
      role="group"
      aria-label={`Shot ${shot.label}`}
      data-testid={`board-panel-${shot.label}`}
      data-shot-id={shot.id}
      data-selected={selected || undefined}
      data-focused={focused || undefined}
      data-image={image?.kind ?? 'none'}
      style={{ width }}
    >
      <button
        type="button"
        id={boardPanelId(shot.id)}
        className="board-frame"
        style={{ height: imageHeight }}
        aria-pressed={selected}
        aria-label={`Shot ${shot.label}${image ? `, ${image.what}` : ', no frame yet'}`}
        title={`${shot.label}: ${image ? image.what : 'no frame yet'} · Ctrl or Shift click to pick several`}
        onClick={(e) => commands.pick(shot.id, e)}
      >
        {src ? (
          <img src={src} alt="" loading="lazy" decoding="async" draggable={false} />
        ) : (
          <span className="board-empty" data-testid="board-empty">
            {frames.length ? 'Circle a frame below' : 'No frame yet'}
          </span>
        )}
        <span className="board-label" aria-hidden="true">
          {shot.label}
        </span>
      </button>
      <div className="board-strip" role="group" aria-label={`Frames of ${shot.label}`}>
        {shown.map((f) => (
          <button
            key={f.id}
            type="button"
            className={`board-chip${f.id === strip?.selectedFrameId ? ' is-circled' : ''}`}
            style={{ width: Math.round(CHIP_H * ratio), height: CHIP_H }}
            aria-pressed={f.id === strip?.selectedFrameId}
            aria-label={`Circle frame ${f.number} of ${shot.label}`}
            title={
              f.id === strip?.selectedFrameId ? `Frame ${f.number}, circled: the start keyframe` : `Circle frame ${f.number}: it becomes the start keyframe`
            }
            onClick={() => commands.circle(shot.id, f.id)}
          >
            {mediaUrl(f.thumbRelPath) ? <img src={mediaUrl(f.thumbRelPath)!} alt="" loading="lazy" draggable={false} /> : f.number}
          </button>
        ))}
        {frames.length > shown.length && <span className="board-more">+{frames.length - shown.length}</span>}
      </div>
      <div className="board-caption">
        <strong className="board-shot">{shot.label}</strong>
        <span className="board-duration">{formatSeconds(shot.durationS)}</span>
        <ShotJobBadge jobs={jobs} />
        <PanelMenu shot={shot} commands={commands} circledFrame={circled?.id ?? null} />
      </div>
      <Dialogue shot={shot} />
    </div>
  );
});

function Dialogue({ shot }: { shot: Shot }) {
  if (shot.dialogue.length === 0) return <p className="board-dialogue is-action">{shot.action}</p>;
  return (
    <p className="board-dialogue" title={shot.dialogue.map((l) => (l.speaker ? `${l.speaker}: ${l.text}` : l.text)).join('\n')}>
      {shot.dialogue.map((l, i) => (
        <span key={i} className="board-said">
          {l.speaker && <span className="board-speaker">{l.speaker}</span>} {l.parenthetical && <span className="board-paren">{l.parenthetical} </span>}
          {l.text}
        </span>
      ))}
    </p>
  );
}

/** The panel's other commands, opened from its ⋯ button; closes on a choice, Escape or a click elsewhere. */
function PanelMenu({ shot, commands, circledFrame }: { shot: Shot; commands: PanelCommands; circledFrame: string | null }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', away);
    return () => window.removeEventListener('pointerdown', away);
  }, [open]);
  const run = (f: () => void) => {
    setOpen(false);
    f();
  };
  return (
    <div
      className="board-menu-wrap"
      ref={ref}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
        }
      }}
    >
      <button
        type="button"
        className="icon-btn board-menu-btn"
        aria-label={`More for ${shot.label}`}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        ⋯
      </button>
      {open && (
        <div className="board-menu" role="menu" aria-label={`Shot ${shot.label}`}>
          <button type="button" role="menuitem" autoFocus onClick={() => run(() => commands.redo(shot.id))}>
            Redo frame
          </button>
          <button type="button" role="menuitem" onClick={() => run(() => commands.sketch(shot.id))}>
            Sketch…
          </button>
          {circledFrame && (
            <button type="button" role="menuitem" onClick={() => run(() => commands.reject(circledFrame))}>
              Reject the circled frame
            </button>
          )}
        </div>
      )}
    </div>
  );
}
