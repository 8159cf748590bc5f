// Real image files for tests, good and broken, made with sharp at test time.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';

type Rgb = { r: number; g: number; b: number };

const solid = (width: number, height: number, colour: Rgb, alpha?: number) =>
  sharp({ create: { width, height, channels: alpha === undefined ? 3 : 4, background: alpha === undefined ? colour : { ...colour, alpha } } });

/** A photo-like JPEG (noise compresses like a photo does). */
export async function photoJpeg(width: number, height: number, quality = 85): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
    .jpeg({ quality })
    .toBuffer();
}

export const jpeg = (w = 64, h = 48, colour: Rgb = { r: 200, g: 80, b: 20 }) => solid(w, h, colour).jpeg().toBuffer();
export const png = (w = 64, h = 48, colour: Rgb = { r: 20, g: 120, b: 200 }) => solid(w, h, colour).png().toBuffer();
export const pngAlpha = (w = 64, h = 48) => solid(w, h, { r: 0, g: 200, b: 0 }, 0.5).png().toBuffer();
export const webp = (w = 64, h = 48) => solid(w, h, { r: 90, g: 90, b: 200 }).webp().toBuffer();
export const tiff = (w = 64, h = 48) => solid(w, h, { r: 10, g: 200, b: 90 }).tiff().toBuffer();
export const avif = (w = 64, h = 48) => solid(w, h, { r: 200, g: 200, b: 10 }).avif().toBuffer();
export const cmykJpeg = (w = 64, h = 48) => solid(w, h, { r: 0, g: 80, b: 255 }).toColourspace('cmyk').jpeg().toBuffer();
export const png16 = (w = 64, h = 48) => solid(w, h, { r: 10, g: 20, b: 30 }, 0.5).toColourspace('rgb16').png().toBuffer();

/** Stored 40×30 with the left half red and the right half blue, tagged orientation 6 (shown rotated 90° clockwise). */
export async function orientation6(): Promise<Buffer> {
  const left = await solid(20, 30, { r: 255, g: 0, b: 0 }).png().toBuffer();
  return solid(40, 30, { r: 0, g: 0, b: 255 })
    .composite([{ input: left, left: 0, top: 0 }])
    .jpeg({ quality: 95 })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

/** A JPEG cut off after 60% of its bytes. */
export async function truncatedJpeg(): Promise<Buffer> {
  const whole = await photoJpeg(400, 300);
  return whole.subarray(0, Math.floor(whole.length * 0.6));
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** A valid-looking PNG whose header claims width × height (default 20,000²) with almost no data. */
export function pngBomb(width = 20_000, height = 20_000): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.writeUInt8(8, 8); // bit depth
  ihdr.writeUInt8(2, 9); // RGB
  const idat = zlib.deflateSync(Buffer.alloc(1 + width * 3)); // one row of black
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export function write(dir: string, name: string, bytes: Buffer | string): string {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** Every file under `dir`, relative, sorted; for "nothing was left behind" checks. */
export function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? (e as unknown as { path: string }).path, e.name)))
    .sort();
}
