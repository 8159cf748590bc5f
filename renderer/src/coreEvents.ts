// The one place the core's pushed events become cache updates, listening from the page's start
// so data stays fresh whichever panels are open. `project.changed` names the tables an edit wrote (read off the
// undo log in the core); each query is refetched when a table it reads is among them.
import type { QueryClient } from '@tanstack/react-query';
import type { EventMap, EventName } from '../../shared/contract';
import { hasBridge, subscribe } from './api/client';
import { keys } from './api/queries';
import { takeKeys } from './api/takes';
import { libraryKeys } from './features/library/libraryApi';
import { useLibraryUi } from './features/library/store';
import { announceBatch, jobKeys } from './features/queue/jobsApi';
import { useQueueUi } from './features/queue/store';
import { soundKeys } from './features/sound/soundApi';
import { useJobProgressStore } from './stores/jobProgress';

const LIBRARY = ['library_items', 'library_images', 'shot_refs', 'shot_keyframes', 'shots'];

/** Which queries read which tables; 'any' for views built from the whole project (the snapshot, takes, the cut). */
const READS: Array<{ key: readonly unknown[]; tables: readonly string[] | 'any' }> = [
  { key: keys.snapshot, tables: 'any' },
  { key: keys.current, tables: ['project'] },
  { key: libraryKeys.list, tables: LIBRARY },
  { key: libraryKeys.refs, tables: LIBRARY },
  { key: takeKeys.all, tables: 'any' },
  { key: takeKeys.cut, tables: 'any' },
  // Money follows every edit at once: tools, durations, references and the budget all price it.
  { key: jobKeys.plan, tables: 'any' },
  { key: jobKeys.status, tables: ['project'] },
  // The beds, and the duck amount kept on the project row.
  { key: soundKeys.music, tables: ['music_beds', 'project'] },
  // Every shot's lines, cues and their takes: shots, takes, circles, cues and the tools' durations all shape it.
  { key: soundKeys.shots, tables: 'any' },
];

type Handlers = { [E in EventName]: ((qc: QueryClient, payload: EventMap[E]) => void) | null };

const refresh = (qc: QueryClient, ...queryKeys: ReadonlyArray<readonly unknown[]>) => {
  for (const queryKey of queryKeys) void qc.invalidateQueries({ queryKey });
};

/** Every event, with what it refreshes; null where a feature's own UI follows the event instead. */
export const CORE_EVENTS: Handlers = {
  'project.changed': (qc, { tables }) => {
    for (const r of READS) if (r.tables === 'any' || r.tables.some((t) => tables.includes(t))) refresh(qc, r.key);
  },
  'project.opened': (qc, { project }) => {
    qc.setQueryData(keys.current, project);
    useJobProgressStore.getState().reset();
    useLibraryUi.getState().reset();
    refresh(
      qc,
      keys.snapshot,
      keys.recent,
      keys.history,
      jobKeys.all,
      jobKeys.generation,
      libraryKeys.all,
      takeKeys.all,
      takeKeys.cut,
      soundKeys.music,
      soundKeys.shots,
    );
  },
  'history.changed': (qc, state) => qc.setQueryData(keys.history, state),
  'jobs.changed': (qc, { takes }) => {
    refresh(qc, jobKeys.list, jobKeys.status, jobKeys.plan);
    if (takes) refresh(qc, takeKeys.all, takeKeys.cut, soundKeys.shots);
  },
  'jobs.engine': (qc) => refresh(qc, jobKeys.list, jobKeys.status),
  'jobs.progress': (_qc, { jobId, progress }) => useJobProgressStore.getState().set(jobId, progress),
  'jobs.preparing': (_qc, { done, total }) => useQueueUi.getState().setPreparing(done, total),
  'jobs.batchFinished': (_qc, batch) => announceBatch(batch),
  'library.importProgress': (_qc, p) => useLibraryUi.getState().progress(p),
  'menu.command': null,
  'cut.animaticProgress': null,
  'export.progress': null,
};

/**
 * Applies the core's events to `qc` from now on; called before the first read is sent, so no event
 * slips between the first screen's reads and the app's first render.
 */
export function listenToCore(qc: QueryClient): () => void {
  if (!hasBridge()) return () => {};
  const offs = (Object.keys(CORE_EVENTS) as EventName[]).flatMap((event) => {
    const handle = CORE_EVENTS[event] as ((qc: QueryClient, payload: unknown) => void) | null;
    return handle ? [subscribe(event, (payload) => handle(qc, payload))] : [];
  });
  return () => offs.forEach((off) => off());
}
