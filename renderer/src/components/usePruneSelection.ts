// Drops selected shots that no longer exist, for every view of the shots (timeline, board).
import { useEffect } from 'react';
import { pruneSelection } from '../lib/selection';
import type { TimelineModel } from '../lib/timeline';
import { useUi } from '../stores/ui';

/**
 * Prunes only when the shots change: a selection set by an action (a duplicate's copies) may
 * arrive a render before the refetched snapshot that contains those shots.
 */
export function usePruneSelection(model: TimelineModel): void {
  useEffect(() => {
    const { selection: current, setSelection } = useUi.getState();
    const pruned = pruneSelection(current, model.order);
    if (pruned !== current) setSelection(pruned);
  }, [model]);
}
