import { describe, expect, it } from 'vitest';
import { count, usd } from './format';

describe('usd and count', () => {
  it('group thousands with commas and keep two decimals for dollars', () => {
    expect(usd(0)).toBe('$0.00');
    expect(usd(0.5)).toBe('$0.50');
    expect(usd(999.995)).toBe('$1,000.00');
    expect(usd(1234567.891)).toBe('$1,234,567.89');
    expect(usd(-2500.1)).toBe('-$2,500.10');
    // What rounds to nothing has no sign.
    expect(usd(-0.004)).toBe('$0.00');
    expect(count(999)).toBe('999');
    expect(count(1000)).toBe('1,000');
    expect(count(-1234567)).toBe('-1,234,567');
    expect(count(12.5)).toBe('12.5');
  });
});
