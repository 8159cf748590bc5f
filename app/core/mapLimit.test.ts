import { describe, expect, it } from 'vitest';
import { mapLimit } from './mapLimit';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('mapLimit', () => {
  it('keeps the items’ order and never runs more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const out = await mapLimit([5, 1, 4, 2, 3], 2, async (n) => {
      running++;
      most = Math.max(most, running);
      for (let i = 0; i < n; i++) await tick();
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });

  it('starts nothing after a failure, and throws once the running ones have ended', async () => {
    const started: number[] = [];
    const ended: number[] = [];
    const run = mapLimit([0, 1, 2, 3, 4], 2, async (n) => {
      started.push(n);
      for (let i = 0; i < (n === 1 ? 5 : 1); i++) await tick();
      if (n === 0) throw new Error('disk full');
      ended.push(n);
    });
    await expect(run).rejects.toThrow('disk full');
    // 1 was running when 0 failed: it ended before the error came out; 2, 3 and 4 never started.
    expect(started).toEqual([0, 1]);
    expect(ended).toEqual([1]);
  });
});
