// Joins the pictures of MP4 files end to end into one MP4 without ffmpeg: the animatic of takes
// that already conform is their video samples one after another, so joining them is a copy of
// their bytes and a new sample table. ffmpeg's concat demuxer does the same work behind a process
// start, a probe of every file and a packet-by-packet remux.
//
// Only files that can be joined safely are: each a plain MP4 (readMovie), its video track with one
// codec set-up the same in every file (the avcC, apart from the informational bitrate box), the
// same time scale and the same start delay (the edit list's media time, from B-frames). Sound and
// other tracks are left out. For anything else it says no and the caller uses ffmpeg.
import fs from 'node:fs';
import { mapLimit } from '../mapLimit';
import {
  body,
  box,
  children,
  editList,
  fields,
  find,
  fullBox,
  handlerOf,
  IDENTITY_MATRIX,
  readBoxes,
  readMovie,
  selfContainedData,
  u32,
  u64,
  whole,
  zeros,
  type Box,
} from './mp4Boxes';

interface Chunk {
  offset: number;
  samples: number;
  bytes: number;
}

interface VideoTrack {
  file: string;
  timescale: number;
  /** The sample description, whole, without its `btrt` (it differs file to file and is only advice). */
  stsd: Buffer;
  /** The first file's boxes are the joined track's: its header, handler, video media header. */
  tkhd: Buffer;
  mdhd: Buffer;
  hdlr: Buffer;
  vmhd: Buffer;
  /** Decode duration of each sample, run-length coded: [count, delta]. */
  stts: Array<[number, number]>;
  /**
   * Composition offsets as the file has them: its `ctts` entries, whole (count, offset, 32 bits
   * each, signed in version 1), and the version; null when the file has none (every offset 0).
   */
  ctts: { entries: Buffer; v1: boolean } | null;
  /** 1-based numbers of the sync samples; null when every sample is one. */
  stss: number[] | null;
  samples: number;
  /** Each sample's size, 32 bits each, as `stsz` lists them. */
  sizes: Buffer;
  chunks: Chunk[];
  /** Where presentation starts in the media (the edit list's media time). */
  mediaTime: number;
}

const entriesOf = (b: Buffer, width: number, read: (at: number) => number[]): number[][] =>
  Array.from({ length: b.readUInt32BE(4) }, (_, i) => read(8 + i * width));

/** The sample description without `btrt` boxes in its entry; null for anything but one visual sample entry. */
function codecSetup(buf: Buffer, stsd: Box): Buffer | null {
  const b = body(buf, stsd);
  if (b.readUInt32BE(4) !== 1) return null;
  const entry = readBoxes(b, 8, b.length)?.[0];
  // A visual sample entry: 78 bytes of fields, then its boxes (avcC, pasp, colr, btrt…).
  const VISUAL_FIELDS = 8 + 78;
  if (!entry || entry.size < VISUAL_FIELDS) return null;
  const kids = readBoxes(b, entry.start + VISUAL_FIELDS, entry.start + entry.size);
  if (!kids) return null;
  const kept = kids.filter((k) => k.type !== 'btrt').map((k) => whole(b, k));
  const fields = b.subarray(entry.start + 8, entry.start + VISUAL_FIELDS);
  return fullBox('stsd', 0, u32(1), box(b.toString('latin1', entry.start + 4, entry.start + 8), fields, ...kept));
}

