// Adds a QuickTime timecode track (`tmcd`) to an MP4 without ffmpeg: the box layout ffmpeg's mov
// muxer writes for `-timecode` (a `tmcd` track whose one sample is the start frame, referenced by
// the video track's `tref`), with every media byte left where it was. An export stamps every take
// that already conforms; an ffmpeg remux costs a process start and a full rewrite per take, this
// costs a read of the `moov` box and a copy (a clone where the file system can).
//
// It only takes files it can change safely: one `moov`, not fragmented, one video track whose
// time scale counts whole 24 fps frames, at most one sound track and nothing else (no timecode
// track already, no chapters). For anything else it says no and the caller remuxes with ffmpeg.
import fs from 'node:fs';
import { TIMELINE_FPS } from '../../../shared/domain/timecode';
import {
  body,
  box,
  child,
  children,
  editList,
  find,
  fullBox,
  handlerOf,
  IDENTITY_MATRIX,
  mediaHeader,
  readBoxes,
  readMovie,
  selfContainedData,
  trackDuration,
  u32,
  zeros,
  type Box,
} from './mp4Boxes';

/** Whether every sample of the track lasts exactly `delta` (stts). */
function constantDelta(buf: Buffer, trak: Box, delta: number): boolean {
  const stts = find(buf, trak, ['mdia', 'minf', 'stbl', 'stts']);
  if (!stts) return false;
  const b = body(buf, stts);
  const entries = b.readUInt32BE(4);
  for (let i = 0; i < entries; i++) if (b.readUInt32BE(8 + i * 8 + 4) !== delta) return false;
  return entries > 0;
}

/** The timecode track ffmpeg writes, its sample at `sampleOffset` in the file. */
function tmcdTrak(opts: { trackId: number; movieDuration: number; timescale: number; mediaDuration: number; sampleOffset: number }): Buffer {
  const { trackId, movieDuration, timescale, mediaDuration, sampleOffset } = opts;
  const frameDuration = timescale / TIMELINE_FPS;
  // Flags 2: in the movie, not enabled (it is not something to show).
  const tkhd = fullBox('tkhd', 2, zeros(8), u32(trackId), zeros(4), u32(movieDuration), zeros(8), zeros(8), IDENTITY_MATRIX, zeros(8));
  const mdhd = fullBox('mdhd', 0, zeros(8), u32(timescale), u32(mediaDuration), zeros(4));
  const hdlr = fullBox('hdlr', 0, zeros(4), Buffer.from('tmcd', 'latin1'), zeros(12), Buffer.from('TimeCodeHandler\0', 'latin1'));
  // Reserved, data reference 1, flags, timecode flags, time scale, frame duration, frames per second, reserved.
  const entry = box('tmcd', zeros(4), u32(1), zeros(4), zeros(4), u32(timescale), u32(frameDuration), Buffer.from([TIMELINE_FPS, 0]), zeros(2));
  const useCo64 = sampleOffset > 0xffffffff;
  const offset = Buffer.alloc(useCo64 ? 8 : 4);
  if (useCo64) offset.writeBigUInt64BE(BigInt(sampleOffset));
  else offset.writeUInt32BE(sampleOffset);
  const stbl = box(
    'stbl',
    fullBox('stsd', 0, u32(1), entry),
    fullBox('stts', 0, u32(1), u32(1), u32(mediaDuration)),
    fullBox('stsc', 0, u32(1), u32(1), u32(1), u32(1)),
    fullBox('stsz', 0, u32(4), u32(1)),
    fullBox(useCo64 ? 'co64' : 'stco', 0, u32(1), offset),
  );
  return box('trak', tkhd, editList(movieDuration, 0), box('mdia', mdhd, hdlr, box('minf', fullBox('nmhd', 0), selfContainedData(), stbl)));
}

/** `trak` with every chunk offset past `after` moved by `delta`; null when one would overflow stco. */
function shiftChunkOffsets(trak: Buffer, after: number, delta: number): Buffer | null {
  const out = Buffer.from(trak);
  const root = readBoxes(out)![0]!;
  const stbl = find(out, root, ['mdia', 'minf', 'stbl']);
  if (!stbl) return null;
  for (const table of readBoxes(out, stbl.start + stbl.headerSize, stbl.start + stbl.size) ?? []) {
    if (table.type !== 'stco' && table.type !== 'co64') continue;
    const at = table.start + table.headerSize;
    const entries = out.readUInt32BE(at + 4);
    for (let i = 0; i < entries; i++) {
      if (table.type === 'stco') {
        const o = out.readUInt32BE(at + 8 + i * 4);
        const moved = o >= after ? o + delta : o;
        if (moved > 0xffffffff) return null;
        out.writeUInt32BE(moved, at + 8 + i * 4);
      } else {
        const o = Number(out.readBigUInt64BE(at + 8 + i * 8));
        out.writeBigUInt64BE(BigInt(o >= after ? o + delta : o), at + 8 + i * 8);
      }
    }
  }
  return out;
}

