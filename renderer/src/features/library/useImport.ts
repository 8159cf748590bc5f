// Runs an import of dropped, picked or pasted files: progress from the core's events, one
// summary at the end (added, skipped, refused and why), and the data refreshed.
import { useCallback } from 'react';
import type { ImportSummary, ImportTarget } from '../../../../shared/domain/library';
import { call, errorMessage } from '../../api/client';
import { useUi } from '../../stores/ui';
import { plan, toImportFiles, type Dropped } from './files';
import { useLibraryUi } from './store';

let seq = 0;

export function describeSummary(s: ImportSummary): string {
  const parts = [];
  if (s.added.length) parts.push(`${s.added.length} image${s.added.length === 1 ? '' : 's'} added`);
  if (s.skipped.length) parts.push(`${s.skipped.length} already there`);
  if (s.refused.length) parts.push(`${s.refused.length} refused`);
  return parts.join(', ') || 'Nothing to import';
}

export function useImport() {
  return useCallback(async (dropped: Dropped[], target: ImportTarget, label: string): Promise<ImportSummary | null> => {
    const lib = useLibraryUi.getState();
    const notify = useUi.getState().notify;
    if (dropped.length === 0) return null;
    const id = `import-${Date.now()}-${++seq}`;
    const { batches, refused } = plan(dropped);
    const total: ImportSummary = { added: [], skipped: [], refused: [...refused], itemsCreated: [] };
    lib.start({ id, label, done: refused.length, total: dropped.length });
    try {
      for (const batch of batches) {
        const files = await toImportFiles(batch);
        const part = await call('library.import', { importId: id, files, target });
        total.added.push(...part.added);
        total.skipped.push(...part.skipped);
        total.refused.push(...part.refused);
        total.itemsCreated.push(...part.itemsCreated);
      }
    } catch (err) {
      notify('error', errorMessage(err));
    }
    useLibraryUi.getState().finish(id, label, total);
    if (total.refused.length) notify('error', `${label}: ${describeSummary(total)}. ${total.refused[0]!.name}: ${total.refused[0]!.reason}`);
    return total;
  }, []);
}
