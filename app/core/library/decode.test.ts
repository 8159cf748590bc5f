import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../testing/tmp.testkit';
import { decodeImage, ImageRefused } from './decode';
import * as img from './images.testkit';

const tmp = useTmpDir();

/** A project-like folder with media/.tmp, and the file to decode written into it. */
function setup(bytes: Buffer | string, name = 'in.bin') {
  const folder = tmp();
  fs.mkdirSync(path.join(folder, 'media'), { recursive: true });
  return { folder, file: img.write(folder, name, bytes) };
}

async function refusal(bytes: Buffer | string): Promise<{ message: string; leftovers: string[] }> {
  const { folder, file } = setup(bytes);
  const err = await decodeImage(file, folder).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImageRefused);
  return { message: (err as Error).message, leftovers: img.filesUnder(path.join(folder, 'media')) };
}

async function pixel(file: string, x: number, y: number) {
  const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return [...data.subarray(i, i + info.channels)];
}

describe('refusals, decided from content and before decoding', () => {
  it('refuses a text file named .png', async () => {
    const r = await refusal('hello, this is not an image\n');
    expect(r.message).toBe('a text file, not an image. Shotline takes JPEG, PNG, WebP, TIFF or HEIC images.');
    expect(r.leftovers).toEqual([]);
  });

  it('refuses a zero-byte file', async () => {
    expect((await refusal(Buffer.alloc(0))).message).toBe('the file is empty (0 bytes).');
  });

  it('refuses a truncated JPEG and leaves no temp file', async () => {
    const r = await refusal(await img.truncatedJpeg());
    expect(r.message).toMatch(/^the JPEG is damaged or cut short \(.*premature end.*\)\. Export or download it again\.$/i);
    expect(r.leftovers).toEqual([]);
  });

  it('refuses a 20,000 × 20,000 bomb from its header', async () => {
    const bomb = img.pngBomb();
    expect(bomb.length).toBeLessThan(200_000);
    const started = performance.now();
    const r = await refusal(bomb);
    expect(r.message).toBe('it claims to be 20000 × 20000 pixels (400 megapixels); Shotline takes up to 100 megapixels. Export it smaller.');
    // Refused from the header: decoding 400 MP would take far longer than this.
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses a GIF, an SVG and a fake HEIC, saying what each is', async () => {
    expect(
      (
        await refusal(
          await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } })
            .gif()
            .toBuffer(),
        )
      ).message,
    ).toMatch(/^a GIF\./);
    expect((await refusal('<svg xmlns="http://www.w3.org/2000/svg"></svg>')).message).toMatch(/^an SVG drawing\./);
    const fakeHeic = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypheic'), Buffer.alloc(200, 7)]);
    expect((await refusal(fakeHeic)).message).toMatch(/HEIC\/HEIF/);
  });
});

describe('what is kept', () => {
  it('applies EXIF orientation 6: sizes and pixels upright', async () => {
    const { folder, file } = setup(await img.orientation6());
    const d = await decodeImage(file, folder);
    expect([d.width, d.height]).toEqual([30, 40]);
    expect(d.working).not.toBeNull();
    const meta = await sharp(d.working!.path).metadata();
    expect([meta.width, meta.height, meta.orientation ?? 1]).toEqual([30, 40, 1]);
    // The stored left half (red) is shown on top after a 90° clockwise turn.
    const [r1, , b1] = await pixel(d.working!.path, 15, 5);
    const [r2, , b2] = await pixel(d.working!.path, 15, 35);
    expect(r1).toBeGreaterThan(200);
    expect(b1).toBeLessThan(60);
    expect(b2).toBeGreaterThan(200);
    expect(r2).toBeLessThan(60);
  });

  it('converts CMYK to 8-bit sRGB', async () => {
    const { folder, file } = setup(await img.cmykJpeg());
    const d = await decodeImage(file, folder);
    const meta = await sharp(d.working!.path).metadata();
    expect([meta.space, meta.channels, meta.depth, meta.format]).toEqual(['srgb', 3, 'uchar', 'jpeg']);
    const [r, , b] = await pixel(d.working!.path, 10, 10);
    expect(b).toBeGreaterThan(r! + 100);
  });

  it('converts 16-bit to 8-bit and keeps alpha', async () => {
    const { folder, file } = setup(await img.png16());
    const d = await decodeImage(file, folder);
    expect(d.hasAlpha).toBe(true);
    const meta = await sharp(d.working!.path).metadata();
    expect([meta.format, meta.depth, meta.channels, meta.hasAlpha]).toEqual(['png', 'uchar', 4, true]);
    const [, , , a] = await pixel(d.working!.path, 3, 3);
    expect(a).toBeGreaterThan(110);
    expect(a).toBeLessThan(145);
    const thumb = await sharp(d.thumb.path).metadata();
    expect([thumb.format, thumb.hasAlpha]).toEqual(['webp', true]);
  });

  it('uses an upright 8-bit sRGB JPEG or PNG as its own working copy, alpha and all', async () => {
    for (const bytes of [await img.jpeg(), await img.pngAlpha()]) {
      const { folder, file } = setup(bytes);
      const d = await decodeImage(file, folder);
      expect(d.working).toBeNull();
      expect(fs.existsSync(d.thumb.path)).toBe(true);
    }
  });

  it('accepts WebP, TIFF and AVIF (HEIF) by content whatever the name, converting them', async () => {
    for (const [bytes, format] of [
      [await img.webp(), 'webp'],
      [await img.tiff(), 'tiff'],
      [await img.avif(), 'heif'],
    ] as const) {
      const { folder, file } = setup(bytes, 'misnamed.jpg');
      const d = await decodeImage(file, folder);
      expect(d.format).toBe(format);
      expect([d.width, d.height]).toEqual([64, 48]);
      expect((await sharp(d.working!.path).metadata()).format).toBe('jpeg');
    }
  });

  it('makes a thumbnail no larger than 320 px and never enlarges', async () => {
    const { folder, file } = setup(await img.photoJpeg(1600, 900));
    const thumb = await sharp((await decodeImage(file, folder)).thumb.path).metadata();
    expect([thumb.width, thumb.height]).toEqual([320, 180]);
    const small = setup(await img.jpeg(64, 48));
    const t2 = await sharp((await decodeImage(small.file, small.folder)).thumb.path).metadata();
    expect([t2.width, t2.height]).toEqual([64, 48]);
  });
});
