// The shot timeline. Layout choice: a vertical list of scene rows whose cards wrap into lines,
// virtualized by line (@tanstack/react-virtual). One horizontal strip per scene would need 40
// nested horizontal virtualizers for a 500-shot film, and a single horizontal strip makes
// Up/Down and scene headers awkward. Lines of known height keep the virtualizer exact, let
// Up/Down mean "the card above", and let drops be hit-tested from the layout model (see
// useTimelineDrag) even for rows that are not mounted.
import { DndContext, DragOverlay } from '@dnd-kit/core';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, type MouseEvent } from 'react';
import type { ProjectSnapshot } from '../../../../shared/domain/types';
import { PlusIcon } from '../../components/icons';
import { primary } from '../../components/keys';
import { useElementWidth } from '../../components/useElementWidth';
import { usePruneSelection } from '../../components/usePruneSelection';
import { ratioValue } from '../../lib/labels';
import { cardHeight, GEOMETRY, layoutTimeline, thumbHeight } from '../../lib/layout';
import { clickSelect } from '../../lib/selection';
import { costOf } from '../../lib/snapshotCost';
import { timelineOf } from '../../lib/timeline';
import { useUi } from '../../stores/ui';
import { useActions } from '../commands/ActionsContext';
import { DragGhost } from './DragGhost';
import { EmptySceneRow, SceneHeader } from './SceneHeader';
import { useCardData } from './cardData';
import { ShotCard, shotOptionId } from './ShotCard';
import { TIMELINE_HELP } from './ShortcutsHelp';
import { useTimelineDrag } from './useTimelineDrag';
import { useTimelineKeys } from './useTimelineKeys';
import { useCardDrop } from './useCardDrop';

// Drags are pointer-only here (keyboard users have Alt+arrows), so say that instead of
// dnd-kit's default space-bar instructions, and announce in the app's own words.
const DND_ACCESSIBILITY = {
  screenReaderInstructions: {
    draggable: 'Drag with the pointer to reorder. From the keyboard, use Alt with the arrow keys on the timeline, or the scene move buttons.',
  },
  announcements: {
    onDragStart: () => 'Picked up.',
    onDragOver: () => undefined,
    onDragMove: () => undefined,
    onDragEnd: () => 'Dropped.',
    onDragCancel: () => 'Move cancelled.',
  },
};

