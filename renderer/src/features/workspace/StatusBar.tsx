import { framesToTimecode } from '../../../../shared/domain/timecode';
import type { ProjectSnapshot } from '../../../../shared/domain/types';
import { useHistoryState } from '../../api/queries';
import { useUi } from '../../stores/ui';
import { pathForRtlBox } from '../../lib/labels';

/** Counts, the cut's duration as timecode, the project's frame and where it lives. */
export function StatusBar({ snapshot, totalFrames }: { snapshot: ProjectSnapshot; totalFrames: number }) {
  const history = useHistoryState().data;
  const selected = useUi((s) => s.selection.ids.length);
  return (
    <footer className="status-bar">
      <span>
        {snapshot.scenes.length} {snapshot.scenes.length === 1 ? 'scene' : 'scenes'} · {snapshot.shots.length} {snapshot.shots.length === 1 ? 'shot' : 'shots'}
        {selected > 1 ? ` · ${selected} selected` : ''}
      </span>
      <span title="Duration of the cut at 24 fps">Duration {framesToTimecode(totalFrames)}</span>
      <span>{snapshot.project.aspectRatio} · 24 fps</span>
      {history?.undoLabel && <span className="muted">Last edit: {history.undoLabel}</span>}
      <span className="status-spacer" />
      <span className="status-path" title={snapshot.project.path}>
        {pathForRtlBox(snapshot.project.path)}
      </span>
    </footer>
  );
}
