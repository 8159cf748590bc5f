import { perDb, type Db } from '../sqlite';

/** The only module with SQL for sound-effect cues (migration 13); edits run inside undoable steps. */
export interface CueRow {
  id: string;
  shot_id: string;
  text: string;
  seconds: number;
  offset_s: number;
  gain_db: number;
  selected_take_id: string | null;
  position: number;
}

export type NewCue = Omit<CueRow, 'selected_take_id' | 'position'>;
export type CuePatch = Partial<Pick<CueRow, 'text' | 'seconds' | 'offset_s' | 'gain_db'>>;

function makeSfxRepo(db: Db) {
  const q = {
    all: db.prepare('SELECT * FROM sfx_cues ORDER BY shot_id, position, created_at, id'),
    get: db.prepare('SELECT * FROM sfx_cues WHERE id = ?'),
    byShot: db.prepare('SELECT * FROM sfx_cues WHERE shot_id = ? ORDER BY position, created_at, id'),
    // After the shot's other cues.
    insert: db.prepare(
      `INSERT INTO sfx_cues (id, shot_id, text, seconds, offset_s, gain_db, position)
       VALUES (@id, @shot_id, @text, @seconds, @offset_s, @gain_db, (SELECT COALESCE(MAX(position), -1) + 1 FROM sfx_cues WHERE shot_id = @shot_id))`,
    ),
    remove: db.prepare('DELETE FROM sfx_cues WHERE id = ?'),
  };
  return {
    all: () => q.all.all() as CueRow[],
    get: (id: string) => q.get.get(id) as CueRow | undefined,
    byShot: (shotId: string) => q.byShot.all(shotId) as CueRow[],
    insert: (row: NewCue) => void q.insert.run(row),
    update(id: string, patch: CuePatch): boolean {
      const cols = Object.keys(patch).filter((k) => patch[k as keyof CuePatch] !== undefined);
      if (cols.length === 0) return q.get.get(id) !== undefined;
      const sets = cols.map((c) => `${c} = @${c}`).join(', ');
      return db.prepare(`UPDATE sfx_cues SET ${sets} WHERE id = @id`).run({ ...patch, id }).changes === 1;
    },
    remove: (id: string) => q.remove.run(id).changes === 1,
    /** Circles a take of the cue (null: none, the newest plays). */
    select: (id: string, takeId: string | null) => db.prepare('UPDATE sfx_cues SET selected_take_id = ? WHERE id = ?').run(takeId, id).changes === 1,
  };
}

export const sfxRepo = perDb(makeSfxRepo);

export type SfxRepo = ReturnType<typeof sfxRepo>;