export function Timeline({ snapshot }: { snapshot: ProjectSnapshot }) {
  const actions = useActions();
  const model = timelineOf(snapshot);
  const sceneUsd = useMemo(() => new Map(costOf(snapshot).byScene.map((s) => [s.sceneId, s.usd])), [snapshot]);
  const zoom = useUi((s) => s.zoom);
  const selection = useUi((s) => s.selection);
  const focusTick = useUi((s) => s.focusTimelineTick);
  const scrollRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(scrollRef);
  const ratio = ratioValue(snapshot.project.aspectRatio);
  const layout = useMemo(() => layoutTimeline(model, width || 960, zoom, ratio), [model, width, zoom, ratio]);
  const { drag, sensors, onDragStart, onDragEnd, onDragCancel } = useTimelineDrag(scrollRef, model, layout, actions);
  const cardDrop = useCardDrop();
  const cardData = useCardData();
  const onKeyDown = useTimelineKeys(model, layout, actions);

  // Keep the focused card's row (and the dragged cards' rows) mounted so aria-activedescendant
  // and the drag source stay valid however far the list scrolls.
  const focusRow = selection.focus ? layout.place.get(selection.focus)?.row : undefined;
  const dragRows = useMemo(() => (drag?.kind === 'shot' ? drag.ids.map((id) => layout.place.get(id)?.row) : []), [drag, layout]);
  const virtualizer = useVirtualizer({
    count: layout.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => layout.heights[i] ?? 0,
    getItemKey: (i) => layout.rows[i]?.key ?? i,
    overscan: 4,
    rangeExtractor: (range) => {
      const rows = new Set(defaultRangeExtractor(range));
      for (const r of [focusRow, ...dragRows]) if (r !== undefined) rows.add(r);
      return [...rows].sort((a, b) => a - b);
    },
  });
  useEffect(() => {
    virtualizer.measure();
  }, [layout, virtualizer]);

  usePruneSelection(model);

  useEffect(() => {
    if (focusTick) listRef.current?.focus({ preventScroll: true });
  }, [focusTick]);

  useEffect(() => {
    if (focusRow !== undefined) virtualizer.scrollToIndex(focusRow, { align: 'auto' });
  }, [focusRow, virtualizer]);

  const onPick = useCallback(
    (id: string, e: MouseEvent) => {
      const ui = useUi.getState();
      ui.setSelection(clickSelect(ui.selection, id, { toggle: primary(e), range: e.shiftKey }, model.order));
      ui.setActiveScene(null);
    },
    [model],
  );

  const selected = useMemo(() => new Set(selection.ids), [selection.ids]);
  const dragged = useMemo(() => new Set(drag?.kind === 'shot' ? drag.ids : []), [drag]);
  const items = virtualizer.getVirtualItems();
  const thumbH = thumbHeight(zoom, ratio);
  const activeId = selection.focus && model.shotById.has(selection.focus) ? shotOptionId(selection.focus) : undefined;

  return (
    <DndContext
      sensors={sensors}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={onDragCancel}
      autoScroll={{ threshold: { x: 0, y: 0.12 } }}
      accessibility={DND_ACCESSIBILITY}
    >
      <p id="timeline-help" hidden>
        {TIMELINE_HELP}
      </p>
      <div className="timeline-scroll" ref={scrollRef} onDragOver={cardDrop.onDragOver} onDragLeave={cardDrop.onDragLeave} onDrop={cardDrop.onDrop}>
        {model.blocks.length === 0 && (
          <div className="empty-state timeline-empty">
            <p className="empty-title">No shots yet</p>
            <p>Press Ctrl+Enter or click Add shot to start laying out the film.</p>
            <button type="button" className="btn btn-primary" onClick={() => void actions.addShot()}>
              <PlusIcon /> Add first shot
            </button>
          </div>
        )}
        <div className="timeline-content" style={{ height: virtualizer.getTotalSize() }}>
          <div
            ref={listRef}
            role="listbox"
            aria-label="Timeline"
            aria-multiselectable="true"
            aria-activedescendant={activeId}
            aria-describedby="timeline-help"
            tabIndex={0}
            className="timeline-listbox"
            onKeyDown={onKeyDown}
            onPointerDown={() => listRef.current?.focus({ preventScroll: true })}
          >
            {items.map((v) => {
              const row = layout.rows[v.index];
              if (row?.kind !== 'cards') return null;
              const hint = drag?.kind === 'shot' && drag.hint?.row === v.index ? drag.hint : null;
              return (
                <div key={v.key} role="none" className="card-line" style={{ transform: `translateY(${v.start}px)`, height: cardHeight(zoom, ratio) }}>
                  {row.shotIds.map((id, i) => (
                    <ShotCard
                      key={id}
                      shot={model.shotById.get(id)!}
                      data={cardData(id)}
                      width={row.widths[i]!}
                      thumbHeight={thumbH}
                      ratio={ratio}
                      selected={selected.has(id)}
                      focused={selection.focus === id}
                      dimmed={dragged.has(id)}
                      dropPart={cardDrop.over?.shotId === id ? cardDrop.over.part : null}
                      onPick={onPick}
                    />
                  ))}
                  {hint && <div className="drop-mark" style={{ left: GEOMETRY.padX + hint.x - 1 }} />}
                </div>
              );
            })}
          </div>
          {items.map((v) => {
            const row = layout.rows[v.index];
            if (!row || row.kind === 'cards') return null;
            const block = model.blocks[row.sceneIndex]!;
            return (
              <div key={v.key} className={`timeline-row row-${row.kind}`} style={{ transform: `translateY(${v.start}px)`, height: v.size }}>
                {row.kind === 'header' ? (
                  <SceneHeader
                    scene={block.scene}
                    index={row.sceneIndex}
                    sceneCount={model.blocks.length}
                    shots={block.shots.length}
                    durationS={block.durationS}
                    usd={sceneUsd.get(block.scene.id) ?? 0}
                    dragging={drag?.kind === 'scene' && drag.sceneId === block.scene.id}
                  />
                ) : (
                  <EmptySceneRow sceneId={block.scene.id} number={block.scene.number} highlighted={drag?.kind === 'shot' && drag.hint?.row === v.index} />
                )}
              </div>
            );
          })}
          {drag?.kind === 'scene' && drag.hint && <div className="scene-drop-mark" style={{ top: drag.hint.y - 1 }} />}
        </div>
      </div>
      <DragOverlay dropAnimation={null}>{drag && <DragGhost drag={drag} model={model} />}</DragOverlay>
    </DndContext>
  );
}
