// The playhead and the timeline follow each other: the shot under the playhead is the focused
// (highlighted) shot on the timeline, and focusing a shot there — a click, the arrow keys —
// moves the playhead to its first frame.
import { useEffect } from 'react';
import { single } from '../../lib/selection';
import { useUi } from '../../stores/ui';
import type { PlayerContextValue } from './usePlayer';

export function useCutSync(ctx: PlayerContextValue | null): void {
  useEffect(() => {
    if (!ctx) return;
    const { engine, items } = ctx;
    const indexOf = new Map(items.map((it, i) => [it.shotId, i]));
    let synced = items[engine.getState().index]?.shotId ?? null;

    const fromUi = (focus: string | null) => {
      if (!focus || focus === synced) return;
      const i = indexOf.get(focus);
      if (i === undefined) return;
      synced = focus;
      engine.seek(items[i]!.recordIn);
    };
    const fromPlayer = () => {
      const id = items[engine.getState().index]?.shotId;
      if (!id || id === synced) return;
      synced = id;
      const ui = useUi.getState();
      if (ui.selection.focus !== id) ui.setSelection(single(id));
    };

    fromUi(useUi.getState().selection.focus);
    const offEngine = engine.subscribe(fromPlayer);
    const offUi = useUi.subscribe((s, prev) => {
      if (s.selection.focus !== prev.selection.focus) fromUi(s.selection.focus);
    });
    return () => {
      offEngine();
      offUi();
    };
  }, [ctx]);
}
