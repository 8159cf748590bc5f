// An open library item: name, tag (renamed in every prompt that uses it), kind, notes, its
// a character's voice, its images (primary, crop, delete), the shots that use it, and delete with a warning when used.
import { useRef, useState } from 'react';
import { LIBRARY_KINDS, type ItemUse, type LibraryItem } from '../../../../shared/domain/library';
import { tagProblem } from '../../../../shared/domain/tags';
import { TrashIcon } from '../../components/icons';
import { useDraft } from '../../components/useDraft';
import { single } from '../../lib/selection';
import { useUi } from '../../stores/ui';
import { act } from './actions';
import { useLibraryUi } from './store';
import { VoiceField } from './VoiceField';
import { Thumb } from './Thumb';
import { useImport } from './useImport';

const USE_NAMES: Record<ItemUse['as'], string> = { ref: 'reference', start: 'start keyframe', end: 'end keyframe', prompt: 'prompt' };

/** The tag commits on Enter or blur only: each commit rewrites every prompt that mentions it. */
function TagField({ item }: { item: LibraryItem }) {
  const [text, setText] = useState(item.tag);
  const [base, setBase] = useState(item.tag);
  if (base !== item.tag) {
    setBase(item.tag);
    setText(item.tag);
  }
  const problem = text !== item.tag ? tagProblem(text.replace(/^@/, '')) : null;
  const commit = async () => {
    const tag = text.replace(/^@/, '').trim();
    if (tag === item.tag || problem) return;
    const done = await act('library.updateItem', { id: item.id, patch: { tag } });
    if (!done) setText(item.tag);
    else if (done.rewritten.length) useUi.getState().notify('info', `Renamed @${item.tag} to @${tag} in ${done.rewritten.join(', ')}`);
  };
  const id = `lib-tag-${item.id}`;
  return (
    <div className="field">
      <label htmlFor={id}>Tag</label>
      <div className="input-affix">
        <span className="input-prefix" aria-hidden="true">
          @
        </span>
        <input
          id={id}
          value={text}
          spellCheck={false}
          aria-invalid={!!problem || undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => void commit()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void commit();
            }
            if (e.key === 'Escape') setText(item.tag);
          }}
        />
      </div>
      {problem && (
        <p className="field-hint issue-error" id={`${id}-problem`}>
          {problem}
        </p>
      )}
    </div>
  );
}

function DeleteItem({ item }: { item: LibraryItem }) {
  const [asking, setAsking] = useState(false);
  const shots = [...new Set(item.usedBy.map((u) => u.label))];
  const remove = async () => {
    setAsking(false);
    const done = await act('library.deleteItem', { id: item.id });
    if (done !== undefined) useUi.getState().notify('info', `Deleted @${item.tag} — Ctrl+Z to undo`);
  };
  if (!asking) {
    return (
      <button type="button" className="btn btn-small danger-text" onClick={() => (shots.length ? setAsking(true) : void remove())}>
        <TrashIcon /> Delete item
      </button>
    );
  }
  return (
    <div className="lib-confirm" role="alertdialog" aria-label={`Delete @${item.tag}?`} aria-describedby={`lib-confirm-${item.id}`}>
      <p id={`lib-confirm-${item.id}`}>
        @{item.tag} is used by {shots.join(', ')}. Deleting it clears its slots and keyframes there; prompts keep the text “@{item.tag}”.
      </p>
      <div className="lib-confirm-buttons">
        <button type="button" className="btn btn-small" autoFocus onClick={() => setAsking(false)}>
          Cancel
        </button>
        <button type="button" className="btn btn-small btn-danger" onClick={() => void remove()}>
          Delete @{item.tag}
        </button>
      </div>
    </div>
  );
}

