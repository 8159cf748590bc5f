import { describe, expect, it } from 'vitest';
import { createListeners } from './listeners';

describe('createListeners', () => {
  it('gives every subscriber the payload even when one throws, and reports the throw', () => {
    const errors: string[] = [];
    const l = createListeners<'a' | 'b'>((name, err) => errors.push(`${name}: ${(err as Error).message}`));
    const got: unknown[] = [];
    l.add('a', () => {
      throw new Error('boom');
    });
    l.add('a', (p) => got.push(p));
    l.add('b', () => got.push('wrong'));
    l.emit('a', 42);
    expect(got).toEqual([42]);
    expect(errors).toEqual(['a: boom']);
  });

  it('removes exactly the subscription it returned', () => {
    const l = createListeners<'a'>(() => {});
    const got: string[] = [];
    const fn = (p: unknown) => got.push(String(p));
    const off = l.add('a', fn);
    l.add('a', fn);
    off();
    l.emit('a', 'x');
    expect(got).toEqual(['x']);
  });
});
