// The first screen's reads, asked before React's first render. Asked by the components instead,
// each waits for the one before it: the snapshot for the answer about the project and a render,
// the cut and the cards' pictures for the workspace's first render, after which each answer drew
// the window again. Here they go out together once a project is open, and the workspace is first
// drawn with the cut in the player and the pictures on the cards. The rest (the money, sound,
// jobs, the library) follows as before: waiting for it too made the first card 60–100 ms later.
import type { FetchQueryOptions, QueryClient, QueryKey } from '@tanstack/react-query';
import { hasBridge, subscribe } from './api/client';
import { appInfoQuery, currentProjectQuery, snapshotQuery } from './api/queries';
import { playbackCutQuery, takeStripsQuery } from './api/takes';
import { allShotRefsQuery } from './features/library/libraryApi';

type Read = (qc: QueryClient) => Promise<void>;
const read =
  <T>(query: FetchQueryOptions<T, Error, T, QueryKey>): Read =>
  (qc) =>
    qc.prefetchQuery(query);

/** What the first paint shows of the project; anything else is asked for by its component. */
export const PROJECT_READS: readonly Read[] = [read(snapshotQuery), read(playbackCutQuery), read(takeStripsQuery), read(allShotRefsQuery), read(appInfoQuery)];

/** However slow the core is to answer, the window renders (and says it is loading) by then. */
export const FIRST_SCREEN_WAIT_MS = 1500;

/**
 * Fills the query cache for the first screen, then resolves; at the latest after
 * FIRST_SCREEN_WAIT_MS (a read still running is then shared with the component that asks).
 */
export function seedFirstScreen(qc: QueryClient): Promise<void> {
  if (!hasBridge()) return Promise.resolve();
  // The core's events refresh the cache as ever (coreEvents.ts), but a read's answer landing after
  // the change it missed would clear the mark: so once all have landed, a change meanwhile marks
  // every read stale, to be asked again by the components.
  let changed = false;
  const offs = (['project.changed', 'project.opened', 'jobs.changed'] as const).map((event) => subscribe(event, () => (changed = true)));
  const seeded = qc
    .fetchQuery(currentProjectQuery)
    .then(async (current) => {
      if (current) await Promise.all(PROJECT_READS.map((r) => r(qc)));
    })
    // A failed read keeps its error for the component that shows it; the wait is over either way.
    .catch(() => undefined)
    .finally(() => {
      offs.forEach((off) => off());
      if (changed) void qc.invalidateQueries();
    });
  return Promise.race([seeded, new Promise<void>((resolve) => setTimeout(resolve, FIRST_SCREEN_WAIT_MS))]);
}
