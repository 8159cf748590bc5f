// A line's or an effect's takes, in a small popover above its clip: play any, circle the one the
// cut plays. Closes on Escape or a press elsewhere.
import { createPortal } from 'react-dom';
import { CloseIcon } from '../../components/icons';
import { AudioTakes } from './AudioTakes';
import { clipAnchor } from './SoundClip';
import type { LaneClip } from './laneClips';
import { useAnchoredPopover } from './useAnchoredPopover';

const WIDTH = 300;

export function ClipPopover({ clip, onClose }: { clip: LaneClip; onClose: () => void }) {
  const { ref, style } = useAnchoredPopover(clipAnchor(clip.id), WIDTH, onClose, clip);
  const kind = clip.line === null ? 'Effect' : 'Line';
  return createPortal(
    <div ref={ref} className="bed-popover clip-popover" role="dialog" aria-label={`${kind} ${clip.name}`} style={style}>
      <div className="bed-popover-head">
        <strong title={clip.name}>{clip.name}</strong>
        <button type="button" className="icon-btn" aria-label="Close" title="Close (Esc)" onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
      <p className="bed-popover-meta">
        Shot {clip.shotLabel} · starts {(clip.atS - clip.shotStartS).toFixed(2)} s into it · take {clip.take.number} plays
      </p>
      <AudioTakes takes={clip.takes} playingId={clip.take.id} label={clip.name} />
      <p className="field-hint">Drag the clip to move it inside its shot.</p>
    </div>,
    document.body,
  );
}
