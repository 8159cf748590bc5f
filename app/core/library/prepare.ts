// The slow half of an import, outside any transaction: each file is copied into the project,
// checked and converted (decode.ts), and moved into the content-addressed store. A refused file
// leaves nothing behind. The fast half (rows, one undo step) is commit.ts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ImportFile } from '../../../shared/domain/library';
import type { Db } from '../db/sqlite';
import { libraryRepo } from '../db/repos/libraryRepo';
import { mediaStore, mediaTempPath, sha256File, type MediaStore } from '../media/store';
import { checkSize, decodeImage, ImageRefused, MAX_FILE_BYTES } from './decode';
import type { ImageFormat } from './sniff';

export interface Placed {
  sha256: string;
  relPath: string;
  size: number;
  mime: string;
}

export interface PreparedImage {
  name: string;
  group?: string;
  /** The name of the folder a file given by path was in: a hint at its kind. */
  folder?: string;
  original: Placed;
  working: Placed;
  thumb: Placed;
  format: ImageFormat;
  width: number;
  height: number;
  hasAlpha: boolean;
  /** The original was already in the store (imported before, here or elsewhere in the project). */
  storedBefore: boolean;
}

export interface Refusal {
  name: string;
  reason: string;
}

export interface PrepareOptions {
  onFile?: (name: string, ok: boolean) => void;
  /** Files decoded at once; sharp also threads inside each. */
  concurrency?: number;
}

const EXT: Record<ImageFormat, { ext: string; mime: string }> = {
  jpeg: { ext: '.jpg', mime: 'image/jpeg' },
  png: { ext: '.png', mime: 'image/png' },
  webp: { ext: '.webp', mime: 'image/webp' },
  tiff: { ext: '.tif', mime: 'image/tiff' },
  heif: { ext: '.heic', mime: 'image/heif' },
};

/** Folder entries that are never images: OS litter beside a reference sheet export. */
const LITTER = /^(\.|thumbs\.db$|desktop\.ini$)/i;

/** Paths that are folders become their files (one level, sorted), grouped under the folder's name. */
export function expandFolders(files: ImportFile[]): { files: ImportFile[]; refused: Refusal[] } {
  const out: ImportFile[] = [];
  const refused: Refusal[] = [];
  for (const f of files) {
    if (!f.path) {
      out.push(f);
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(f.path);
    } catch {
      refused.push({ name: f.name, reason: `it cannot be read (no such file at ${f.path}).` });
      continue;
    }
    if (!stat.isDirectory()) {
      out.push(f);
      continue;
    }
    const group = f.group ?? path.basename(f.path);
    const entries = fs
      .readdirSync(f.path, { withFileTypes: true })
      .filter((e) => e.isFile() && !LITTER.test(e.name))
      .map((e) => e.name)
      .sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
    if (entries.length === 0) refused.push({ name: f.name, reason: 'the folder holds no files.' });
    for (const name of entries) out.push({ name, path: path.join(f.path, name), group });
  }
  return { files: out, refused };
}

function decodeBytes(bytes: string | Uint8Array): Buffer {
  if (typeof bytes !== 'string') return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Cheap size check before decoding: base64 is 4/3 of the bytes.
  if (bytes.length > Math.ceil((MAX_FILE_BYTES * 4) / 3) + 4) checkSize(MAX_FILE_BYTES + 1);
  return Buffer.from(bytes.replace(/^data:[^,]*,/, ''), 'base64');
}

/** Copies the user's file into media/.tmp, so what is checked is exactly what is stored. */
async function materialize(folder: string, f: ImportFile): Promise<string> {
  const tmp = mediaTempPath(folder, '.import');
  if (f.path) {
    let size: number;
    try {
      size = fs.statSync(f.path).size;
    } catch (err) {
      throw new ImageRefused(`it cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).`);
    }
    checkSize(size);
    await fs.promises.copyFile(f.path, tmp);
  } else if (f.bytes !== undefined) {
    const buf = decodeBytes(f.bytes);
    checkSize(buf.length);
    await fs.promises.writeFile(tmp, buf);
  } else {
    throw new ImageRefused('neither a path nor the file contents arrived. Drop it again.');
  }
  return tmp;
}

async function place(store: MediaStore, tmp: string, ext: string, mime: string): Promise<Placed> {
  return { ...(await store.place(tmp, ext)), mime };
}

async function prepareOne(db: Db, folder: string, store: MediaStore, f: ImportFile): Promise<PreparedImage> {
  const tmp = await materialize(folder, f);
  const temps = [tmp];
  try {
    const sha = await sha256File(tmp);
    const base = { name: f.name, ...(f.group ? { group: f.group } : {}), ...(f.path ? { folder: path.basename(path.dirname(f.path)) } : {}) };
    // The same file imported before: reuse what was made from it instead of decoding again.
    const known = libraryRepo(db).findAnyImage(sha);
    const stored = store.get(sha);
    if (known && stored) {
      fs.rmSync(tmp, { force: true });
      const asset = (s: string): Placed => {
        const a = store.get(s)!;
        return { sha256: a.sha256, relPath: a.relPath, size: a.size, mime: a.mime };
      };
      return {
        ...base,
        original: asset(known.sha256),
        working: asset(known.imageSha256),
        thumb: asset(known.thumbSha256),
        format: known.format as ImageFormat,
        width: known.width,
        height: known.height,
        hasAlpha: known.hasAlpha,
        storedBefore: true,
      };
    }
    const decoded = await decodeImage(tmp, folder);
    if (decoded.working) temps.push(decoded.working.path);
    temps.push(decoded.thumb.path);
    const kind = EXT[decoded.format];
    const original = await place(store, tmp, kind.ext, kind.mime);
    const working = decoded.working ? await place(store, decoded.working.path, decoded.working.ext, decoded.working.mime) : original;
    const thumb = await place(store, decoded.thumb.path, decoded.thumb.ext, decoded.thumb.mime);
    return {
      ...base,
      original,
      working,
      thumb,
      format: decoded.format,
      width: decoded.width,
      height: decoded.height,
      hasAlpha: decoded.hasAlpha,
      storedBefore: !!stored,
    };
  } finally {
    for (const t of temps) fs.rmSync(t, { force: true });
  }
}

function reasonOf(err: unknown): string {
  if (err instanceof ImageRefused) return err.message;
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOSPC') return 'the disk is full. Free some space and try again.';
  return `it could not be imported (${e instanceof Error ? e.message : String(err)}).`;
}

/** Prepares every file (folders already expanded), a few at a time, keeping the input order. */
export async function prepareFiles(db: Db, folder: string, files: ImportFile[], opts: PrepareOptions = {}) {
  const store = mediaStore(db, folder);
  const results: ({ ok: PreparedImage } | { refused: Refusal })[] = new Array(files.length);
  let next = 0;
  const workers = Math.max(1, Math.min(opts.concurrency ?? Math.min(4, os.availableParallelism()), files.length));
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < files.length) {
        const i = next++;
        const f = files[i]!;
        try {
          results[i] = { ok: await prepareOne(db, folder, store, f) };
          opts.onFile?.(f.name, true);
        } catch (err) {
          results[i] = { refused: { name: f.name, reason: reasonOf(err) } };
          opts.onFile?.(f.name, false);
        }
      }
    }),
  );
  const prepared = results.flatMap((r) => ('ok' in r ? [r.ok] : []));
  const refused = results.flatMap((r) => ('refused' in r ? [r.refused] : []));
  return { prepared, refused };
}