export function ItemDetails({ item }: { item: LibraryItem }) {
  const name = useDraft(item.name, (v) => void act('library.updateItem', { id: item.id, patch: { name: v } }));
  const notes = useDraft(item.notes, (v) => void act('library.updateItem', { id: item.id, patch: { notes: v } }));
  const editFocus = useLibraryUi((s) => s.editFocus);
  const runImport = useImport();
  const picker = useRef<HTMLInputElement>(null);
  const uses = [...new Map(item.usedBy.map((u) => [u.shotId, u])).values()];
  const usesOf = (shotId: string) => item.usedBy.filter((u) => u.shotId === shotId).map((u) => USE_NAMES[u.as]);

  return (
    <div className="lib-details" role="group" aria-label={`@${item.tag} details`}>
      {/* One field a row: the pane is 280 px wide, too narrow for a name and a tag side by side. */}
      <div className="field">
        <label htmlFor={`lib-name-${item.id}`}>Name</label>
        <input id={`lib-name-${item.id}`} value={name.value} onChange={(e) => name.onChange(e.target.value)} onBlur={name.flush} />
      </div>
      <TagField item={item} />
      <div className="field">
        <label htmlFor={`lib-kind-${item.id}`}>Kind</label>
        <select
          id={`lib-kind-${item.id}`}
          value={item.kind}
          onChange={(e) => void act('library.updateItem', { id: item.id, patch: { kind: e.target.value as LibraryItem['kind'] } })}
        >
          {LIBRARY_KINDS.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
      </div>
      {item.kind === 'character' && <VoiceField item={item} />}
      <div className="field">
        <label htmlFor={`lib-notes-${item.id}`}>Notes</label>
        <textarea
          id={`lib-notes-${item.id}`}
          rows={2}
          value={notes.value}
          onChange={(e) => notes.onChange(e.target.value)}
          onBlur={notes.flush}
          placeholder="Wardrobe, age, look, what to keep consistent"
        />
      </div>
      <ul className="lib-images" aria-label={`Images of @${item.tag}`}>
        {item.images.map((img) => (
          <li key={img.id} className={img.primary ? 'is-primary' : undefined}>
            <Thumb sha={img.thumbSha256} alt={img.name} />
            <span className="lib-image-name" title={`${img.name} · ${img.width}×${img.height}`}>
              {img.width}×{img.height}
            </span>
            <span className="lib-image-actions">
              <button
                type="button"
                className="chip-btn lib-primary"
                aria-pressed={img.primary}
                aria-label={`Make ${img.name} primary`}
                onClick={() => void act('library.setPrimary', { imageId: img.id })}
              >
                {img.primary ? 'Primary' : 'Make primary'}
              </button>
              <button type="button" className="chip-btn" aria-label={`Crop ${img.name}`} onClick={() => editFocus({ imageId: img.id, name: img.name })}>
                Crop
              </button>
              <button
                type="button"
                className="icon-btn danger"
                aria-label={`Delete ${img.name}`}
                onClick={() => void act('library.deleteImage', { id: img.id })}
              >
                <TrashIcon />
              </button>
            </span>
          </li>
        ))}
      </ul>
      <div className="lib-details-row">
        <button type="button" className="btn btn-small" onClick={() => picker.current?.click()}>
          Add images…
        </button>
        <input
          ref={picker}
          type="file"
          accept="image/*,.heic,.heif"
          multiple
          hidden
          aria-label={`Add images to @${item.tag}`}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])].map((file) => ({ file }));
            e.target.value = '';
            void runImport(files, { to: 'existing', itemId: item.id }, `Add to @${item.tag}`);
          }}
        />
        <DeleteItem item={item} />
      </div>
      <div className="lib-used">
        <span className="field-label">Used by</span>
        {uses.length === 0 ? (
          <span className="field-hint">No shot yet. Drag it onto a shot’s reference slot, or write @{item.tag} in a prompt.</span>
        ) : (
          <span className="chips">
            {uses.map((u) => (
              <button
                key={u.shotId}
                type="button"
                className="chip-btn"
                title={usesOf(u.shotId).join(', ')}
                onClick={() => useUi.getState().setSelection(single(u.shotId))}
              >
                {u.label} <span className="chip-note">{usesOf(u.shotId).join(', ')}</span>
              </button>
            ))}
          </span>
        )}
      </div>
    </div>
  );
}
