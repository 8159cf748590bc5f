// Keyboard control of the timeline listbox. Arrows move focus (Shift extends the selection),
// Alt+arrows move shots and scenes, and the usual editing keys act on the selection.
import { useCallback, type KeyboardEvent } from 'react';
import { primary } from '../../components/keys';
import { verticalNeighbour, type TimelineLayout } from '../../lib/layout';
import { moveFocusTo, selectAll, single, toggleFocused } from '../../lib/selection';
import type { TimelineModel } from '../../lib/timeline';
import { useUi } from '../../stores/ui';
import type { Actions } from '../commands/actions';

export const ZOOM_STEP = 0.2;

export function useTimelineKeys(model: TimelineModel, layout: TimelineLayout, actions: Actions) {
  return useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      const { selection: sel, setSelection, zoom, setZoom } = useUi.getState();
      const order = model.order;
      const focus = sel.focus && model.indexOf.has(sel.focus) ? sel.focus : null;
      const go = (target: string | null | undefined) => {
        if (target) setSelection(moveFocusTo(sel, target, e.shiftKey, order));
      };
      const mod = primary(e);
      const key = e.key;
      let handled = true;

      if (e.altKey && (key === 'ArrowLeft' || key === 'ArrowRight')) {
        void actions.moveStep(key === 'ArrowLeft' ? -1 : 1);
      } else if (e.altKey && (key === 'ArrowUp' || key === 'ArrowDown')) {
        const sceneId = focus ? model.shotById.get(focus)?.sceneId : undefined;
        const index = model.blocks.findIndex((b) => b.scene.id === sceneId);
        const to = index + (key === 'ArrowUp' ? -1 : 1);
        if (sceneId && index >= 0 && to >= 0 && to < model.blocks.length) void actions.moveScene(sceneId, to);
      } else if (key === 'ArrowLeft' || key === 'ArrowRight') {
        const i = focus ? model.indexOf.get(focus)! : -1;
        go(focus ? order[i + (key === 'ArrowLeft' ? -1 : 1)] : order[0]);
      } else if (key === 'ArrowUp' || key === 'ArrowDown') {
        go(focus ? verticalNeighbour(layout, focus, key === 'ArrowUp' ? -1 : 1) : order[0]);
      } else if (key === 'Home') {
        go(order[0]);
      } else if (key === 'End') {
        go(order[order.length - 1]);
      } else if (mod && key.toLowerCase() === 'a') {
        setSelection(selectAll(order, focus));
      } else if (mod && key.toLowerCase() === 'd') {
        void actions.duplicate();
      } else if (mod && key === ' ') {
        // Space alone plays and pauses (the player listens on the window), as in every editor.
        setSelection(focus ? toggleFocused(sel, order) : order[0] ? single(order[0]) : sel);
      } else if (key === 'Escape') {
        if (focus) setSelection(single(focus));
      } else if (key === 'Delete' || key === 'Backspace') {
        void actions.deleteShots();
      } else if (key === 'Enter' && !mod && !e.altKey) {
        document.getElementById('inspector-action')?.focus();
      } else if (key === '?') {
        useUi.getState().setShortcutsOpen(true);
      } else if ((key === '+' || key === '=') && !mod) {
        setZoom(zoom + ZOOM_STEP);
      } else if (key === '-' && !mod) {
        setZoom(zoom - ZOOM_STEP);
      } else {
        handled = false;
      }
      if (handled) {
        e.preventDefault();
        e.stopPropagation();
      }
    },
    [model, layout, actions],
  );
}
