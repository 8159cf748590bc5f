import { describe, expect, it } from 'vitest';
import type { ShotRef } from '../../../../shared/domain/library';
import { clearSlot, displaced, moveSlot, placeIn, refName, replacedNote } from './slots';

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
  it('knows which reference a drop takes out of the shot, and says so', () => {
    expect(displaced(refs, 1, { itemId: 'neon' })?.tag).toBe('diner');
    expect(displaced(refs, 2, { itemId: 'neon' })).toBeNull();
    expect(displaced(refs, 0, { itemId: 'diner' })).toBeNull();
    const loose: ShotRef = { slot: 2, itemId: null, imageId: 'car', tag: null, name: 'car.png', thumbSha256: '' };
    expect([refName(refs[0]!), refName(loose)]).toEqual(['@mara', 'car.png']);
    expect(replacedNote(1, '@diner', '@neon')).toBe('Replaced @diner with @neon in slot 2 — Ctrl+Z to undo');
  });
});
