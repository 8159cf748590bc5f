import { describe, expect, it } from 'vitest';
import { clickSelect, EMPTY_SELECTION, focusAfterRemoval, moveFocusTo, pruneSelection, selectAll, single, targets, toggleFocused } from './selection';

const order = ['a', 'b', 'c', 'd', 'e'];

describe('selection', () => {
  it('plain click selects one shot', () => {
    expect(clickSelect(single('a'), 'c', {}, order)).toEqual({ ids: ['c'], anchor: 'c', focus: 'c' });
  });

  it('ctrl-click toggles and keeps timeline order', () => {
    const s = clickSelect(single('d'), 'b', { toggle: true }, order);
    expect(s.ids).toEqual(['b', 'd']);
    const off = clickSelect(s, 'd', { toggle: true }, order);
    expect(off.ids).toEqual(['b']);
    expect(off.focus).toBe('b');
  });

  it('shift-click selects the range from the anchor, either direction', () => {
    expect(clickSelect(single('b'), 'd', { range: true }, order).ids).toEqual(['b', 'c', 'd']);
    expect(clickSelect(single('d'), 'a', { range: true }, order).ids).toEqual(['a', 'b', 'c', 'd']);
  });

  it('ctrl+shift-click adds a range to the selection', () => {
    const s = { ids: ['a'], anchor: 'c', focus: 'c' };
    expect(clickSelect(s, 'e', { range: true, toggle: true }, order).ids).toEqual(['a', 'c', 'd', 'e']);
  });

  it('shift+arrow extends from the anchor and shrinks back', () => {
    let s = single('b');
    s = moveFocusTo(s, 'c', true, order);
    s = moveFocusTo(s, 'd', true, order);
    expect(s.ids).toEqual(['b', 'c', 'd']);
    s = moveFocusTo(s, 'a', true, order);
    expect(s).toEqual({ ids: ['a', 'b'], anchor: 'b', focus: 'a' });
    expect(moveFocusTo(s, 'e', false, order)).toEqual(single('e'));
  });

  it('select all keeps the focus', () => {
    expect(selectAll(order, 'c')).toEqual({ ids: order, anchor: 'a', focus: 'c' });
    expect(selectAll([], null)).toEqual({ ids: [], anchor: null, focus: null });
  });

  it('space toggles the focused shot', () => {
    const s = { ids: ['a', 'c'], anchor: 'a', focus: 'c' };
    expect(toggleFocused(s, order).ids).toEqual(['a']);
    expect(toggleFocused({ ...s, focus: 'b' }, order).ids).toEqual(['a', 'b', 'c']);
  });

  it('prunes shots that disappeared and keeps identity when nothing changed', () => {
    const s = { ids: ['b', 'c'], anchor: 'b', focus: 'c' };
    expect(pruneSelection(s, order)).toBe(s);
    expect(pruneSelection(s, ['a', 'b', 'd'])).toEqual({ ids: ['b'], anchor: 'b', focus: 'b' });
    expect(pruneSelection(s, ['a'])).toEqual(EMPTY_SELECTION);
  });

  it('focuses the next survivor after a delete, else the previous one', () => {
    expect(focusAfterRemoval(order, ['b', 'c'], 'b')).toBe('d');
    expect(focusAfterRemoval(order, ['d', 'e'], 'e')).toBe('c');
    expect(focusAfterRemoval(order, order, 'a')).toBeNull();
  });

  it('commands act on the selection, else the focus', () => {
    expect(targets({ ids: [], anchor: null, focus: 'c' })).toEqual(['c']);
    expect(targets({ ids: ['a', 'b'], anchor: 'a', focus: 'b' })).toEqual(['a', 'b']);
    expect(targets(EMPTY_SELECTION)).toEqual([]);
  });
});
