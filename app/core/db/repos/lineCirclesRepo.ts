import { perDb, type Db } from '../sqlite';

/** The only module with SQL for circled line takes (migration 13): one per line key of a shot; edits run inside undoable steps. */
function makeLineCirclesRepo(db: Db) {
  const q = {
    all: db.prepare('SELECT shot_id, line_key, take_id FROM line_circles'),
    set: db.prepare(
      `INSERT INTO line_circles (shot_id, line_key, take_id) VALUES (?, ?, ?)
       ON CONFLICT (shot_id, line_key) DO UPDATE SET take_id = excluded.take_id`,
    ),
    clear: db.prepare('DELETE FROM line_circles WHERE shot_id = ? AND line_key = ? AND take_id = ?'),
  };
  return {
    /** Circled take id by `shotId|lineKey`. */
    all(): Map<string, string> {
      const rows = q.all.all() as Array<{ shot_id: string; line_key: string; take_id: string }>;
      return new Map(rows.map((r) => [`${r.shot_id}|${r.line_key}`, r.take_id]));
    },
    circle: (shotId: string, lineKey: string, takeId: string) => void q.set.run(shotId, lineKey, takeId),
    /** Un-circles `takeId` only: another take circled since stays circled. */
    uncircle: (shotId: string, lineKey: string, takeId: string) => q.clear.run(shotId, lineKey, takeId).changes === 1,
  };
}

export const lineCirclesRepo = perDb(makeLineCirclesRepo);
