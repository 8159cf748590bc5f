import { describe, expect, it } from 'vitest';
import { moveItems } from './ordering';

describe('moveItems', () => {
  const list = ['a', 'b', 'c', 'd', 'e'];
  it('moves one item forward and back', () => {
    expect(moveItems(list, new Set(['a']), 2)).toEqual(['b', 'c', 'a', 'd', 'e']);
    expect(moveItems(list, new Set(['e']), 0)).toEqual(['e', 'a', 'b', 'c', 'd']);
  });
  it('keeps the moved block in its original order', () => {
    expect(moveItems(list, new Set(['d', 'b']), 0)).toEqual(['b', 'd', 'a', 'c', 'e']);
  });
  it('clamps the target index', () => {
    expect(moveItems(list, new Set(['a']), 99)).toEqual(['b', 'c', 'd', 'e', 'a']);
  });
});
