// Reading and writing ISO BMFF (MP4) boxes, the little the in-process MP4 edits need
// (mp4Timecode.ts, mp4Concat.ts): no general parser, just enough to find a movie's tables.
import fs from 'node:fs';

export interface Box {
  type: string;
  /** Offset of the box's header in its parent's buffer (or in the file, at the top level). */
  start: number;
  headerSize: number;
  size: number;
}

/** The boxes laid end to end in `buf` from `from` to `to`; null when they do not add up. */
export function readBoxes(buf: Buffer, from = 0, to = buf.length): Box[] | null {
  const boxes: Box[] = [];
  for (let at = from; at < to;) {
    if (to - at < 8) return null;
    let size = buf.readUInt32BE(at);
    let headerSize = 8;
    if (size === 1) {
      if (to - at < 16) return null;
      size = Number(buf.readBigUInt64BE(at + 8));
      headerSize = 16;
    } else if (size === 0) size = to - at;
    if (size < headerSize || at + size > to) return null;
    boxes.push({ type: buf.toString('latin1', at + 4, at + 8), start: at, headerSize, size });
    at += size;
  }
  return boxes;
}

export const body = (buf: Buffer, b: Box) => buf.subarray(b.start + b.headerSize, b.start + b.size);
export const whole = (buf: Buffer, b: Box) => buf.subarray(b.start, b.start + b.size);
export const children = (buf: Buffer, parent: Box): Box[] => readBoxes(buf, parent.start + parent.headerSize, parent.start + parent.size) ?? [];
export const child = (buf: Buffer, parent: Box, type: string): Box | undefined => children(buf, parent).find((b) => b.type === type);
/** The box at `path` under `parent` (e.g. ['mdia', 'minf', 'stbl']). */
export function find(buf: Buffer, parent: Box, path: readonly string[]): Box | undefined {
  let at: Box | undefined = parent;
  for (const type of path) at = at && child(buf, at, type);
  return at;
}

export const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};
export const u64 = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64BE(BigInt(n));
  return b;
};
/**
 * A table's entries as consecutive big-endian fields in one buffer, 32 or 64 bits each: a buffer
 * per entry would make thousands for a sample table.
 */
export function fields(values: readonly number[], width: 32 | 64 = 32): Buffer {
  const b = Buffer.allocUnsafe((values.length * width) / 8);
  for (let i = 0; i < values.length; i++) {
    if (width === 64) b.writeBigUInt64BE(BigInt(values[i]!), i * 8);
    else b.writeUInt32BE(values[i]!, i * 4);
  }
  return b;
}
export function box(type: string, ...parts: Buffer[]): Buffer {
  const content = Buffer.concat(parts);
  return Buffer.concat([u32(8 + content.length), Buffer.from(type, 'latin1'), content]);
}
/** A full box: version 0 and these flags. */
export const fullBox = (type: string, flags: number, ...parts: Buffer[]) => box(type, u32(flags), ...parts);
/** A full box of version 1 (64-bit times, signed composition offsets). */
export const fullBoxV1 = (type: string, flags: number, ...parts: Buffer[]) => box(type, u32(0x01000000 | flags), ...parts);
export const zeros = (n: number) => Buffer.alloc(n);
/** Media data in this file (a `url ` reference with the self-contained flag). */
export const selfContainedData = () => box('dinf', fullBox('dref', 0, u32(1), fullBox('url ', 1)));
/** One edit: the track's media from `mediaTime` on, for `duration` (movie time scale), at rate 1. */
export const editList = (duration: number, mediaTime: number) => box('edts', fullBox('elst', 0, u32(1), u32(duration), u32(mediaTime), u32(0x10000)));
const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');
export const IDENTITY_MATRIX = hex('00010000 00000000 00000000 00000000 00010000 00000000 00000000 00000000 40000000');

/** Media time scale and duration of a track (mdhd, version 0 or 1). */
export function mediaHeader(buf: Buffer, trak: Box): { timescale: number; duration: number } | null {
  const mdhd = find(buf, trak, ['mdia', 'mdhd']);
  if (!mdhd) return null;
  const b = body(buf, mdhd);
  return b[0] === 1
    ? { timescale: b.readUInt32BE(20), duration: Number(b.readBigUInt64BE(24)) }
    : { timescale: b.readUInt32BE(12), duration: b.readUInt32BE(16) };
}

/** Duration in the movie's time scale (tkhd, version 0 or 1). */
export function trackDuration(buf: Buffer, trak: Box): number | null {
  const tkhd = child(buf, trak, 'tkhd');
  if (!tkhd) return null;
  const b = body(buf, tkhd);
  return b[0] === 1 ? Number(b.readBigUInt64BE(28)) : b.readUInt32BE(20);
}

/** What a track holds, by its handler: 'vide', 'soun', 'tmcd'… */
export const handlerOf = (buf: Buffer, trak: Box) => {
  const hdlr = find(buf, trak, ['mdia', 'hdlr']);
  return hdlr ? buf.toString('latin1', hdlr.start + hdlr.headerSize + 8, hdlr.start + hdlr.headerSize + 12) : null;
};

export interface Movie {
  fileSize: number;
  /** The file's top-level boxes. */
  top: Box[];
  /** The `moov` box, whole, and where it starts in the file. */
  moov: Buffer;
  moovStart: number;
}

/**
 * The top-level layout and the `moov` of an MP4 that can be edited as one movie: an `ftyp` first
 * that is not QuickTime's (a .mov, whatever it is called), one `moov`, media data, no fragments.
 * Null for anything else.
 */
export async function readMovie(file: string): Promise<Movie | null> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const fileSize = (await fh.stat()).size;
    const top: Box[] = [];
    const head = Buffer.alloc(16);
    for (let at = 0; at < fileSize;) {
      const { bytesRead } = await fh.read(head, 0, 16, at);
      if (bytesRead < 8) return null;
      let size = head.readUInt32BE(0);
      let headerSize = 8;
      if (size === 1) {
        size = Number(head.readBigUInt64BE(8));
        headerSize = 16;
      } else if (size === 0) size = fileSize - at;
      if (size < headerSize || at + size > fileSize) return null;
      top.push({ type: head.toString('latin1', 4, 8), start: at, headerSize, size });
      at += size;
    }
    if (top[0]?.type !== 'ftyp') return null;
    const brand = Buffer.alloc(4);
    await fh.read(brand, 0, 4, top[0].start + 8);
    if (brand.toString('latin1') === 'qt  ') return null;
    const moovs = top.filter((b) => b.type === 'moov');
    if (moovs.length !== 1 || top.some((b) => b.type === 'moof') || !top.some((b) => b.type === 'mdat')) return null;
    const moov = Buffer.alloc(moovs[0]!.size);
    await fh.read(moov, 0, moov.length, moovs[0]!.start);
    const root = readBoxes(moov)?.[0];
    if (!root || root.headerSize !== 8 || children(moov, root).some((k) => k.type === 'mvex')) return null;
    return { fileSize, top, moov, moovStart: moovs[0]!.start };
  } finally {
    await fh.close();
  }
}
