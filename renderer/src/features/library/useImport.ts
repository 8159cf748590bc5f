// Runs an import of dropped, picked or pasted files: progress from the core's events, one
// summary at the end (added, skipped, refused and why), and the data refreshed.
import { useCallback } from 'react';
import type { ImportSummary, ImportTarget } from '../../../../shared/domain/library';
import { call, errorMessage } from '../../api/client';
import { useUi } from '../../stores/ui';
import { plan, toImportFiles, type Dropped } from './files';
import { useLibraryUi } from './store';
import { refusedToast } from './summary';

let seq = 0;

export function useImport() {
  return useCallback(async (dropped: Dropped[], target: ImportTarget, label: string): Promise<ImportSummary | null> => {
    const lib = useLibraryUi.getState();
    const notify = useUi.getState().notify;
    if (dropped.length === 0) return null;
    const id = `import-${Date.now()}-${++seq}`;
    const { batches, refused } = plan(dropped);
    const total: ImportSummary = { added: [], skipped: [], refused: [...refused], itemsCreated: [] };
    lib.start({ id, label, done: refused.length, total: dropped.length, startedAt: Date.now() });
    try {
      for (const [i, batch] of batches.entries()) {
        const files = await toImportFiles(batch);
        // Only the first batch takes the dropped-on slot's place; later ones fill empty slots.
        const part = await call('library.import', {
          importId: id,
          files,
          target: i > 0 && target.to === 'slot' ? { to: 'slot', shotId: target.shotId } : target,
        });
        total.added.push(...part.added);
        total.skipped.push(...part.skipped);
        total.refused.push(...part.refused);
        total.itemsCreated.push(...part.itemsCreated);
        total.replaced ??= part.replaced;
      }
    } catch (err) {
      notify('error', errorMessage(err));
    }
    useLibraryUi.getState().finish(id, label, total);
    const toast = refusedToast(label, total);
    if (toast) notify('error', toast);
    return total;
  }, []);
}
