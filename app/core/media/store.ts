import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { assetsRepo, type AssetKind, type AssetRow } from '../db/repos/assetsRepo';
import type { Db } from '../db/sqlite';
import { MEDIA_DIR, TEMP_DIR } from '../project/projectFiles';
import { projectMediaPath } from './projectPath';
import { scratchPath } from './scratch';
import type { SourceProbe } from './sourceProbe';

export type { AssetKind };

const keptProbe = (r: AssetRow): SourceProbe | null => (r.probe_json ? (JSON.parse(r.probe_json) as SourceProbe) : null);

export interface AssetMeta {
  kind: AssetKind;
  mime: string;
  width?: number | null;
  height?: number | null;
  durationS?: number | null;
  fps?: number | null;
  codec?: string | null;
  originalName?: string | null;
  /** What ffprobe said of a video when it arrived, so exports need not ask again. */
  probe?: SourceProbe | null;
}

export interface Asset extends Required<AssetMeta> {
  sha256: string;
  relPath: string;
  size: number;
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * A temp path inside media/ so the final rename never crosses a filesystem, named by this process
 * so that opening the project removes it if the process is killed before it is stored.
 */
export function mediaTempPath(projectFolder: string, ext: string): string {
  const dir = path.join(projectFolder, TEMP_DIR);
  fs.mkdirSync(dir, { recursive: true });
  return scratchPath(dir, 'media', ext);
}

/**
 * The content-addressed store under `<project>/media/ab/<sha256>.<ext>`. A file stored twice
 * is kept once. Files are moved in before their row is written; a crash in between leaves an
 * unreferenced file (harmless: it is reused if imported again), never a row without its file.
 */
export function mediaStore(db: Db, projectFolder: string) {
  const repo = assetsRepo(db);
  const fromRow = (r: AssetRow): Asset => ({
    sha256: r.sha256,
    kind: r.kind,
    relPath: r.rel_path,
    size: r.size,
    mime: r.mime,
    width: r.width,
    height: r.height,
    durationS: r.duration_s,
    fps: r.fps,
    codec: r.codec,
    originalName: r.original_name,
    probe: keptProbe(r),
  });

  /** The real path of stored file `relPath`, refused (naming `what`) when it leads outside media/. */
  function absPath(relPath: string, what: string): string {
    return projectMediaPath(projectFolder, relPath, what);
  }

  return {
    absPath,
    get(sha256: string): Asset | undefined {
      const r = repo.get(sha256);
      return r && fromRow(r);
    },
    /**
     * The probe kept for stored file `relPath` (at `file`), while the file is still the size it was
     * stored at; null when none was kept or the file changed under it (then the caller probes it).
     */
    knownProbe(relPath: string, file: string): SourceProbe | null {
      const r = repo.byPath(relPath);
      if (!r) return null;
      return fs.statSync(file, { throwIfNoEntry: false })?.size === r.size ? keptProbe(r) : null;
    },
    /**
     * Moves `tmpFile` (already checked by the caller) into the store and returns the asset.
     * The row is written by `record`, which callers run inside their own transaction.
     */
    async place(tmpFile: string, ext: string): Promise<{ sha256: string; relPath: string; size: number }> {
      const sha256 = await sha256File(tmpFile);
      const relPath = `${MEDIA_DIR}/${sha256.slice(0, 2)}/${sha256}${ext.toLowerCase()}`;
      const dest = path.join(projectFolder, ...relPath.split('/'));
      if (fs.existsSync(dest)) {
        fs.rmSync(tmpFile, { force: true });
      } else {
        fs.mkdirSync(path.dirname(dest), { recursive: true });
        fs.renameSync(tmpFile, dest);
      }
      return { sha256, relPath, size: fs.statSync(dest).size };
    },
    record(placed: { sha256: string; relPath: string; size: number }, meta: AssetMeta): Asset {
      repo.insert({
        sha256: placed.sha256,
        rel_path: placed.relPath,
        size: placed.size,
        kind: meta.kind,
        mime: meta.mime,
        width: meta.width ?? null,
        height: meta.height ?? null,
        duration_s: meta.durationS ?? null,
        fps: meta.fps ?? null,
        codec: meta.codec ?? null,
        original_name: meta.originalName ?? null,
        probe_json: meta.probe ? JSON.stringify(meta.probe) : null,
      });
      return fromRow(repo.get(placed.sha256)!);
    },
  };
}

export type MediaStore = ReturnType<typeof mediaStore>;
