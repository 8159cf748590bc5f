// Start and end keyframes: from an image file, a library item, or the first or last frame of
// another shot's take; the last frame of the previous shot has its own button (the continuity
// move). Whether the model uses them is validation's call.
import { useRef, useState, type DragEvent } from 'react';
import { getModel } from '../../../../shared/catalog';
import type { ChannelInput } from '../../../../shared/contract';
import type { Keyframe, KeyframeWhich, LibraryItem } from '../../../../shared/domain/library';
import type { Shot } from '../../../../shared/domain/types';
import { useSnapshot } from '../../api/queries';
import { useTakeStrips } from '../../api/takes';
import { act } from '../library/actions';
import { carries, ITEM_TYPE } from '../library/dnd';
import { droppedFiles, hasFiles } from '../library/files';
import { useShotRefs } from '../library/libraryApi';
import { Thumb } from '../library/Thumb';
import { useImport } from '../library/useImport';
import { useSketch } from '../sketch/store';

const TITLES: Record<KeyframeWhich, string> = { start: 'Start keyframe', end: 'End keyframe' };

export function KeyframesSection({ shot, items }: { shot: Shot; items: LibraryItem[] }) {
  const refs = useShotRefs(shot.id);
  const shots = useSnapshot().data?.shots ?? [];
  const strips = useTakeStrips().data ?? {};
  const at = shots.findIndex((s) => s.id === shot.id);
  const previous = at > 0 ? shots[at - 1] : undefined;
  // A frame comes from the take the cut plays, so a shot whose takes are all rejected has none to give.
  const withTakes = shots.filter((s) => s.id !== shot.id && strips[s.id]?.takes.some((t) => !t.rejected));
  const spec = getModel(shot.tool);
  return (
    <div className="keyframes">
      <h3>Keyframes</h3>
      <div className="kf-boxes">
        {(['start', 'end'] as const).map((which) => (
          <KeyframeBox
            key={which}
            which={which}
            shot={shot}
            keyframe={refs[which]}
            items={items}
            previous={which === 'start' ? previous : undefined}
            withTakes={withTakes}
            unsupported={!!spec && !(which === 'start' ? spec.keyframes.first : spec.keyframes.last)}
          />
        ))}
      </div>
    </div>
  );
}

interface BoxProps {
  which: KeyframeWhich;
  shot: Shot;
  keyframe: Keyframe | null;
  items: LibraryItem[];
  previous?: Shot;
  /** Other shots with a take to take a frame from. */
  withTakes: Shot[];
  unsupported: boolean;
}

function KeyframeBox({ which, shot, keyframe, items, previous, withTakes, unsupported }: BoxProps) {
  const runImport = useImport();
  const picker = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const title = TITLES[which];
  const setFrom = (source: ChannelInput<'refs.setKeyframe'>['source']) => void act('refs.setKeyframe', { shotId: shot.id, which, source });
  const importFiles = (files: { file: File }[]) => void runImport(files.slice(0, 1), { to: 'keyframe', shotId: shot.id, which }, `${title} of ${shot.label}`);

  const onDrop = (e: DragEvent) => {
    setOver(false);
    if (carries(e.dataTransfer, ITEM_TYPE)) {
      e.preventDefault();
      setFrom({ itemId: e.dataTransfer.getData(ITEM_TYPE) });
    } else if (hasFiles(e.dataTransfer)) {
      e.preventDefault();
      void droppedFiles(e.dataTransfer).then(importFiles);
    }
    e.stopPropagation();
  };

  return (
    <div
      className={`kf-box${over ? ' is-drop' : ''}${unsupported ? ' is-unsupported' : ''}`}
      role="group"
      aria-label={title}
      onDragOver={(e) => {
        if (!(hasFiles(e.dataTransfer) || carries(e.dataTransfer, ITEM_TYPE))) return;
        e.preventDefault();
        e.stopPropagation();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <span className="kf-label">{which === 'start' ? 'Start' : 'End'}</span>
      {keyframe ? (
        <Thumb sha={keyframe.thumbSha256} alt={`${title}: ${keyframe.source}`} className="thumb kf-thumb" />
      ) : (
        <span className="kf-empty">Drop an image or item</span>
      )}
      {keyframe && (
        <span className="kf-source" title={keyframe.source}>
          {keyframe.source} · {keyframe.width}×{keyframe.height}
        </span>
      )}
      <select aria-label={`${title} from library`} value={keyframe?.itemId ?? ''} onChange={(e) => setFrom(e.target.value ? { itemId: e.target.value } : null)}>
        <option value="">{keyframe ? (keyframe.itemId ? 'None' : 'Image file') : 'From library…'}</option>
        {items.map((it) => (
          <option key={it.id} value={it.id} disabled={it.images.length === 0}>
            @{it.tag}
          </option>
        ))}
      </select>
      <span className="kf-buttons">
        <button type="button" className="chip-btn" onClick={() => picker.current?.click()}>
          File…
        </button>
        {which === 'start' && (
          <button type="button" className="chip-btn" title={`Draw the start frame of ${shot.label}`} onClick={() => useSketch.getState().open(shot.id)}>
            Sketch…
          </button>
        )}
        {previous && (
          <button
            type="button"
            className="chip-btn"
            title={`The last frame of ${previous.label}'s selected (else newest) take`}
            onClick={() => setFrom({ fromShotId: previous.id, frame: 'last' })}
          >
            Last frame of {previous.label}
          </button>
        )}
        {withTakes.length > 0 && (
          <select
            aria-label={`${title} from a take`}
            value=""
            title="The first or last frame of a shot's selected (else newest) take"
            onChange={(e) => {
              const [fromShotId, frame] = e.target.value.split('|') as [string, 'first' | 'last'];
              if (fromShotId) setFrom({ fromShotId, frame });
            }}
          >
            <option value="">From a take…</option>
            {withTakes.map((s) => (
              <optgroup key={s.id} label={`Shot ${s.label}`}>
                <option value={`${s.id}|last`}>Last frame of {s.label}</option>
                <option value={`${s.id}|first`}>First frame of {s.label}</option>
              </optgroup>
            ))}
          </select>
        )}
        {keyframe && (
          <button type="button" className="chip-btn" aria-label={`Clear ${title.toLowerCase()}`} onClick={() => setFrom(null)}>
            Clear
          </button>
        )}
      </span>
      <input
        ref={picker}
        type="file"
        accept="image/*,.heic,.heif"
        hidden
        aria-label={`${title} file`}
        onChange={(e) => {
          const files = [...(e.target.files ?? [])].map((file) => ({ file }));
          e.target.value = '';
          importFiles(files);
        }}
      />
    </div>
  );
}
