import { describe, expect, it } from 'vitest';
import { plural } from './words';

describe('plural', () => {
  it('counts one without an s and every other number with one', () => {
    expect(plural(1, 'shot')).toBe('1 shot');
    expect(plural(0, 'shot')).toBe('0 shots');
    expect(plural(12, 'take')).toBe('12 takes');
  });
});
