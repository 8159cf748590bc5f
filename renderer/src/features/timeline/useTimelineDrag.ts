// Drag and drop on the virtualized timeline. dnd-kit supplies the pointer sensor, the overlay
// and auto-scroll; where a drop lands is computed from the layout model (lib/layout) rather
// than from mounted droppables, because most rows are not mounted at any moment.
import { PointerSensor, useSensor, useSensors, type DragStartEvent } from '@dnd-kit/core';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { GEOMETRY, sceneDropAt, shotDropAt, type TimelineLayout } from '../../lib/layout';
import { sceneSlotIndex, slotTarget } from '../../lib/moves';
import { single } from '../../lib/selection';
import type { TimelineModel } from '../../lib/timeline';
import { useUi } from '../../stores/ui';
import type { Actions } from '../commands/actions';

export type DragState =
  { kind: 'shot'; ids: string[]; hint: { sceneId: string; row: number; x: number } | null } | { kind: 'scene'; sceneId: string; hint: { y: number } | null };

export function useTimelineDrag(scrollRef: RefObject<HTMLElement | null>, model: TimelineModel, layout: TimelineLayout, actions: Actions) {
  const [drag, setDrag] = useState<DragState | null>(null);
  const pointer = useRef({ x: 0, y: 0 });
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }));
  const latest = useRef({ model, layout, drag });
  useEffect(() => {
    latest.current = { model, layout, drag };
  });

  /** Pointer position in content coordinates (x from the padded content edge, y from the top). */
  const contentPoint = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return null;
    const box = el.getBoundingClientRect();
    return { x: pointer.current.x - box.left - GEOMETRY.padX + el.scrollLeft, y: pointer.current.y - box.top + el.scrollTop };
  }, [scrollRef]);

  const updateHint = useCallback(() => {
    const { layout: l, model: m, drag: d } = latest.current;
    const p = contentPoint();
    if (!d || !p) return;
    if (d.kind === 'shot') {
      const slot = shotDropAt(l, p.x, p.y);
      const valid = slot && slotTarget(m, d.ids, slot.sceneId, slot.slot);
      const hint = valid ? { sceneId: slot.sceneId, row: slot.row, x: slot.x } : null;
      if (JSON.stringify(hint) !== JSON.stringify(d.hint)) setDrag({ ...d, hint });
    } else {
      const slot = sceneDropAt(l, p.y);
      const valid = slot && sceneSlotIndex(m, d.sceneId, slot.slot) !== null;
      const hint = valid ? { y: slot.y } : null;
      if (hint?.y !== d.hint?.y) setDrag({ ...d, hint });
    }
  }, [contentPoint]);

  // Track the real pointer: dnd-kit's deltas do not include our own scroll container's auto-scroll.
  useEffect(() => {
    if (!drag) return;
    const onMove = (e: PointerEvent) => {
      pointer.current = { x: e.clientX, y: e.clientY };
      updateHint();
    };
    const el = scrollRef.current;
    window.addEventListener('pointermove', onMove);
    el?.addEventListener('scroll', updateHint);
    return () => {
      window.removeEventListener('pointermove', onMove);
      el?.removeEventListener('scroll', updateHint);
    };
  }, [drag, scrollRef, updateHint]);

  const onDragStart = useCallback((e: DragStartEvent) => {
    const start = e.activatorEvent as PointerEvent;
    pointer.current = { x: start.clientX, y: start.clientY };
    const data = e.active.data.current as { kind: 'shot' } | { kind: 'scene'; sceneId: string } | undefined;
    if (data?.kind === 'scene') {
      setDrag({ kind: 'scene', sceneId: data.sceneId, hint: null });
      return;
    }
    const id = String(e.active.id);
    const { selection, setSelection } = useUi.getState();
    // Dragging a selected card moves the whole selection; an unselected card moves alone.
    let ids = selection.ids;
    if (!ids.includes(id)) {
      setSelection(single(id));
      ids = [id];
    }
    setDrag({ kind: 'shot', ids, hint: null });
  }, []);

  const onDragEnd = useCallback(() => {
    const { layout: l, model: m, drag: d } = latest.current;
    const p = contentPoint();
    setDrag(null);
    if (!d || !p) return;
    if (d.kind === 'shot') {
      const slot = shotDropAt(l, p.x, p.y);
      const target = slot && slotTarget(m, d.ids, slot.sceneId, slot.slot);
      if (target) void actions.moveShots(d.ids, target);
    } else {
      const slot = sceneDropAt(l, p.y);
      const to = slot && sceneSlotIndex(m, d.sceneId, slot.slot);
      if (to !== null && to !== undefined) void actions.moveScene(d.sceneId, to);
    }
  }, [actions, contentPoint]);

  const onDragCancel = useCallback(() => setDrag(null), []);

  return { drag, sensors, onDragStart, onDragEnd, onDragCancel };
}
