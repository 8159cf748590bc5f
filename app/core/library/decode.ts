// Reads one image file the user gave us, checks it is whole and sane before any pixel is
// decoded, and makes what the library keeps: the oriented 8-bit sRGB working copy (only when
// the original is not already one) and a thumbnail. All output goes to temp files the caller
// moves into the media store, or deletes when anything fails.
import fs from 'node:fs';
import type { Metadata } from 'sharp';
import { loadSharp } from '../media/lazyLibs';
import { UserError } from '../errors';
import { mediaTempPath } from '../media/store';
import { ACCEPTED, FORMAT_NAMES, SNIFF_BYTES, sniffImage, type ImageFormat } from './sniff';

/** Largest image accepted: a 100-megapixel medium-format frame; a 20,000² bomb is 400. */
export const MAX_PIXELS = 100_000_000;
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
export const THUMB_SIZE = 320;

/** A file the importer will not take; the message finishes "name: …". */
export class ImageRefused extends UserError {
  override name = 'ImageRefused';
}

export interface TempImage {
  path: string;
  ext: string;
  mime: string;
}

export interface DecodedImage {
  format: ImageFormat;
  /** After EXIF orientation. */
  width: number;
  height: number;
  hasAlpha: boolean;
  /** null when the original already is the working copy (upright 8-bit sRGB JPEG or PNG). */
  working: TempImage | null;
  thumb: TempImage;
}

const SHARP_INPUT = { limitInputPixels: MAX_PIXELS, failOn: 'truncated', sequentialRead: true } as const;

/** Rounded up, so a file just over a limit never reads as the limit itself. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.ceil((n / 1024 / 1024) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

/** Refuses by size before anything is read: an empty file, or one over the limit. */
export function checkSize(size: number) {
  if (size === 0) throw new ImageRefused('the file is empty (0 bytes).');
  if (size > MAX_FILE_BYTES) {
    throw new ImageRefused(`it is ${formatBytes(size)}; Shotline takes images up to ${formatBytes(MAX_FILE_BYTES)}. Export a smaller copy.`);
  }
}

function readHead(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(SNIFF_BYTES);
    const n = fs.readSync(fd, head, 0, SNIFF_BYTES, 0);
    return head.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/** An embedded profile other than sRGB (Display P3, Adobe RGB) must be converted: providers ignore profiles. */
function isSrgbProfile(icc: Buffer | undefined): boolean {
  if (!icc) return true;
  return icc.includes('sRGB', 0, 'latin1') || icc.includes(Buffer.from('sRGB', 'utf16le').swap16());
}

function damaged(format: ImageFormat, err: unknown): ImageRefused {
  const detail =
    err instanceof Error
      ? err.message
          .replace(/^(Vips\w+|Input \w+):\s*/i, '')
          .split('\n')[0]!
          .trim()
      : String(err);
  if (format === 'heif' && /(no decoder|unsupported|compression format has not been built in|not supported)/i.test(detail)) {
    return new ImageRefused(
      `this ${FORMAT_NAMES.heif} image cannot be decoded by this build (${detail}). Export it as JPEG (Photos: File › Export) and drop that.`,
    );
  }
  if (/pixel limit/i.test(detail)) return new ImageRefused(`it is larger than ${MAX_PIXELS / 1e6} megapixels. Export it smaller.`);
  return new ImageRefused(`the ${FORMAT_NAMES[format]} is damaged or cut short (${detail}). Export or download it again.`);
}

async function toTemp(folder: string, ext: string, mime: string, write: (dest: string) => Promise<unknown>): Promise<TempImage> {
  const dest = mediaTempPath(folder, ext);
  try {
    await write(dest);
  } catch (err) {
    fs.rmSync(dest, { force: true });
    throw err;
  }
  return { path: dest, ext, mime };
}

/**
 * Checks and converts `file` (a temp copy of what the user gave us, inside the project).
 * Throws ImageRefused with the reason, leaving no temp file behind.
 */
export async function decodeImage(file: string, projectFolder: string): Promise<DecodedImage> {
  checkSize(fs.statSync(file).size);
  const sniffed = sniffImage(readHead(file));
  if (!sniffed.ok) throw new ImageRefused(`${sniffed.what}. Shotline takes ${ACCEPTED} images.`);
  const format = sniffed.format;
  const sharp = await loadSharp();

  let meta: Metadata;
  try {
    // Header only: no pixels are decoded, so the size is checked here by us, with our message.
    meta = await sharp(file, { ...SHARP_INPUT, limitInputPixels: false }).metadata();
  } catch (err) {
    throw damaged(format, err);
  }
  const { width = 0, height = 0 } = meta;
  // Checked from the header alone, before a single pixel is decoded.
  if (width <= 0 || height <= 0) throw new ImageRefused(`the ${FORMAT_NAMES[format]} header gives no size; the file is damaged.`);
  if (width * height > MAX_PIXELS) {
    const mp = Math.round((width * height) / 1e6);
    throw new ImageRefused(
      `it claims to be ${width} × ${height} pixels (${mp} megapixels); Shotline takes up to ${MAX_PIXELS / 1e6} megapixels. Export it smaller.`,
    );
  }
  const orientation = meta.orientation ?? 1;
  const rotated = orientation >= 5;
  const hasAlpha = !!meta.hasAlpha;
  const needsWork =
    orientation > 1 ||
    (format !== 'jpeg' && format !== 'png') ||
    meta.space !== 'srgb' ||
    (meta.depth !== undefined && meta.depth !== 'uchar') ||
    !isSrgbProfile(meta.icc);

  const made: TempImage[] = [];
  try {
    if (needsWork) {
      made.push(
        await toTemp(projectFolder, hasAlpha ? '.png' : '.jpg', hasAlpha ? 'image/png' : 'image/jpeg', (dest) => {
          const img = sharp(file, SHARP_INPUT).autoOrient().toColourspace('srgb');
          return (hasAlpha ? img.png({ compressionLevel: 6 }) : img.jpeg({ quality: 92, chromaSubsampling: '4:4:4' })).toFile(dest);
        }),
      );
    }
    const source = made[0]?.path ?? file;
    // Decoding for the thumbnail reads the whole file, so a cut-short original fails here.
    made.push(
      await toTemp(projectFolder, '.webp', 'image/webp', (dest) =>
        sharp(source, SHARP_INPUT)
          .autoOrient()
          .resize(THUMB_SIZE, THUMB_SIZE, { fit: 'inside', withoutEnlargement: true })
          .toColourspace('srgb')
          .webp({ quality: 80, alphaQuality: 90 })
          .toFile(dest),
      ),
    );
  } catch (err) {
    for (const t of made) fs.rmSync(t.path, { force: true });
    throw err instanceof ImageRefused ? err : damaged(format, err);
  }
  return {
    format,
    width: rotated ? height : width,
    height: rotated ? width : height,
    hasAlpha,
    working: needsWork ? made[0]! : null,
    thumb: made[needsWork ? 1 : 0]!,
  };
}