async function readVideoTrack(file: string): Promise<VideoTrack | null> {
  const movie = await readMovie(file);
  if (!movie) return null;
  const { moov } = movie;
  const root = readBoxes(moov)![0]!;
  const videos = children(moov, root).filter((k) => k.type === 'trak' && handlerOf(moov, k) === 'vide');
  if (videos.length !== 1) return null;
  const trak = videos[0]!;
  const stbl = find(moov, trak, ['mdia', 'minf', 'stbl']);
  const table = (type: string) => (stbl ? find(moov, stbl, [type]) : undefined);
  const [tkhd, mdhd, hdlr, vmhd, stsd, stts, stsz, stsc] = [
    find(moov, trak, ['tkhd']),
    find(moov, trak, ['mdia', 'mdhd']),
    find(moov, trak, ['mdia', 'hdlr']),
    find(moov, trak, ['mdia', 'minf', 'vmhd']),
    table('stsd'),
    table('stts'),
    table('stsz'),
    table('stsc'),
  ];
  const stco = table('stco') ?? table('co64');
  if (!tkhd || !mdhd || !hdlr || !vmhd || !stsd || !stts || !stsz || !stsc || !stco) return null;
  const setup = codecSetup(moov, stsd);
  if (!setup) return null;
  const mdhdBody = body(moov, mdhd);
  const timescale = mdhdBody[0] === 1 ? mdhdBody.readUInt32BE(20) : mdhdBody.readUInt32BE(12);

  const elst = find(moov, trak, ['edts', 'elst']);
  let mediaTime = 0;
  if (elst) {
    const e = body(moov, elst);
    const v1 = e[0] === 1;
    // One edit, played at rate 1, is all a joined track can keep; an empty edit (-1) or several are not.
    if (e.readUInt32BE(4) !== 1 || e.readUInt32BE(v1 ? 24 : 16) !== 0x10000) return null;
    mediaTime = v1 ? Number(e.readBigInt64BE(16)) : e.readInt32BE(12);
    if (mediaTime < 0) return null;
  }

  const sttsB = body(moov, stts);
  const cttsBox = table('ctts');
  const cttsB = cttsBox && body(moov, cttsBox);
  const stssBox = table('stss');
  const stszB = body(moov, stsz);
  const fixedSize = stszB.readUInt32BE(4);
  const count = stszB.readUInt32BE(8);
  const sizes = fixedSize ? fields(new Array<number>(count).fill(fixedSize)) : stszB.subarray(12, 12 + count * 4);
  if (sizes.length !== count * 4) return null;
  const stscB = body(moov, stsc);
  const stscE = entriesOf(stscB, 12, (at) => [stscB.readUInt32BE(at), stscB.readUInt32BE(at + 4), stscB.readUInt32BE(at + 8)]);
  const co64 = stco.type === 'co64';
  const offB = body(moov, stco);
  const offsets = Array.from({ length: offB.readUInt32BE(4) }, (_, i) => (co64 ? Number(offB.readBigUInt64BE(8 + i * 8)) : offB.readUInt32BE(8 + i * 4)));

  const chunks: Chunk[] = [];
  let sample = 0;
  for (let c = 0; c < offsets.length; c++) {
    const rule = stscE.findLast((e) => e[0]! <= c + 1);
    if (!rule || rule[2] !== 1 || sample + rule[1]! > count) return null;
    const n = rule[1]!;
    let bytes = 0;
    for (let i = sample; i < sample + n; i++) bytes += sizes.readUInt32BE(i * 4);
    chunks.push({ offset: offsets[c]!, samples: n, bytes });
    sample += n;
  }
  if (sample !== count) return null;
  const ctts = cttsB ? { entries: cttsB.subarray(8, 8 + cttsB.readUInt32BE(4) * 8), v1: cttsB[0] === 1 } : null;
  if (ctts && ctts.entries.length !== cttsB!.readUInt32BE(4) * 8) return null;
  return {
    file,
    timescale,
    stsd: setup,
    tkhd: whole(moov, tkhd),
    mdhd: whole(moov, mdhd),
    hdlr: whole(moov, hdlr),
    vmhd: whole(moov, vmhd),
    stts: entriesOf(sttsB, 8, (at) => [sttsB.readUInt32BE(at), sttsB.readUInt32BE(at + 4)]) as Array<[number, number]>,
    ctts,
    stss: stssBox ? entriesOf(body(moov, stssBox), 4, (at) => [moov.readUInt32BE(stssBox.start + stssBox.headerSize + at)]).map((e) => e[0]!) : null,
    samples: count,
    sizes,
    chunks,
    mediaTime,
  };
}

/** Run-length entries appended, merging a run that continues the last one. */
function appendRuns(out: Array<[number, number]>, runs: ReadonlyArray<[number, number]>): void {
  for (const [n, v] of runs) {
    const last = out.at(-1);
    if (last && last[1] === v) last[0] += n;
    else out.push([n, v]);
  }
}

