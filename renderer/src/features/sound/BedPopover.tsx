// A picked music bed's settings, in a small popover above it: gain, fade in, fade out, and
// remove. Every change is one undoable edit. Closes on Escape or a press elsewhere.
import { createPortal } from 'react-dom';
import type { MusicBed } from '../../../../shared/domain/sound';
import { CloseIcon, TrashIcon } from '../../components/icons';
import { bedTimecode } from './BedClip';
import { fitFades, type BedPatch } from './edit';
import { NumberField } from './NumberField';
import { useAnchoredPopover } from './useAnchoredPopover';

const WIDTH = 268;

interface Props {
  bed: MusicBed;
  onChange: (patch: BedPatch) => void;
  onRemove: () => void;
  onClose: () => void;
}

export function BedPopover({ bed, onChange, onRemove, onClose }: Props) {
  const { ref, style } = useAnchoredPopover(`[data-bed-id="${CSS.escape(bed.id)}"]`, WIDTH, onClose, bed);
  const fades = (fadeInS: number, fadeOutS: number) => onChange(fitFades(bed, fadeInS, fadeOutS));
  return createPortal(
    <div ref={ref} className="bed-popover" role="dialog" aria-label={`Music bed ${bed.name}`} style={style}>
      <div className="bed-popover-head">
        <strong title={bed.name}>{bed.name}</strong>
        <button type="button" className="icon-btn" aria-label="Close" title="Close (Esc)" onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
      <p className="bed-popover-meta">
        Starts <span className="timecode">{bedTimecode(bed.atS)}</span> · plays {bed.lengthS.toFixed(1)} s of {bed.sourceS.toFixed(1)} s
      </p>
      <div className="bed-popover-fields">
        <NumberField label="Gain" unit="dB" value={bed.gainDb} min={-60} max={12} step={0.5} onCommit={(gainDb) => onChange({ gainDb })} />
        <NumberField label="Fade in" unit="s" value={bed.fadeInS} min={0} max={bed.lengthS} step={0.1} onCommit={(v) => fades(v, bed.fadeOutS)} />
        <NumberField label="Fade out" unit="s" value={bed.fadeOutS} min={0} max={bed.lengthS} step={0.1} onCommit={(v) => fades(bed.fadeInS, v)} />
      </div>
      <div className="bed-popover-actions">
        <span className="field-hint">Drag to move · edges trim</span>
        <button type="button" className="btn btn-small btn-danger" onClick={onRemove} title="Remove this bed (Delete)">
          <TrashIcon /> Remove
        </button>
      </div>
    </div>,
    document.body,
  );
}
