import { describe, expect, it } from 'vitest';
import type { ShotRef } from '../../../../shared/domain/library';
import { clearSlot, moveSlot, placeIn } from './slots';

const ref = (tag: string, slot: number): ShotRef => ({ slot, itemId: tag, imageId: `${tag}-img`, tag, name: tag, thumbSha256: '' });
const tags = (v: ReturnType<typeof placeIn>) => v.map((x) => ('itemId' in x ? x.itemId : x.imageId));

describe('slot edits', () => {
  const refs = [ref('mara', 0), ref('diner', 1)];
  it('replaces a filled slot and appends to an empty one', () => {
    expect(tags(placeIn(refs, 1, { itemId: 'neon' }))).toEqual(['mara', 'neon']);
    expect(tags(placeIn(refs, 2, { itemId: 'neon' }))).toEqual(['mara', 'diner', 'neon']);
  });
  it('moves a reference that is already in another slot instead of doubling it', () => {
    expect(tags(placeIn(refs, 0, { itemId: 'diner' }))).toEqual(['diner', 'mara']);
    expect(tags(placeIn(refs, 2, { itemId: 'mara' }))).toEqual(['diner', 'mara']);
  });
  it('clears and reorders', () => {
    expect(tags(clearSlot(refs, 0))).toEqual(['diner']);
    expect(tags(moveSlot(refs, 0, 1))).toEqual(['diner', 'mara']);
  });
});
