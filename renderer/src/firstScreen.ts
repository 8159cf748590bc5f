// The first screen's reads, asked before React's first render. Asked by the components instead,
// each waits for the one before it: the snapshot for the answer about the project and a render,
// the cut and the cards' pictures for the workspace's first render, after which each answer drew
// the window again. Here they are taken from the reads sent at the page's start (firstReads.ts),
// and the workspace is first drawn with the cut in the player and the pictures on the cards. The
// rest (the money, sound, jobs, the library) follows as before: waiting for it too made the first
// card 60–100 ms later.
import type { FetchQueryOptions, QueryClient, QueryKey } from '@tanstack/react-query';
import type { Channel } from '../../shared/contract';
import { appInfoQuery, currentProjectQuery, snapshotQuery } from './api/queries';
import { playbackCutQuery, takeStripsQuery } from './api/takes';
import { allShotRefsQuery } from './features/library/libraryApi';
import { takeFirstReads, type FirstReads } from './firstReads';

type Read = FetchQueryOptions<unknown, Error, unknown, QueryKey>;

/** What the first paint shows of the project; anything else is asked for by its component. */
export const PROJECT_READS: readonly Read[] = [snapshotQuery, playbackCutQuery, takeStripsQuery, allShotRefsQuery, appInfoQuery] as readonly Read[];

/** The contract channel a read asks (see `readQuery`). */
export const channelOf = (query: Read): Channel => (query.meta as { channel: Channel }).channel;

/** However slow the core is to answer, the window renders (and says it is loading) by then. */
export const FIRST_SCREEN_WAIT_MS = 1500;

/**
 * Fills the query cache for the first screen from the reads sent at the page's start, then
 * resolves; at the latest after FIRST_SCREEN_WAIT_MS (a read still running is then shared with
 * the component that asks).
 */
export function seedFirstScreen(qc: QueryClient, reads: FirstReads | null = takeFirstReads()): Promise<void> {
  if (!reads) return Promise.resolve();
  const seed = (query: Read) => ({ ...query, queryFn: reads.answer(channelOf(query)) });
  const seeded = qc
    .fetchQuery(seed(currentProjectQuery as Read))
    .then(async (current) => {
      if (current) await Promise.all(PROJECT_READS.map((query) => qc.prefetchQuery(seed(query))));
    })
    // A failed read keeps its error for the component that shows it; the wait is over either way.
    .catch(() => undefined)
    .finally(() => {
      // The core's events refresh the cache as ever (coreEvents.ts), but a read's answer landing after
      // the change it missed would clear the mark: so once all have landed, a change since the reads
      // went out marks every read stale, to be asked again by the components.
      if (reads.end()) void qc.invalidateQueries();
    });
  return Promise.race([seeded, new Promise<void>((resolve) => setTimeout(resolve, FIRST_SCREEN_WAIT_MS))]);
}
