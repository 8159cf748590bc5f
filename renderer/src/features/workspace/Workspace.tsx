// The editing window: header, library | player over timeline | inspector, status bar. Panel
// sizes come from the persisted layout store and change by dragging or keyboard splitters.
import type { ProjectSnapshot } from '../../../../shared/domain/types';
import { Splitter } from '../../components/Splitter';
import { timelineOf } from '../../lib/timeline';
import { PANEL_LIMITS, useLayout } from '../../stores/layout';
import { useActions } from '../commands/ActionsContext';
import { useGlobalShortcuts } from '../commands/useShortcuts';
import { CostPanel } from '../cost/CostPanel';
import { ExportDialogs } from '../export/ExportMenu';
import { Inspector } from '../inspector/Inspector';
import { QueuePanel } from '../queue/QueuePanel';
import { Timeline } from '../timeline/Timeline';
import { TimelineToolbar } from '../timeline/TimelineToolbar';
import { Header } from './Header';
import { LibraryPanel } from './LibraryPanel';
import { PlayerArea } from './PlayerArea';
import { StatusBar } from './StatusBar';

export function Workspace({ snapshot }: { snapshot: ProjectSnapshot }) {
  const actions = useActions();
  useGlobalShortcuts(actions);
  const sizes = useLayout((s) => s.sizes);
  const setSize = useLayout((s) => s.setSize);
  const model = timelineOf(snapshot);

  return (
    <div className="app-shell">
      <Header snapshot={snapshot} />
      <div className="workspace" style={{ gridTemplateColumns: `${sizes.left}px auto minmax(360px, 1fr) auto ${sizes.right}px` }}>
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
          <div className="panel-scroll" style={{ height: sizes.cost }}>
            <h2 className="panel-title">Cost</h2>
            <CostPanel snapshot={snapshot} />
          </div>
        </aside>
        <Splitter label="Resize library panel" orientation="vertical" value={sizes.left} {...PANEL_LIMITS.left} sign={1} onChange={(v) => setSize('left', v)} />
        <main className="center" aria-label="Timeline area">
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
          <QueuePanel />
        </main>
        <Splitter
          label="Resize inspector panel"
          orientation="vertical"
          value={sizes.right}
          {...PANEL_LIMITS.right}
          sign={-1}
          onChange={(v) => setSize('right', v)}
        />
        <aside className="panel panel-right">
          <div className="panel-scroll">
            <Inspector snapshot={snapshot} />
          </div>
        </aside>
      </div>
      <StatusBar snapshot={snapshot} totalFrames={model.totalFrames} />
      <ExportDialogs />
    </div>
  );
}