/** Durations as a box field: 32 bits while they fit, else the box is written in version 1. */
const fits32 = (...values: number[]) => values.every((v) => v <= 0xffffffff);

/**
 * The joined movie's `moov` for its samples starting at file offset `base`. Only the chunk offsets
 * depend on `base`, so the other tables are built once, whatever `base` is asked.
 */
function joinedMoov(tracks: VideoTrack[]): (base: number) => Buffer {
  const first = tracks[0]!;
  const stts: Array<[number, number]> = [];
  const stss: number[] = [];
  const anyStss = tracks.some((t) => t.stss);
  const offsets: number[] = [];
  const stsc: Array<[number, number]> = [];
  let samples = 0;
  let at = 0;
  for (const t of tracks) {
    appendRuns(stts, t.stts);
    if (anyStss) for (const n of t.stss ?? Array.from({ length: t.samples }, (_, i) => i + 1)) stss.push(n + samples);
    samples += t.samples;
    for (const c of t.chunks) {
      offsets.push(at);
      at += c.bytes;
      if (stsc.at(-1)?.[1] !== c.samples) stsc.push([offsets.length, c.samples]);
    }
  }
  // The files' composition offsets one after another, as they are (a run is not merged with the
  // next file's first, which the format allows); a file without them gets one run of offset 0.
  const ctts = tracks.some((t) => t.ctts) ? Buffer.concat(tracks.map((t) => t.ctts?.entries ?? fields([t.samples, 0]))) : null;
  const mediaDuration = stts.reduce((s, [n, d]) => s + n * d, 0);
  const movieDuration = Math.round((mediaDuration * 1000) / first.timescale);
  if (!fits32(mediaDuration, movieDuration)) throw new Error('too long to join');

  const tkhd = Buffer.from(first.tkhd);
  const tkhdV1 = tkhd[8] === 1;
  tkhd.writeUInt32BE(1, tkhdV1 ? 8 + 20 : 8 + 12);
  if (tkhdV1) tkhd.writeBigUInt64BE(BigInt(movieDuration), 8 + 28);
  else tkhd.writeUInt32BE(movieDuration, 8 + 20);
  const mdhd = Buffer.from(first.mdhd);
  if (mdhd[8] === 1) mdhd.writeBigUInt64BE(BigInt(mediaDuration), 8 + 24);
  else mdhd.writeUInt32BE(mediaDuration, 8 + 16);

  const tables = [
    first.stsd,
    fullBox('stts', 0, u32(stts.length), fields(stts.flat())),
    // Version 1 (signed offsets) if any file's is: a version 0 offset never reaches 2^31 in practice.
    ...(ctts ? [box('ctts', u32(tracks.some((t) => t.ctts?.v1) ? 0x01000000 : 0), u32(ctts.length / 8), ctts)] : []),
    ...(anyStss ? [fullBox('stss', 0, u32(stss.length), fields(stss))] : []),
    fullBox('stsc', 0, u32(stsc.length), fields(stsc.flatMap(([c, n]) => [c, n, 1]))),
    fullBox('stsz', 0, u32(0), u32(samples), Buffer.concat(tracks.map((t) => t.sizes))),
  ];
  // Version 0: times, time scale 1000, duration, rate 1.0, volume 1.0, reserved, matrix, pre-defined, next track id.
  const mvhd = fullBox('mvhd', 0, zeros(8), u32(1000), u32(movieDuration), u32(0x10000), Buffer.from([1, 0]), zeros(10), IDENTITY_MATRIX, zeros(24), u32(2));
  return (base) => {
    const co64 = !fits32(base + at);
    const placed = offsets.map((o) => o + base);
    const stbl = box('stbl', ...tables, fullBox(co64 ? 'co64' : 'stco', 0, u32(offsets.length), fields(placed, co64 ? 64 : 32)));
    const trak = box('trak', tkhd, editList(movieDuration, first.mediaTime), box('mdia', mdhd, first.hdlr, box('minf', first.vmhd, selfContainedData(), stbl)));
    return box('moov', mvhd, trak);
  };
}

/**
 * Writes `dest`: the video of `files` one after another, `moov` first so it plays as it loads.
 * Resolves false, writing nothing, when they cannot be joined safely (see the top of the file).
 */
