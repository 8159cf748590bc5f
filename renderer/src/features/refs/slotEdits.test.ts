import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { ShotRef, ShotRefs } from '../../../../shared/domain/library';
import { libraryKeys } from '../library/libraryApi';
import { placeIn, type SlotValue } from './slots';
import { slotEditor } from './slotEdits';

const ref = (v: SlotValue, slot: number): ShotRef => ({
  slot,
  itemId: 'itemId' in v ? v.itemId : null,
  imageId: v.imageId ?? `img-${'itemId' in v ? v.itemId : ''}`,
  tag: 'itemId' in v ? v.itemId : null,
  name: 'itemId' in v ? v.itemId : 'loose.png',
  thumbSha256: 'sha',
});

/** A core that answers each `refs.set` only when told, with the list it was sent. */
function slowCore() {
  const sent: SlotValue[][] = [];
  const answers: Array<() => void> = [];
  const send = (shotId: string, refs: SlotValue[]) =>
    new Promise<ShotRefs>((resolve) => {
      sent.push(refs);
      answers.push(() => resolve({ shotId, refs: refs.map(ref), start: null, end: null }));
    });
  return { sent, answers, send };
}

describe('slot edits', () => {
  it('computes a pick made before the last one was answered from the list that one left', async () => {
    const qc = new QueryClient();
    qc.setQueryData<Record<string, ShotRefs>>(libraryKeys.refs, { s1: { shotId: 's1', refs: [], start: null, end: null } });
    const core = slowCore();
    const edit = slotEditor(qc, core.send);
    const first = edit('s1', (refs) => placeIn(refs, 0, { itemId: 'mara' }));
    const second = edit('s1', (refs) => placeIn(refs, 1, { itemId: 'diner' }));
    await Promise.resolve();
    expect(core.sent).toEqual([[{ itemId: 'mara' }]]);
    core.answers[0]!();
    await first;
    await new Promise((r) => setTimeout(r, 0));
    expect(core.sent[1]).toEqual([{ itemId: 'mara', imageId: 'img-mara' }, { itemId: 'diner' }]);
    core.answers[1]!();
    expect((await second)?.refs.map((r) => r.itemId)).toEqual(['mara', 'diner']);
    expect(qc.getQueryData<Record<string, ShotRefs>>(libraryKeys.refs)?.s1?.refs.map((r) => r.itemId)).toEqual(['mara', 'diner']);
  });

  it('goes on after an edit the core refused, from the list as it was', async () => {
    const qc = new QueryClient();
    const start = { shotId: 's1', refs: [ref({ itemId: 'mara' }, 0)], start: null, end: null };
    qc.setQueryData<Record<string, ShotRefs>>(libraryKeys.refs, { s1: start });
    const seen: string[][] = [];
    const edit = slotEditor(qc, async (shotId, refs) => {
      seen.push(refs.map((v) => ('itemId' in v ? v.itemId : v.imageId)));
      return seen.length === 1 ? undefined : { shotId, refs: refs.map(ref), start: null, end: null };
    });
    expect(await edit('s1', (refs) => placeIn(refs, 1, { itemId: 'neon' }))).toBeUndefined();
    await edit('s1', (refs) => placeIn(refs, 1, { itemId: 'diner' }));
    expect(seen).toEqual([
      ['mara', 'neon'],
      ['mara', 'diner'],
    ]);
  });
});
