import { perDb, type Db } from '../sqlite';

/** The only module with SQL for `assets`: one row per stored file, keyed by its content hash. */
export type AssetKind = 'image' | 'video' | 'audio' | 'other';

export interface AssetRow {
  sha256: string;
  kind: AssetKind;
  rel_path: string;
  size: number;
  mime: string;
  width: number | null;
  height: number | null;
  duration_s: number | null;
  fps: number | null;
  codec: string | null;
  original_name: string | null;
  /** media/sourceProbe.ts's reading of the file, as JSON; null when not probed on arrival. */
  probe_json: string | null;
}

function makeAssetsRepo(db: Db) {
  const q = {
    get: db.prepare('SELECT * FROM assets WHERE sha256 = ?'),
    insert: db.prepare(
      `INSERT OR IGNORE INTO assets (sha256, kind, rel_path, size, mime, width, height, duration_s, fps, codec, original_name, probe_json)
       VALUES (@sha256, @kind, @rel_path, @size, @mime, @width, @height, @duration_s, @fps, @codec, @original_name, @probe_json)`,
    ),
    byPath: db.prepare('SELECT * FROM assets WHERE rel_path = ?'),
  };
  return {
    get: (sha256: string) => q.get.get(sha256) as AssetRow | undefined,
    byPath: (relPath: string) => q.byPath.get(relPath) as AssetRow | undefined,
    /** A file stored twice is kept once: a second insert of the same hash changes nothing. */
    insert: (row: AssetRow) => void q.insert.run(row),
  };
}

export const assetsRepo = perDb(makeAssetsRepo);
