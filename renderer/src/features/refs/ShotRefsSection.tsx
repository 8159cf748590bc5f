// A shot's reference slots (as many as its model takes, from the catalog) and keyframes, for
// the inspector. Fill a slot by dropping a library item or image files, or by picking from its
// menu (a drop on a filled slot replaces its reference); drag filled slots to reorder. Extra references kept after a model switch stay visible
// and are flagged until removed.
import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type DragEvent } from 'react';
import { getModel, videoModels } from '../../../../shared/catalog';
import type { LibraryItem, ShotRef } from '../../../../shared/domain/library';
import { shotTags } from '../../../../shared/domain/tags';
import type { Shot } from '../../../../shared/domain/types';
import { CloseIcon, DownIcon, UpIcon } from '../../components/icons';
import { useUi } from '../../stores/ui';
import { act } from '../library/actions';
import { carries, ITEM_TYPE, SLOT_TYPE } from '../library/dnd';
import { droppedFiles, hasFiles } from '../library/files';
import { useLibrary, useShotRefs } from '../library/libraryApi';
import { Thumb } from '../library/Thumb';
import { useImport } from '../library/useImport';
import { KeyframesSection } from './KeyframesSection';
import { clearSlot, displaced, moveSlot, placeIn, refName, replacedNote } from './slots';
import { slotEditor, type SlotChange } from './slotEdits';
import { TagAutocomplete } from './TagAutocomplete';
import '../library/library.css';

const EXAMPLES = videoModels()
  .filter((m) => m.maxRefs > 0 && m.provider !== 'local')
  .slice(0, 2)
  .map((m) => m.name);

export function ShotRefsSection({ shot }: { shot: Shot }) {
  const refs = useShotRefs(shot.id);
  const items = useLibrary().data?.items ?? [];
  const spec = getModel(shot.tool);
  const max = spec?.maxRefs ?? 0;
  const count = Math.max(max, refs.refs.length);
  const qc = useQueryClient();
  const edit = useMemo(() => slotEditor(qc, (shotId, next) => act('refs.set', { shotId, refs: next })), [qc]);
  const set = (change: SlotChange) => edit(shot.id, change);
  const tags = shotTags(shot);
  const slotOf = (tag: string) => refs.refs.findIndex((r) => r.tag?.toLowerCase() === tag.toLowerCase());

  return (
    <div className="inspector-section refs-section" role="group" aria-label="References and keyframes">
      <TagAutocomplete items={items} refs={refs.refs} />
      <div className="refs-head">
        <h3>References</h3>
        <span className="field-hint">{max === 0 ? `${spec?.name ?? shot.tool} takes none` : `${refs.refs.length} of ${max} · ${spec?.name}`}</span>
      </div>
      {count === 0 ? (
        <p className="field-hint">
          {spec?.name ?? 'This tool'} takes no reference images.{' '}
          {EXAMPLES.length ? `Pick a model that does (${EXAMPLES.join(', ')}) to use library items here.` : ''}
        </p>
      ) : (
        <ol className="ref-slots" aria-label="Reference slots">
          {Array.from({ length: count }, (_, i) => (
            <Slot key={i} index={i} shot={shot} refs={refs.refs} max={max} items={items} onSet={set} />
          ))}
        </ol>
      )}
      {tags.length > 0 && (
        <ul className="tag-map" aria-label="Tags in the prompt">
          {tags.map((t) => {
            const slot = slotOf(t);
            return (
              <li key={t} className={slot < 0 ? 'is-missing' : undefined}>
                <code>@{t}</code> {slot < 0 ? 'no slot' : `slot ${slot + 1}`}
              </li>
            );
          })}
        </ul>
      )}
      <KeyframesSection shot={shot} items={items} />
    </div>
  );
}

interface SlotProps {
  index: number;
  shot: Shot;
  refs: ShotRef[];
  max: number;
  items: LibraryItem[];
  /** Resolves to undefined when the core refused the edit (it said why in a toast). */
  onSet: (change: SlotChange) => Promise<unknown>;
}

