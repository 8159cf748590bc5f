// Child processes (ffprobe, ffmpeg) run a few at a time: as many as the machine has cores, since
// each is mostly one core's work or waiting on the disk.
import os from 'node:os';

export const CORES = Math.max(1, os.availableParallelism());

/**
 * Runs `fn` over `items`, `limit` at a time, results in the items' order. After a failure no new
 * item starts, and the first error is thrown only once those already running have ended, so the
 * caller's cleanup never races a child process still writing.
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        out[i] = await fn(items[i]!, i);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  const rejected = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (rejected) throw rejected.reason;
  return out;
}
