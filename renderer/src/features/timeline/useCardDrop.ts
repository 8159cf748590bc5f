// Images and library items dropped on a shot card: on its frame they become the shot's start
// keyframe, anywhere else on the card they fill its first free reference slot. A screenplay or
// shot list dropped anywhere on the timeline opens the import instead. Each drop says what it did.
import { useQueryClient } from '@tanstack/react-query';
import { useState, type DragEvent } from 'react';
import type { ShotRefs } from '../../../../shared/domain/library';
import { libraryKeys } from '../library/libraryApi';
import { toInput } from '../refs/slots';
import { act } from '../library/actions';
import { carries, ITEM_TYPE } from '../library/dnd';
import { droppedFiles, hasFiles } from '../library/files';
import { useImport } from '../library/useImport';
import { SCRIPT_FILE, useScriptImport } from '../script/store';
import { useUi } from '../../stores/ui';

export type CardDropPart = 'keyframe' | 'slot';
export interface CardDropTarget {
  shotId: string;
  label: string;
  part: CardDropPart;
}

/** The card and the part of it under the pointer, read from the DOM the event hit. */
function targetOf(e: DragEvent): CardDropTarget | null {
  const card = (e.target as Element | null)?.closest?.<HTMLElement>('[data-shot-id]');
  if (!card) return null;
  const part: CardDropPart = (e.target as Element).closest('.thumb-frame, .card-body') ? 'keyframe' : 'slot';
  return { shotId: card.dataset.shotId!, label: card.dataset.shotLabel!, part };
}

export function useCardDrop() {
  const runImport = useImport();
  const qc = useQueryClient();
  const [over, setOver] = useState<CardDropTarget | null>(null);
  const notify = useUi.getState().notify;

  const onDragOver = (e: DragEvent) => {
    if (!(hasFiles(e.dataTransfer) || carries(e.dataTransfer, ITEM_TYPE))) return;
    e.preventDefault();
    const t = targetOf(e);
    if (t?.shotId !== over?.shotId || t?.part !== over?.part) setOver(t);
  };

  const onDrop = (e: DragEvent) => {
    setOver(null);
    const script = [...e.dataTransfer.files].find((f) => SCRIPT_FILE.test(f.name));
    if (script) {
      e.preventDefault();
      useScriptImport.getState().show(script);
      return;
    }
    const t = targetOf(e);
    if (!t) {
      if (hasFiles(e.dataTransfer)) {
        e.preventDefault();
        notify('info', 'Drop an image on a shot card: on its frame for the start keyframe, on the rest of the card for a reference.');
      }
      return;
    }
    e.preventDefault();
    const where = t.part === 'keyframe' ? `the start keyframe of ${t.label}` : `a reference of ${t.label}`;
    if (carries(e.dataTransfer, ITEM_TYPE)) {
      const itemId = e.dataTransfer.getData(ITEM_TYPE);
      const now = qc.getQueryData<Record<string, ShotRefs>>(libraryKeys.refs)?.[t.shotId]?.refs ?? [];
      void (
        t.part === 'keyframe'
          ? act('refs.setKeyframe', { shotId: t.shotId, which: 'start', source: { itemId } })
          : act('refs.set', { shotId: t.shotId, refs: [...toInput(now), { itemId }] })
      ).then((done) => done !== undefined && notify('info', `Set ${where} — Ctrl+Z to undo`));
      return;
    }
    void droppedFiles(e.dataTransfer).then(async (files) => {
      const target = t.part === 'keyframe' ? ({ to: 'keyframe', shotId: t.shotId, which: 'start' } as const) : ({ to: 'slot', shotId: t.shotId } as const);
      const summary = await runImport(t.part === 'keyframe' ? files.slice(0, 1) : files, target, where);
      if (summary?.added.length) notify('info', `${summary.added.length === 1 ? 'Made' : `Added ${summary.added.length} images as`} ${where} — Ctrl+Z to undo`);
    });
  };

  return { over, onDragOver, onDragLeave: () => setOver(null), onDrop };
}