function Slot({ index, shot, refs, max, items, onSet }: SlotProps) {
  const ref = refs[index];
  const extra = index >= max;
  const runImport = useImport();
  const [over, setOver] = useState(false);
  const n = index + 1;
  const name = ref ? refName(ref) : 'empty';
  const notify = useUi((s) => s.notify);

  // A drop onto a filled slot replaces its reference, whether an item or files were dropped,
  // and says so: the old reference is one Ctrl+Z away.
  const dropItem = async (itemId: string) => {
    const tag = items.find((i) => i.id === itemId)?.tag;
    const replaced: { old: ShotRef | null } = { old: null };
    const done = await onSet((now) => {
      replaced.old = displaced(now, index, { itemId });
      return placeIn(now, index, { itemId });
    });
    if (done !== undefined && replaced.old && tag) notify('info', replacedNote(index, refName(replaced.old), `@${tag}`));
  };
  const importDropped = async (dt: DataTransfer) => {
    const summary = await runImport(await droppedFiles(dt), { to: 'slot', shotId: shot.id, slot: index }, `References of ${shot.label}`);
    const replaced = summary?.replaced;
    if (replaced) notify('info', replacedNote(replaced.slot, replaced.was, replaced.now));
  };

  const onDragOver = (e: DragEvent) => {
    if (!(hasFiles(e.dataTransfer) || carries(e.dataTransfer, ITEM_TYPE) || carries(e.dataTransfer, SLOT_TYPE))) return;
    e.preventDefault();
    e.stopPropagation();
    setOver(true);
  };
  const onDrop = (e: DragEvent) => {
    setOver(false);
    const dt = e.dataTransfer;
    if (carries(dt, SLOT_TYPE)) {
      e.preventDefault();
      const from = Number(dt.getData(SLOT_TYPE));
      void onSet((now) => moveSlot(now, from, index));
    } else if (carries(dt, ITEM_TYPE)) {
      e.preventDefault();
      void dropItem(dt.getData(ITEM_TYPE));
    } else if (hasFiles(dt)) {
      e.preventDefault();
      void importDropped(dt);
    }
    e.stopPropagation();
  };

  return (
    <li
      className={`ref-slot${ref ? ' is-filled' : ''}${extra ? ' is-extra' : ''}${over ? ' is-drop' : ''}`}
      aria-label={`Slot ${n}: ${name}${extra ? ' (over the limit)' : ''}`}
      data-testid={`ref-slot-${n}`}
      onDragOver={onDragOver}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <span
        className="ref-slot-art"
        draggable={!!ref}
        onDragStart={(e) => {
          e.dataTransfer.setData(SLOT_TYPE, String(index));
          e.dataTransfer.effectAllowed = 'move';
        }}
      >
        {ref ? <Thumb sha={ref.thumbSha256} alt={name} /> : <span className="ref-slot-empty">{n}</span>}
      </span>
      <span className="ref-slot-body">
        <select
          aria-label={`Reference slot ${n}`}
          value={ref ? (ref.itemId ?? `image:${ref.imageId}`) : ''}
          onChange={(e) => {
            const v = e.target.value;
            if (!v) void onSet((now) => clearSlot(now, index));
            else if (!v.startsWith('image:')) void onSet((now) => placeIn(now, index, { itemId: v }));
          }}
        >
          <option value="">{ref ? 'Clear slot' : 'Empty — drop or pick'}</option>
          {ref && !ref.itemId && <option value={`image:${ref.imageId}`}>{ref.name} (loose image)</option>}
          {items.map((it) => (
            <option key={it.id} value={it.id} disabled={it.images.length === 0}>
              @{it.tag} — {it.name}
            </option>
          ))}
        </select>
        {extra && <span className="field-hint issue-error">Over the {max}-slot limit of this model</span>}
      </span>
      {ref && (
        <span className="ref-slot-buttons">
          <button
            type="button"
            className="icon-btn"
            aria-label={`Move slot ${n} up`}
            disabled={index === 0}
            onClick={() => void onSet((now) => moveSlot(now, index, index - 1))}
          >
            <UpIcon />
          </button>
          <button
            type="button"
            className="icon-btn"
            aria-label={`Move slot ${n} down`}
            disabled={index >= refs.length - 1}
            onClick={() => void onSet((now) => moveSlot(now, index, index + 1))}
          >
            <DownIcon />
          </button>
          <button type="button" className="icon-btn danger" aria-label={`Clear slot ${n}`} onClick={() => void onSet((now) => clearSlot(now, index))}>
            <CloseIcon />
          </button>
        </span>
      )}
    </li>
  );
}