/** `trak` (a whole box) with a `tref` to the timecode track added after its `tkhd`/`edts`. */
function withTimecodeReference(trak: Buffer, tmcdId: number): Buffer {
  const root = readBoxes(trak)![0]!;
  const kids = readBoxes(trak, root.headerSize, root.size)!;
  const tref = box('tref', box('tmcd', u32(tmcdId)));
  const at = kids.findIndex((k) => k.type === 'mdia');
  const parts = kids.map((k) => trak.subarray(k.start, k.start + k.size));
  parts.splice(at, 0, tref);
  return box('trak', ...parts);
}

/**
 * Writes `dest`: `src` with a timecode track starting at `startFrames` (24 fps). Resolves false,
 * writing nothing, when the file is not one this can change safely (see the top of the file).
 */
export async function stampTimecode(src: string, dest: string, startFrames: number): Promise<boolean> {
  const movie = await readMovie(src);
  if (!movie) return false;
  const { fileSize, moovStart, moov: moovBuf } = movie;
  const root = readBoxes(moovBuf)![0]!;
  const kids = children(moovBuf, root);
  const mvhd = kids.find((k) => k.type === 'mvhd');
  const traks = kids.filter((k) => k.type === 'trak');
  if (!mvhd) return false;
  const handlers = traks.map((t) => handlerOf(moovBuf, t));
  const videoAt = handlers.indexOf('vide');
  if (videoAt < 0 || handlers.filter((h) => h === 'vide').length !== 1 || handlers.some((h) => h !== 'vide' && h !== 'soun')) return false;
  if (handlers.filter((h) => h === 'soun').length > 1) return false;
  const video = traks[videoAt]!;
  if (child(moovBuf, video, 'tref')) return false;
  const media = mediaHeader(moovBuf, video);
  const movieDuration = trackDuration(moovBuf, video);
  if (!media || movieDuration === null || media.timescale % TIMELINE_FPS !== 0) return false;
  if (!constantDelta(moovBuf, video, media.timescale / TIMELINE_FPS)) return false;
  if (media.duration > 0xffffffff || movieDuration > 0xffffffff) return false;

  const mvhdBody = body(moovBuf, mvhd);
  const nextIdAt = mvhd.start + mvhd.size - 4;
  const trackId = moovBuf.readUInt32BE(nextIdAt);
  if (mvhdBody.length < 100 || trackId === 0 || trackId === 0xffffffff) return false;

  // The sample (the start frame) goes in its own mdat at the end of the file. The new moov is
  // assembled twice: its size fixes the sample's offset, which the second pass writes in.
  const assemble = (sampleOffset: number, delta: number): Buffer | null => {
    const parts: Buffer[] = [];
    for (const k of kids) {
      let part: Buffer | null = Buffer.from(moovBuf.subarray(k.start, k.start + k.size));
      if (k.type === 'mvhd') part.writeUInt32BE(trackId + 1, part.length - 4);
      if (k.type === 'trak') {
        part = shiftChunkOffsets(part, moovStart, delta);
        if (part && k === video) part = withTimecodeReference(part, trackId);
      }
      if (!part) return null;
      parts.push(part);
      if (k === traks.at(-1)) parts.push(tmcdTrak({ trackId, movieDuration, timescale: media.timescale, mediaDuration: media.duration, sampleOffset }));
    }
    return box('moov', ...parts);
  };
  const draft = assemble(0, 0);
  if (!draft) return false;
  const delta = draft.length - root.size;
  // A sample offset past 4 GiB switches the track to co64, 4 bytes more: that moov is longer still.
  let newMoov = assemble(fileSize + delta + 8, delta);
  if (!newMoov) return false;
  if (newMoov.length !== draft.length) newMoov = assemble(fileSize + (newMoov.length - root.size) + 8, newMoov.length - root.size);
  if (!newMoov) return false;
  const sample = box('mdat', u32(startFrames));

  const moovEnd = moovStart + root.size;
  const temp = `${dest}.stamp`;
  try {
    if (moovEnd === fileSize) {
      // moov last: clone the file, then replace its tail.
      await fs.promises.copyFile(src, temp, fs.constants.COPYFILE_FICLONE);
      await fs.promises.truncate(temp, moovStart);
      await fs.promises.appendFile(temp, Buffer.concat([newMoov, sample]));
    } else {
      const out = await fs.promises.open(temp, 'w');
      try {
        await copyRange(src, out, 0, moovStart);
        await out.write(newMoov);
        await copyRange(src, out, moovEnd, fileSize);
        await out.write(sample);
      } finally {
        await out.close();
      }
    }
    await fs.promises.rename(temp, dest);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
  return true;
}

async function copyRange(src: string, out: fs.promises.FileHandle, from: number, to: number): Promise<void> {
  if (to <= from) return;
  for await (const chunk of fs.createReadStream(src, { start: from, end: to - 1, highWaterMark: 1 << 20 })) await out.write(chunk as Buffer);
}
