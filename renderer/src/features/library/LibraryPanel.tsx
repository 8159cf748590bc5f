// The reference library: characters, locations, props and styles with their images. Drop image
// files or folders anywhere on it (or pick, or paste) to add items; drag an item onto a shot.
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { LIBRARY_KINDS, type LibraryKind } from '../../../../shared/domain/library';
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

function isTyping(el: Element | null): boolean {
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || (el as HTMLElement).isContentEditable);
}

export function LibraryPanel() {
  const library = useLibrary();
  const kind = useLibraryUi((s) => s.kind);
  const setKind = useLibraryUi((s) => s.setKind);
  const openItem = useLibraryUi((s) => s.openItem);
  const runImport = useImport();
  const [over, setOver] = useState(false);
  const picker = useRef<HTMLInputElement>(null);
  const newKind: LibraryKind = kind === 'all' ? 'character' : kind;

  const importNew = (files: Dropped[], label = 'Import') => runImport(files, { to: 'items', kind: newKind }, label);

  // Paste an image anywhere outside a text field: it becomes a new item.
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      if (!e.clipboardData?.files.length || isTyping(document.activeElement)) return;
      e.preventDefault();
      void runImport(
        pastedFiles(e.clipboardData),
        { to: 'items', kind: useLibraryUi.getState().kind === 'all' ? 'character' : (useLibraryUi.getState().kind as LibraryKind) },
        'Paste',
      );
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [runImport]);

  const onDrop = (e: DragEvent) => {
    setOver(false);
    if (!hasFiles(e.dataTransfer)) return;
    e.preventDefault();
    void droppedFiles(e.dataTransfer).then((files) => importNew(files));
  };

  const items = (library.data?.items ?? []).filter((i) => kind === 'all' || i.kind === kind);
  const total = library.data?.items.length ?? 0;

  return (
    <section
      className={`library${over ? ' is-drop' : ''}`}
      aria-label="Library"
      onDragOver={(e) => {
        if (!hasFiles(e.dataTransfer)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={onDrop}
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
          <label key={k} className={`segment${k === kind ? ' is-on' : ''}`}>
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
          Drop to add as {newKind}s
        </div>
      )}
      <FocusEditor />
    </section>
  );
}
