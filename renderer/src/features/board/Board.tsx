// The board: the whole film as a grid of circled frames by scene, virtualised by row (scene
// heading, line of panels) like the timeline, so 500 shots mount only the rows on screen. Picking
// panels uses the timeline's selection, so the inspector follows; arrows move between panels.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { formatRunningTime } from '../../../../shared/domain/timecode';
import type { ProjectSnapshot } from '../../../../shared/domain/types';
import { plural } from '../../../../shared/domain/words';
import { useMediaUrl, useTakeAction, useTakeStrips } from '../../api/takes';
import { primary } from '../../components/keys';
import { useElementWidth } from '../../components/useElementWidth';
import { usePruneSelection } from '../../components/usePruneSelection';
import { ratioValue } from '../../lib/labels';
import { clickSelect, moveFocusTo, selectAll } from '../../lib/selection';
import { timelineOf } from '../../lib/timeline';
import { useLayout } from '../../stores/layout';
import { useUi } from '../../stores/ui';
import { useSketch } from '../sketch/store';
import { useFramesGenerate } from './boardApi';
import { BoardPanel, boardPanelId, type PanelCommands } from './BoardPanel';
import { BOARD, boardNeighbour, layoutBoard } from './layout';
import './board.css';

const ARROWS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']);

export function Board({ snapshot }: { snapshot: ProjectSnapshot }) {
  const model = timelineOf(snapshot);
  const density = useLayout((s) => s.boardDensity);
  const selection = useUi((s) => s.selection);
  const strips = useTakeStrips().data;
  const mediaUrl = useMediaUrl();
  const select = useTakeAction('takes.select');
  const reject = useTakeAction('takes.reject');
  const frames = useFramesGenerate();
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(scrollRef);
  const ratio = ratioValue(snapshot.project.aspectRatio);
  const layout = useMemo(() => layoutBoard(model, width || 960, density, ratio), [model, width, density, ratio]);
  const virtualizer = useVirtualizer({
    count: layout.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => layout.heights[i] ?? 0,
    getItemKey: (i) => layout.rows[i]?.key ?? i,
    overscan: 3,
  });
  useEffect(() => {
    virtualizer.measure();
  }, [layout, virtualizer]);

  usePruneSelection(model);

  // Stable across renders so memoised panels skip work when only other panels change.
  const mutateSelect = select.mutate;
  const mutateFrames = frames.mutate;
  const mutateReject = reject.mutate;
  const commands = useMemo<PanelCommands>(
    () => ({
      pick: (id: string, e: MouseEvent) => {
        const ui = useUi.getState();
        ui.setSelection(clickSelect(ui.selection, id, { toggle: primary(e), range: e.shiftKey }, model.order));
        ui.setActiveScene(null);
      },
      circle: (shotId, takeId) => mutateSelect({ shotId, takeId }),
      redo: (shotId) => mutateFrames({ shotIds: [shotId] }),
      sketch: (shotId) => useSketch.getState().open(shotId),
      reject: (takeId) => mutateReject({ takeId, rejected: true }),
    }),
    [model, mutateSelect, mutateFrames, mutateReject],
  );

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      const { selection: sel, setSelection } = useUi.getState();
      let target: string | null = null;
      if (primary(e) && e.key.toLowerCase() === 'a') {
        setSelection(selectAll(model.order, sel.focus));
      } else if (ARROWS.has(e.key) && !e.altKey) {
        const from = sel.focus && model.indexOf.has(sel.focus) ? sel.focus : model.order[0];
        if (!from) return;
        target = sel.focus === from ? boardNeighbour(layout, model.order, from, e.key as 'ArrowLeft') : from;
      } else if (e.key === '?') {
        useUi.getState().setShortcutsOpen(true);
      } else if (e.key === 'Home' || e.key === 'End') {
        target = (e.key === 'Home' ? model.order[0] : model.order[model.order.length - 1]) ?? null;
      } else return;
      e.preventDefault();
      if (!target) return;
      setSelection(moveFocusTo(sel, target, e.shiftKey, model.order));
      const row = layout.rowOf.get(target);
      if (row !== undefined) virtualizer.scrollToIndex(row, { align: 'auto' });
      // The panel mounts once its row is in view.
      requestAnimationFrame(() => document.getElementById(boardPanelId(target))?.focus({ preventScroll: true }));
    },
    [model, layout, virtualizer],
  );

  const selected = useMemo(() => new Set(selection.ids), [selection.ids]);
  const items = virtualizer.getVirtualItems();
  return (
    <div className="timeline-scroll" ref={scrollRef} role="region" aria-label="Board" data-testid="board" onKeyDown={onKeyDown}>
      {model.blocks.length === 0 && (
        <div className="empty-state timeline-empty">
          <p className="empty-title">No shots yet</p>
          <p>Add shots on the timeline (Ctrl+Enter), then make frames for them here.</p>
        </div>
      )}
      <div className="timeline-content" style={{ height: virtualizer.getTotalSize() }}>
        {items.map((v) => {
          const row = layout.rows[v.index]!;
          const block = model.blocks[row.sceneIndex]!;
          const style = { transform: `translateY(${v.start}px)`, height: v.size };
          if (row.kind === 'header') {
            return (
              <h3 key={v.key} className="board-row board-scene" style={style} data-testid={`board-scene-${block.scene.number}`}>
                <span className="scene-number">{block.scene.number}</span>
                <span className="board-scene-name">{block.scene.name || 'Untitled scene'}</span>
                <span className="scene-meta">
                  {plural(block.shots.length, 'shot')} · {formatRunningTime(block.durationS)}
                </span>
              </h3>
            );
          }
          if (row.kind === 'empty') {
            return (
              <div key={v.key} className="board-row" style={style}>
                <p className="scene-empty">No shots in this scene yet.</p>
              </div>
            );
          }
          return (
            <div key={v.key} className="board-row board-line" style={{ ...style, gap: BOARD.gap, padding: `0 ${BOARD.padX}px` }}>
              {row.shotIds.map((id) => (
                <BoardPanel
                  key={id}
                  shot={model.shotById.get(id)!}
                  strip={strips?.[id]}
                  width={layout.panelWidth}
                  imageHeight={layout.imageHeight}
                  ratio={ratio}
                  selected={selected.has(id)}
                  focused={selection.focus === id}
                  mediaUrl={mediaUrl}
                  commands={commands}
                />
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
