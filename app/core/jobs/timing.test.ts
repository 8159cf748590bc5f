import { describe, expect, it } from 'vitest';
import { pollDelayMs, remainingS } from './timing';

const runway = { minPollS: 5, overrideS: null, customEndpoint: false, polls: 1, maxS: 20 };
const noJitter = () => 0;

describe('remainingS', () => {
  it('judges the time left from the rate between two readings', () => {
    expect(remainingS({ at: 0, progress: 0.2 }, { at: 10_000, progress: 0.4 })).toBeCloseTo(30);
    expect(remainingS({ at: 0, progress: 0.5 }, { at: 1_000, progress: 1 })).toBe(0);
  });

  it("goes by a like task's rate at a task's first reading, and by its own once it has two", () => {
    expect(remainingS(null, { at: 5_000, progress: 0.4 }, 0.05)).toBeCloseTo(12);
    expect(remainingS({ at: 0, progress: 0.2 }, { at: 10_000, progress: 0.4 }, 0.05)).toBeCloseTo(30);
    // Its own readings showing no progress say nothing, whatever a like task did.
    expect(remainingS({ at: 0, progress: 0.4 }, { at: 5_000, progress: 0.4 }, 0.05)).toBeNull();
  });

  it('says nothing from one reading, no progress, progress going back, or readings out of order', () => {
    expect(remainingS(null, { at: 5_000, progress: 0.4 })).toBeNull();
    expect(remainingS({ at: 0, progress: 0.4 }, { at: 5_000, progress: 0.4 })).toBeNull();
    expect(remainingS({ at: 0, progress: 0.6 }, { at: 5_000, progress: 0.4 })).toBeNull();
    expect(remainingS({ at: 5_000, progress: 0.2 }, { at: 5_000, progress: 0.4 })).toBeNull();
  });
});

describe('pollDelayMs', () => {
  it('keeps to the provider floor, growing by a quarter a poll up to the longest wait', () => {
    expect(pollDelayMs(runway, noJitter)).toBe(5_000);
    expect(pollDelayMs({ ...runway, polls: 3 }, noJitter)).toBe(7_813);
    expect(pollDelayMs({ ...runway, polls: 30 }, noJitter)).toBe(20_000);
    expect(pollDelayMs({ ...runway, polls: 1 }, () => 1)).toBe(6_250);
  });

  it('waits until just past the time a task likely has left, within the cadence and the longest wait', () => {
    expect(pollDelayMs({ ...runway, remainingS: 10 }, noJitter)).toBe(10_500);
    expect(pollDelayMs({ ...runway, remainingS: 2 }, noJitter)).toBe(5_000);
    expect(pollDelayMs({ ...runway, remainingS: 600 }, noJitter)).toBe(20_000);
    expect(pollDelayMs({ ...runway, remainingS: null }, noJitter)).toBe(5_000);
  });

  it('takes the poll-interval setting over the cadence, never below the floor of a public API', () => {
    expect(pollDelayMs({ ...runway, overrideS: 2 }, noJitter)).toBe(5_000);
    expect(pollDelayMs({ ...runway, overrideS: 0.25, customEndpoint: true }, noJitter)).toBe(250);
    expect(pollDelayMs({ ...runway, overrideS: 0.25, customEndpoint: true, remainingS: 1.5 }, noJitter)).toBe(1_575);
  });
});
