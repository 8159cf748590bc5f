import { describe, expect, it } from 'vitest';
import { takeSoundChange } from './takeSound';

describe('takeSoundChange', () => {
  it('silences or restores the clip playing now only when its own shot changed', () => {
    const none = new Set<string>();
    const a = new Set(['a']);
    expect(takeSoundChange(none, a, 'a')).toBe('silence');
    expect(takeSoundChange(a, none, 'a')).toBe('restore');
    expect(takeSoundChange(none, a, 'b')).toBeNull();
    expect(takeSoundChange(a, new Set(['a', 'b']), 'a')).toBeNull();
    expect(takeSoundChange(none, a, null)).toBeNull();
  });
});
