// One library item in the list: its primary image, name, @tag, a character's voice and how many
// shots use it. Drag it onto a shot's slot or keyframe; drop image files on it to add them to it.
import { useState, type CSSProperties, type DragEvent } from 'react';
import type { LibraryItem } from '../../../../shared/domain/library';
import { ITEM_TYPE } from './dnd';
import { droppedFiles, hasFiles } from './files';
import { ItemDetails } from './ItemDetails';
import { useElevenLabsVoices } from './libraryApi';
import { useLibraryUi } from './store';
import { Thumb } from './Thumb';
import { useImport } from './useImport';
import { voiceLabel } from './voiceChoice';

interface Props {
  item: LibraryItem;
  index: number;
  setSize: number;
  measure: (el: Element | null) => void;
  style: CSSProperties;
}

export function ItemCard({ item, index, setSize, measure, style }: Props) {
  const open = useLibraryUi((s) => s.openItemId === item.id);
  const openItem = useLibraryUi((s) => s.openItem);
  const runImport = useImport();
  const [over, setOver] = useState(false);
  const primary = item.images.find((i) => i.primary) ?? item.images[0];
  const shots = new Set(item.usedBy.map((u) => u.shotId)).size;
  // Names ElevenLabs voices from the list an open Voice field fetched; the id until then.
  const voices = useElevenLabsVoices(false).data;

  const onDrop = (e: DragEvent) => {
    if (!hasFiles(e.dataTransfer)) return;
    e.preventDefault();
    e.stopPropagation();
    setOver(false);
    void droppedFiles(e.dataTransfer).then((files) => runImport(files, { to: 'existing', itemId: item.id }, `Add to @${item.tag}`));
  };

  return (
    <li
      ref={measure}
      data-index={index}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      style={style}
      className={`lib-item${open ? ' is-open' : ''}${over ? ' is-drop' : ''}`}
      data-testid={`library-item-${item.tag}`}
    >
      <button
        type="button"
        className="lib-item-row"
        aria-expanded={open}
        aria-label={`${item.name} @${item.tag}`}
        draggable
        onDragStart={(e) => {
          e.dataTransfer.setData(ITEM_TYPE, item.id);
          e.dataTransfer.setData('text/plain', `@${item.tag}`);
          e.dataTransfer.effectAllowed = 'copy';
        }}
        onDragOver={(e) => {
          if (!hasFiles(e.dataTransfer)) return;
          e.preventDefault();
          e.stopPropagation();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        onClick={() => openItem(open ? null : item.id)}
      >
        <Thumb sha={primary?.thumbSha256} alt="" />
        <span className="lib-item-text">
          <span className="lib-item-name">{item.name}</span>
          <span className="lib-item-tag">@{item.tag}</span>
          {item.kind === 'character' && (
            <span className="lib-item-voice" data-testid={`item-voice-${item.tag}`}>
              {voiceLabel(item.voice, voices)}
            </span>
          )}
        </span>
        <span className="lib-item-meta">
          <span className={`kind-chip kind-${item.kind}`}>{item.kind}</span>
          <span className="lib-item-uses" title={item.usedBy.map((u) => u.label).join(', ')}>
            {shots === 0 ? 'unused' : `${shots} shot${shots === 1 ? '' : 's'}`}
          </span>
        </span>
      </button>
      {open && <ItemDetails item={item} />}
    </li>
  );
}
