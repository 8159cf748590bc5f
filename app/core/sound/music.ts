// Music beds: an audio file the user drops on the music lane, checked with ffprobe (anything it
// cannot read is refused with its reason), stored in the project's media like every file, and
// placed at a time with its trim, level and fades. Placing is an undoable edit.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { MusicBed } from '../../../shared/domain/sound';
import type { BedPatch, MusicRepo } from '../db/repos/musicRepo';
import type { Db } from '../db/sqlite';
import { UserError } from '../errors';
import { ffprobe, type ProbeResult } from '../media/ffmpeg';
import { mediaStore, mediaTempPath } from '../media/store';

/** Larger than any music bed of a short film; a file this big is almost surely something else. */
const MAX_MUSIC_BYTES = 2 * 1024 ** 3;

export interface PreparedMusic {
  name: string;
  ext: string;
  placed: { sha256: string; relPath: string; size: number };
  probe: ProbeResult;
}

export interface MusicPlacement {
  atS?: number;
  trimInS?: number;
  lengthS?: number;
  gainDb?: number;
  fadeInS?: number;
  fadeOutS?: number;
}

/** Checks and stores the file (slow: copies and hashes it); outside any transaction. `name` is how the user knows it. */
export async function prepareMusic(db: Db, folder: string, file: string, name = path.basename(file)): Promise<PreparedMusic> {
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat?.isFile()) throw new UserError(`${name}: there is no such file.`);
  if (stat.size === 0) throw new UserError(`${name} is empty.`);
  if (stat.size > MAX_MUSIC_BYTES) throw new UserError(`${name} is ${(stat.size / 1024 ** 3).toFixed(1)} GB; a music bed can be at most 2 GB.`);
  let probe: ProbeResult;
  try {
    probe = await ffprobe(file);
  } catch (err) {
    throw new UserError(`${name} is not an audio file ffprobe can read (${(err as Error).message.slice(0, 200)}). Use WAV, AIFF, MP3, AAC/M4A or FLAC.`);
  }
  if (!probe.hasAudio) throw new UserError(`${name} has no sound in it. Use WAV, AIFF, MP3, AAC/M4A or FLAC.`);
  if (!(probe.durationS > 0)) throw new UserError(`${name} has no length ffprobe can read.`);
  const ext = path.extname(name).toLowerCase() || path.extname(file).toLowerCase() || '.audio';
  const temp = mediaTempPath(folder, ext);
  fs.copyFileSync(file, temp);
  const placed = await mediaStore(db, folder).place(temp, ext);
  return { name, ext, placed, probe };
}

/** Where a new bed goes when the user does not say: right after the last one, else at the start. */
export function nextBedStart(beds: readonly MusicBed[]): number {
  return beds.reduce((end, b) => Math.max(end, b.atS + b.lengthS), 0);
}

/** Inside the edit: records the file and places the bed. */
export function addMusic(db: Db, folder: string, repo: MusicRepo, music: PreparedMusic, at: MusicPlacement = {}): MusicBed {
  const source = music.probe.durationS;
  const trimInS = at.trimInS ?? 0;
  if (trimInS >= source) throw new UserError(`${music.name} is ${source.toFixed(1)} s long; it cannot start ${trimInS} s in.`);
  const asset = mediaStore(db, folder).record(music.placed, {
    kind: 'audio',
    mime: 'audio/*',
    durationS: source,
    codec: music.probe.formatName,
    originalName: music.name,
  });
  const id = randomUUID();
  repo.insert({
    id,
    asset_sha256: asset.sha256,
    name: music.name,
    at_s: at.atS ?? nextBedStart(repo.beds()),
    trim_in_s: trimInS,
    length_s: Math.min(at.lengthS ?? source - trimInS, source - trimInS),
    gain_db: at.gainDb ?? 0,
    fade_in_s: at.fadeInS ?? 0,
    fade_out_s: at.fadeOutS ?? 0,
  });
  return repo.beds().find((b) => b.id === id)!;
}

/** Moves, trims or sets the level and fades of a bed; the length never runs past the file's end. */
export function updateMusic(repo: MusicRepo, id: string, patch: BedPatch): MusicBed {
  const bed = repo.beds().find((b) => b.id === id);
  if (!bed) throw new UserError('That music bed is no longer on the timeline. Refresh and try again.');
  const trim = patch.trim_in_s ?? bed.trimInS;
  if (trim >= bed.sourceS) throw new UserError(`${bed.name} is ${bed.sourceS.toFixed(1)} s long; it cannot start ${trim} s in.`);
  const length = Math.min(patch.length_s ?? bed.lengthS, bed.sourceS - trim);
  repo.update(id, { ...patch, length_s: length });
  return repo.beds().find((b) => b.id === id)!;
}