export async function concatVideo(files: readonly string[], dest: string): Promise<boolean> {
  if (files.length === 0) return false;
  const read = await mapLimit(files, 16, readVideoTrack);
  if (read.some((t) => !t)) return false;
  const tracks = read as VideoTrack[];
  const first = tracks[0]!;
  if (tracks.some((t) => t.timescale !== first.timescale || t.mediaTime !== first.mediaTime || !t.stsd.equals(first.stsd))) return false;
  const ftyp = await readFtyp(first.file);
  const payload = tracks.reduce((s, t) => s + payloadOf(t), 0);
  const mdatHeader = fits32(payload + 8)
    ? Buffer.concat([u32(payload + 8), Buffer.from('mdat')])
    : Buffer.concat([u32(1), Buffer.from('mdat'), u64(payload + 16)]);
  const moovAt = joinedMoov(tracks);
  let moov = moovAt(0);
  // The chunk offsets count the moov's own size; a second pass settles it (a third if offsets grew to 64 bits).
  for (let i = 0; i < 3; i++) {
    const next = moovAt(ftyp.length + moov.length + mdatHeader.length);
    const settled = next.length === moov.length;
    moov = next;
    if (settled) break;
  }

  const temp = `${dest}.join`;
  const out = await fs.promises.open(temp, 'w');
  try {
    const head = Buffer.concat([ftyp, moov, mdatHeader]);
    await out.write(head, 0, head.length, 0);
    // Every file's samples have their own place in the joined file, so several files are copied
    // at once: one copy at a time leaves the thread pool's other threads, and a core, idle.
    let place = head.length;
    const places = tracks.map((t) => (place += payloadOf(t)) - payloadOf(t));
    // One block for each copy in flight, handed on from file to file: a block per file would be
    // 85 MiB of buffers for 30 takes, which the garbage collector chases with full collections.
    const blocks = Array.from({ length: COPIES_AT_ONCE }, () => Buffer.allocUnsafe(COPY_BLOCK));
    await mapLimit(tracks, COPIES_AT_ONCE, async (t, i) => {
      const block = blocks.pop()!;
      try {
        await copySamples(t, block, out, places[i]!);
      } finally {
        blocks.push(block);
      }
    });
    await out.close();
    await fs.promises.rename(temp, dest);
  } catch (err) {
    await out.close().catch(() => {});
    fs.rmSync(temp, { force: true });
    throw err;
  }
  return true;
}

/** Copies in flight: libuv's thread pool has four threads, which fs work shares. */
const COPIES_AT_ONCE = 4;
/** Bytes read, then written, at once by each copy. */
const COPY_BLOCK = 1 << 20;

const payloadOf = (t: VideoTrack) => t.chunks.reduce((a, c) => a + c.bytes, 0);

/** Writes the bytes of `t`'s samples into `out` from `at` on, in their order, through `block`. */
async function copySamples(t: VideoTrack, block: Buffer, out: fs.promises.FileHandle, at: number): Promise<void> {
  const src = await fs.promises.open(t.file, 'r');
  try {
    for (const [from, length] of coalesce(t.chunks)) {
      for (let done = 0; done < length;) {
        const want = Math.min(COPY_BLOCK, length - done);
        const { bytesRead } = await src.read(block, 0, want, from + done);
        if (bytesRead !== want) throw new Error(`${t.file} ended early`);
        await out.write(block, 0, bytesRead, at);
        at += bytesRead;
        done += bytesRead;
      }
    }
  } finally {
    await src.close();
  }
}

/** The byte ranges the chunks take, neighbours merged: usually one read per file. */
function coalesce(chunks: readonly Chunk[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const c of chunks) {
    const last = ranges.at(-1);
    if (last && last[0] + last[1] === c.offset) last[1] += c.bytes;
    else ranges.push([c.offset, c.bytes]);
  }
  return ranges;
}

async function readFtyp(file: string): Promise<Buffer> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const head = Buffer.alloc(8);
    await fh.read(head, 0, 8, 0);
    const ftyp = Buffer.alloc(head.readUInt32BE(0));
    await fh.read(ftyp, 0, ftyp.length, 0);
    return ftyp;
  } finally {
    await fh.close();
  }
}
