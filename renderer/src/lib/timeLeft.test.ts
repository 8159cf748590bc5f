import { describe, expect, it } from 'vitest';
import { timeLeftText } from './timeLeft';

describe('timeLeftText', () => {
  it('says nothing until there is something to go on', () => {
    expect(timeLeftText(0, 1000, 0.5)).toBeNull();
    expect(timeLeftText(0, 10_000, 0.01)).toBeNull();
    expect(timeLeftText(0, 10_000, 1)).toBeNull();
  });

  it('extrapolates from the pace so far, in round figures', () => {
    // A quarter done in 10 s: 30 s to go.
    expect(timeLeftText(0, 10_000, 0.25)).toBe('about 30 s left');
    expect(timeLeftText(0, 10_000, 0.9)).toBe('a few seconds left');
    // A tenth in a minute: nine to go.
    expect(timeLeftText(0, 60_000, 0.1)).toBe('about 9 min left');
  });
});
