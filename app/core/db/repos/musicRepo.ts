import type { MusicBed } from '../../../../shared/domain/sound';
import { perDb, type Db } from '../sqlite';

/** The only module with SQL for music beds (migration 11); edits run inside undoable steps. */
export interface NewBed {
  id: string;
  asset_sha256: string;
  name: string;
  at_s: number;
  trim_in_s: number;
  length_s: number;
  gain_db: number;
  fade_in_s: number;
  fade_out_s: number;
}

/** A bed with its file's path and length. */
type BedRow = Omit<NewBed, 'asset_sha256'> & { rel_path: string; duration_s: number | null };

export type BedPatch = Partial<Pick<NewBed, 'at_s' | 'trim_in_s' | 'length_s' | 'gain_db' | 'fade_in_s' | 'fade_out_s'>>;

const bed = (r: BedRow): MusicBed => ({
  id: r.id,
  name: r.name,
  relPath: r.rel_path,
  atS: r.at_s,
  trimInS: r.trim_in_s,
  lengthS: r.length_s,
  sourceS: r.duration_s ?? r.trim_in_s + r.length_s,
  gainDb: r.gain_db,
  fadeInS: r.fade_in_s,
  fadeOutS: r.fade_out_s,
});

function makeMusicRepo(db: Db) {
  const q = {
    all: db.prepare(`SELECT b.*, a.rel_path, a.duration_s FROM music_beds b JOIN assets a ON a.sha256 = b.asset_sha256 ORDER BY b.at_s, b.created_at, b.id`),
    insert: db.prepare(
      `INSERT INTO music_beds (id, asset_sha256, name, at_s, trim_in_s, length_s, gain_db, fade_in_s, fade_out_s)
       VALUES (@id, @asset_sha256, @name, @at_s, @trim_in_s, @length_s, @gain_db, @fade_in_s, @fade_out_s)`,
    ),
    remove: db.prepare('DELETE FROM music_beds WHERE id = ?'),
    duck: db.prepare('SELECT duck_db FROM project LIMIT 1').pluck(),
    setDuck: db.prepare('UPDATE project SET duck_db = ?'),
  };
  return {
    beds: () => (q.all.all() as BedRow[]).map(bed),
    insert: (row: NewBed) => void q.insert.run(row),
    update(id: string, patch: BedPatch): boolean {
      const cols = Object.keys(patch).filter((k) => patch[k as keyof BedPatch] !== undefined);
      if (cols.length === 0) return false;
      const sets = cols.map((c) => `${c} = @${c}`).join(', ');
      return db.prepare(`UPDATE music_beds SET ${sets} WHERE id = @id`).run({ ...patch, id }).changes === 1;
    },
    remove: (id: string) => q.remove.run(id).changes === 1,
    duckDb: () => q.duck.get() as number,
    setDuckDb: (db_: number) => void q.setDuck.run(db_),
  };
}

export const musicRepo = perDb(makeMusicRepo);

export type MusicRepo = ReturnType<typeof musicRepo>;
