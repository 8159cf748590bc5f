// What a file is, from its first bytes. Extensions lie (a text file named .png, a HEIC saved as
// .jpg), so the importer decides from content and names what it found when it refuses.

export type ImageFormat = 'jpeg' | 'png' | 'webp' | 'tiff' | 'heif';

export type Sniffed = { ok: true; format: ImageFormat } | { ok: false; what: string };

/** Bytes the sniffer needs from the start of a file. */
export const SNIFF_BYTES = 64;

const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis']);
const VIDEO_BRANDS = /^(isom|iso\d|mp4\d|mp41|mp42|avc1|qt  |M4V |M4A |3gp\d|dash|f4v )$/;

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
const startsWith = (b: Uint8Array, bytes: number[]) => bytes.every((v, i) => b[i] === v);

/** A file of mostly printable characters: text, JSON, SVG, HTML. */
function looksLikeText(b: Uint8Array): boolean {
  if (b.length === 0) return false;
  let printable = 0;
  for (const c of b) if (c === 9 || c === 10 || c === 13 || (c >= 32 && c < 127) || c >= 0xc2) printable++;
  return printable / b.length > 0.95;
}

export function sniffImage(head: Uint8Array): Sniffed {
  if (head.length === 0) return { ok: false, what: 'the file is empty (0 bytes)' };
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { ok: true, format: 'jpeg' };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { ok: true, format: 'png' };
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return { ok: true, format: 'webp' };
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return { ok: true, format: 'tiff' };
  if (ascii(head, 4, 8) === 'ftyp') {
    const brand = ascii(head, 8, 12);
    if (HEIF_BRANDS.has(brand)) return { ok: true, format: 'heif' };
    if (VIDEO_BRANDS.test(brand)) return { ok: false, what: 'a video file, not an image' };
    return { ok: false, what: `an ISO media file ("${brand.trim()}"), not an image Shotline reads` };
  }
  if (ascii(head, 0, 4) === 'GIF8') return { ok: false, what: 'a GIF' };
  if (ascii(head, 0, 2) === 'BM') return { ok: false, what: 'a BMP image' };
  if (ascii(head, 0, 4) === '%PDF') return { ok: false, what: 'a PDF document' };
  if (ascii(head, 0, 4) === '8BPS') return { ok: false, what: 'a Photoshop document' };
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return { ok: false, what: 'a zip archive' };
  if (startsWith(head, [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50])) return { ok: false, what: 'a JPEG 2000 image' };
  if (looksLikeText(head)) {
    const text = ascii(head, 0, Math.min(head.length, 64)).trimStart().toLowerCase();
    if (text.startsWith('<svg') || (text.startsWith('<?xml') && text.includes('svg'))) return { ok: false, what: 'an SVG drawing' };
    return { ok: false, what: 'a text file, not an image' };
  }
  return { ok: false, what: 'not an image Shotline recognises' };
}

export const ACCEPTED = 'JPEG, PNG, WebP, TIFF or HEIC';

export const FORMAT_NAMES: Record<ImageFormat, string> = { jpeg: 'JPEG', png: 'PNG', webp: 'WebP', tiff: 'TIFF', heif: 'HEIC/HEIF' };
