import { describe, expect, it } from 'vitest';
import { formatCredits, formatSeconds, formatUsd, parseSeconds, parseUsd } from './format';

describe('format', () => {
  it('formats money and credits', () => {
    expect(formatUsd(0.25)).toBe('$0.25');
    expect(formatUsd(12.4)).toBe('$12.40');
    expect(formatUsd(1250.4)).toBe('$1,250');
    expect(formatCredits(125)).toBe('125 cr');
    expect(formatCredits(null)).toBe('');
  });

  it('formats seconds', () => {
    expect(formatSeconds(5)).toBe('5s');
    expect(formatSeconds(2.5)).toBe('2.5s');
  });

  it('parses what people type', () => {
    expect(parseSeconds('5')).toBe(5);
    expect(parseSeconds(' 2,5 s')).toBe(2.5);
    expect(parseSeconds('0')).toBeNull();
    expect(parseSeconds('five')).toBeNull();
    expect(parseUsd('$1,200.50')).toBe(1200.5);
    expect(parseUsd('')).toBeNull();
    expect(parseUsd('abc')).toBeUndefined();
  });
});
