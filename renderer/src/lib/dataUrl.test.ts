import { expect, it } from 'vitest';
import { dataUrlToBlob } from './dataUrl';

it('turns a base64 data: URL into a Blob of the same bytes and type', async () => {
  const bytes = Uint8Array.from([0x52, 0x49, 0x46, 0x46, 0x00, 0xff, 0x10]);
  const blob = dataUrlToBlob(`data:audio/wav;base64,${Buffer.from(bytes).toString('base64')}`);
  expect(blob.type).toBe('audio/wav');
  expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes);
  expect(() => dataUrlToBlob('https://example.com/a.mp3')).toThrow(/data: URL/);
});
