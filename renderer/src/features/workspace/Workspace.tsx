// The editing window: header, library | player over timeline | inspector, status bar. Panel
// sizes come from the persisted layout store and change by dragging or keyboard splitters.
import type { ProjectSnapshot } from '../../../../shared/domain/types';
import { Splitter } from '../../components/Splitter';
import { timelineOf } from '../../lib/timeline';
import { PANEL_LIMITS, useLayout } from '../../stores/layout';
import { useUi } from '../../stores/ui';
import { useActions } from '../commands/ActionsContext';
import { useGlobalShortcuts } from '../commands/useShortcuts';
import { Board } from '../board/Board';
import { BoardToolbar } from '../board/BoardToolbar';
import { CostPanel } from '../cost/CostPanel';
import { ExportDialogs } from '../export/ExportMenu';
import { Inspector } from '../inspector/Inspector';
import { QueuePanel } from '../queue/QueuePanel';
import { SkippedDialog } from '../queue/SkippedDialog';
import { SketchDialog } from '../sketch/SketchDialog';
import { Timeline } from '../timeline/Timeline';
import { TimelineToolbar } from '../timeline/TimelineToolbar';
import { Header } from './Header';
import { LibraryPanel } from './LibraryPanel';
import { PlayerArea } from './PlayerArea';
import { StatusBar } from './StatusBar';

/** The folded inspector's width: room for its one line of text, set sideways. */
const INSPECTOR_RAIL = 30;

export function Workspace({ snapshot }: { snapshot: ProjectSnapshot }) {
  const actions = useActions();
  useGlobalShortcuts(actions);
  const sizes = useLayout((s) => s.sizes);
  const setSize = useLayout((s) => s.setSize);
  const board = useLayout((s) => s.view === 'board');
  const model = timelineOf(snapshot);
  // With no shot to inspect the inspector folds to a rail, giving the timeline its width.
  const inspecting = useUi((s) => !!s.selection.focus && snapshot.shots.some((shot) => shot.id === s.selection.focus));
  const right = inspecting ? `auto ${sizes.right}px` : `${INSPECTOR_RAIL}px`;

  return (
    <div className="app-shell">
      <Header snapshot={snapshot} />
      <div className="workspace" style={{ gridTemplateColumns: `${sizes.left}px auto minmax(360px, 1fr) ${right}` }}>
        <aside className="panel panel-left">
          <div className="panel-fill">
            <LibraryPanel />
          </div>
          <Splitter
            label="Resize cost panel"
            orientation="horizontal"
            value={sizes.cost}
            {...PANEL_LIMITS.cost}
            sign={-1}
            onChange={(v) => setSize('cost', v)}
          />
          {/* Capped so the library keeps room on a short screen, whatever height was dragged on a tall one. */}
          <div className="panel-scroll" style={{ height: `min(${sizes.cost}px, 45vh)` }}>
            <h2 className="panel-title">Cost</h2>
            <CostPanel snapshot={snapshot} />
          </div>
        </aside>
        <Splitter label="Resize library panel" orientation="vertical" value={sizes.left} {...PANEL_LIMITS.left} sign={1} onChange={(v) => setSize('left', v)} />
        <main className="center" aria-label="Timeline area">
          {/* The board is a review of pictures: it takes the player's height too. */}
          {board ? (
            <>
              <BoardToolbar />
              <Board snapshot={snapshot} />
            </>
          ) : (
            <>
              <div className="player-wrap" style={{ height: sizes.player }}>
                <PlayerArea snapshot={snapshot} model={model} />
              </div>
              <Splitter
                label="Resize player"
                orientation="horizontal"
                value={sizes.player}
                {...PANEL_LIMITS.player}
                sign={1}
                onChange={(v) => setSize('player', v)}
              />
              <TimelineToolbar shotCount={snapshot.shots.length} />
              <Timeline snapshot={snapshot} />
            </>
          )}
          <QueuePanel />
          <SkippedDialog />
        </main>
        {inspecting && (
          <Splitter
            label="Resize inspector panel"
            orientation="vertical"
            value={sizes.right}
            {...PANEL_LIMITS.right}
            sign={-1}
            onChange={(v) => setSize('right', v)}
          />
        )}
        <aside className={`panel panel-right${inspecting ? '' : ' is-rail'}`}>
          <div className="panel-scroll">
            <Inspector snapshot={snapshot} />
          </div>
        </aside>
      </div>
      <StatusBar snapshot={snapshot} totalFrames={model.totalFrames} />
      <ExportDialogs />
      <SketchDialog snapshot={snapshot} />
    </div>
  );
}
