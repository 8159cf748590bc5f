// A shot's slot edits, one after another. `refs.set` sends the whole list, so an edit computed
// from the list on screen would undo an earlier one the core has not answered yet (two quick
// picks: the second, made from the list without the first, dropped it). Each edit here is
// computed from the list the one before it left, and that list is written to the query cache
// at once, before the refetch its change event asks for.
import type { QueryClient } from '@tanstack/react-query';
import type { ShotRef, ShotRefs } from '../../../../shared/domain/library';
import { libraryKeys } from '../library/libraryApi';
import type { SlotValue } from './slots';

export type SlotChange = (refs: readonly ShotRef[]) => SlotValue[];

/** Runs `change` on shot `shotId`'s latest refs once the edits queued before it are answered; resolves to what `send` answered. */
export function slotEditor(qc: QueryClient, send: (shotId: string, refs: SlotValue[]) => Promise<ShotRefs | undefined>) {
  let last: Promise<unknown> = Promise.resolve();
  return (shotId: string, change: SlotChange): Promise<ShotRefs | undefined> => {
    const run = last.then(async () => {
      const refs = qc.getQueryData<Record<string, ShotRefs>>(libraryKeys.refs)?.[shotId]?.refs ?? [];
      const after = await send(shotId, change(refs));
      if (after) qc.setQueryData<Record<string, ShotRefs>>(libraryKeys.refs, (all) => all && { ...all, [shotId]: after });
      return after;
    });
    last = run.catch(() => undefined);
    return run;
  };
}
