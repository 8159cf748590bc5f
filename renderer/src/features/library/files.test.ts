import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, plan } from './files';

/** A File-shaped stand-in: plan() reads only name and size, never the bytes. */
const file = (name: string, size: number) => ({ file: { name, size } as File });

describe('planning an import of dropped files', () => {
  it('refuses a file over 200 MB before reading it, naming its size', () => {
    const { batches, refused } = plan([file('small.jpg', 1000), file('huge.tif', MAX_FILE_BYTES + 1)]);
    expect(refused).toEqual([{ name: 'huge.tif', reason: 'it is 200.1 MB; Shotline takes images up to 200 MB. Export a smaller copy.' }]);
    expect(batches.map((b) => b.map((d) => d.file.name))).toEqual([['small.jpg']]);
  });

  it('sends bytes in batches small enough for one message, in order', () => {
    const mb = 1024 * 1024;
    const { batches } = plan([file('a', 30 * mb), file('b', 30 * mb), file('c', 10 * mb), file('d', 60 * mb)]);
    expect(batches.map((b) => b.map((d) => d.file.name))).toEqual([['a'], ['b', 'c'], ['d']]);
  });
});
