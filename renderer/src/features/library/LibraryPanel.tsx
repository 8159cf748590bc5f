// The reference library: characters, locations, props and styles with their images. Drop image
// files or folders anywhere on it (or pick, or paste) to add items; drag an item onto a shot.
// New items take the kind shown (a drop on a kind's filter button takes that kind); under All,
// the core guesses each one's kind from its folder and file names.
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { LIBRARY_KINDS, type ImportTarget, type LibraryKind } from '../../../../shared/domain/library';
import { LibraryIcon, PlusIcon } from '../../components/icons';
import { act } from './actions';
import { droppedFiles, hasFiles, pastedFiles, type Dropped } from './files';
import { FocusEditor } from './FocusEditor';
import { ImportStatus } from './ImportStatus';
import { ItemList } from './ItemList';
import { useLibrary } from './libraryApi';
import { useLibraryUi, type KindFilter } from './store';
import { useImport } from './useImport';
import './library.css';

const KIND_LABELS: Record<KindFilter, string> = { all: 'All', character: 'Characters', location: 'Locations', prop: 'Props', style: 'Styles' };

/** The kind a drop names, or none under All (so the core guesses it). */
const itemsTarget = (k: KindFilter): ImportTarget => (k === 'all' ? { to: 'items' } : { to: 'items', kind: k });

function isTyping(el: Element | null): boolean {
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || (el as HTMLElement).isContentEditable);
}

export function LibraryPanel() {
  const library = useLibrary();
  const kind = useLibraryUi((s) => s.kind);
  const setKind = useLibraryUi((s) => s.setKind);
  const openItem = useLibraryUi((s) => s.openItem);
  const runImport = useImport();
  /** The kind a drop where the files are held would name, while they are held over the library. */
  const [over, setOver] = useState<KindFilter | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const newKind: LibraryKind = kind === 'all' ? 'character' : kind;

  const importNew = (files: Dropped[], as: KindFilter = kind) => runImport(files, itemsTarget(as), 'Import');

  // Paste an image anywhere outside a text field: it becomes a new item.
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if (!e.clipboardData?.files.length || isTyping(document.activeElement)) return;
      e.preventDefault();
      void runImport(pastedFiles(e.clipboardData), itemsTarget(useLibraryUi.getState().kind), 'Paste');
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [runImport]);

  const dragOver = (e: DragEvent, as: KindFilter) => {
    if (!hasFiles(e.dataTransfer)) return;
    e.preventDefault();
    e.stopPropagation();
    e.dataTransfer.dropEffect = 'copy';
    setOver(as);
  };
  const drop = (e: DragEvent, as: KindFilter) => {
    setOver(null);
    if (!hasFiles(e.dataTransfer)) return;
    e.preventDefault();
    e.stopPropagation();
    // Show what was added: dropped on a kind's button, the list switches to that kind.
    if (as !== kind) setKind(as);
    void droppedFiles(e.dataTransfer).then((files) => importNew(files, as));
  };

  const items = (library.data?.items ?? []).filter((i) => kind === 'all' || i.kind === kind);
  const total = library.data?.items.length ?? 0;

  return (
    <section
      className={`library${over ? ' is-drop' : ''}`}
      aria-label="Library"
      onDragOver={(e) => dragOver(e, kind)}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(null);
      }}
      onDrop={(e) => drop(e, kind)}
    >
      <header className="library-head">
        <h2 className="panel-title">Library</h2>
        <span className="library-tools">
          <button type="button" className="btn btn-small" onClick={() => picker.current?.click()} title="Add reference images (or drop them here)">
            Add images…
          </button>
          <button
            type="button"
            className="icon-btn"
            aria-label="New library item"
            title="New empty item"
            onClick={() => void act('library.createItem', { kind: newKind, name: `New ${newKind}` }).then((item) => item && openItem(item.id))}
          >
            <PlusIcon />
          </button>
        </span>
        <input
          ref={picker}
          type="file"
          accept="image/*,.heic,.heif"
          multiple
          hidden
          aria-label="Add images to the library"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])].map((file) => ({ file }));
            e.target.value = '';
            void importNew(files);
          }}
        />
      </header>
      <div className="segmented library-kinds" role="radiogroup" aria-label="Show kind">
        {(['all', ...LIBRARY_KINDS] as KindFilter[]).map((k) => (
          <label
            key={k}
            className={`segment${k === kind ? ' is-on' : ''}${over === k ? ' is-drop' : ''}`}
            onDragOver={(e) => dragOver(e, k)}
            onDrop={(e) => drop(e, k)}
          >
            <input type="radio" name="library-kind" value={k} checked={k === kind} onChange={() => setKind(k)} />
            {KIND_LABELS[k]}
          </label>
        ))}
      </div>
      <ImportStatus />
      {total === 0 ? (
        <div className="empty-state">
          <span className="empty-icon" aria-hidden="true">
            <LibraryIcon />
          </span>
          <p className="empty-title">No characters or locations yet</p>
          <p>Drop reference images or a reference-sheet folder here, pick them with Add images, or paste one. Each becomes an item with a tag like @mara.</p>
        </div>
      ) : (
        <ItemList items={items} empty={items.length === 0 ? `No ${KIND_LABELS[kind].toLowerCase()} yet.` : null} />
      )}
      {over && (
        <div className="drop-hint" aria-hidden="true">
          {over === 'all' ? 'Drop to add; each kind is guessed from its folder or file name' : `Drop to add as ${KIND_LABELS[over].toLowerCase()}`}
        </div>
      )}
      <FocusEditor />
    </section>
  );
}
