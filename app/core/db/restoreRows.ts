// Puts a saved copy's rows in place of the project's: restoring a version in place. The rows are
// deleted and inserted on the project's own connection, inside the caller's transaction, so the
// undo triggers (history.ts) record each of them and one undo brings the present back.
import type { Db } from './sqlite';

const SAVED = 'saved';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

function columnsOf(db: Db, table: string): string[] {
  return (db.pragma(`main.table_info(${quote(table)})`) as Array<{ name: string }>).map((c) => c.name);
}

/**
 * Rows of the present a restore leaves as they are. Takes are paid media and no restore removes
 * one, so a take made after the version keeps its review too.
 */
const KEPT: Partial<Record<string, string>> = {
  take_reviews: `take_id NOT IN (SELECT id FROM ${SAVED}.takes)`,
};

/**
 * Columns left for SQLite to fill. Restored reviews get fresh ids: undo addresses rows by rowid,
 * and a review id is never used twice (AUTOINCREMENT, see migration 6).
 */
const FRESH: Partial<Record<string, string>> = { take_reviews: 'id' };

/** `tables` ordered so that each comes after the tables its foreign keys point at. */
function parentsFirst(db: Db, tables: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const visit = (table: string) => {
    if (seen.has(table)) return;
    seen.add(table);
    for (const fk of db.pragma(`main.foreign_key_list(${quote(table)})`) as Array<{ table: string }>) {
      if (tables.includes(fk.table)) visit(fk.table);
    }
    out.push(table);
  };
  tables.forEach(visit);
  return out;
}

function replace(db: Db, tables: readonly string[]) {
  // Foreign keys are checked at commit: shots point at scenes, references at images, in any order.
  db.pragma('defer_foreign_keys = ON');
  const order = parentsFirst(db, tables);
  // Children first, so no ON DELETE CASCADE removes a row behind the triggers' back.
  for (const table of [...order].reverse()) {
    const kept = KEPT[table];
    db.exec(`DELETE FROM main.${quote(table)}${kept ? ` WHERE NOT (${kept})` : ''}`);
  }
  // A library image of the version may name a file whose asset row has gone since (with the take
  // it belonged to). The row comes back; the file under media/ is shared and content-addressed.
  const assetCols = columnsOf(db, 'assets').map(quote).join(', ');
  db.exec(
    `INSERT OR IGNORE INTO main.assets (${assetCols}) SELECT ${assetCols} FROM ${SAVED}.assets WHERE sha256 IN
       (SELECT original_sha256 FROM ${SAVED}.library_images UNION SELECT image_sha256 FROM ${SAVED}.library_images
        UNION SELECT thumb_sha256 FROM ${SAVED}.library_images)`,
  );
  for (const table of order) {
    const cols = columnsOf(db, table)
      .filter((c) => c !== FRESH[table])
      .map(quote)
      .join(', ');
    db.exec(`INSERT INTO main.${quote(table)} (${cols}) SELECT ${cols} FROM ${SAVED}.${quote(table)}`);
  }
  // A take the version had circled may have been deleted since: the shot comes back uncircled.
  db.exec('UPDATE main.shots SET selected_take_id = NULL WHERE selected_take_id NOT IN (SELECT id FROM main.takes)');
  db.exec('UPDATE main.shots SET selected_frame_id = NULL WHERE selected_frame_id NOT IN (SELECT id FROM main.takes)');
}

/**
 * Replaces the rows of `tables` with those of the db at `file`, which must have this build's
 * schema. `transaction` runs the replacement as one transaction (an undoable step in the app).
 * SQLite attaches a db inside a transaction but refuses to detach one there, so the file is
 * attached around it.
 */
export function restoreRows<T>(db: Db, file: string, tables: readonly string[], transaction: (replaceRows: () => void) => T): T {
  db.prepare(`ATTACH DATABASE ? AS ${SAVED}`).run(file);
  try {
    return transaction(() => replace(db, tables));
  } finally {
    db.exec(`DETACH DATABASE ${SAVED}`);
  }
}
