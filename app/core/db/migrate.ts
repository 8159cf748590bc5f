import fs from 'node:fs';
import { UserError } from '../errors';
import { MIGRATIONS, type Migration } from './migrations';
import type { Db } from './sqlite';

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function newerSchemaError(found: number, known: number): UserError {
  return new UserError(
    `This project was saved by a newer version of Shotline (schema ${found}; this version knows up to ${known}). ` +
      'Update Shotline to open it. Nothing was changed.',
  );
}

/**
 * Brings the db up to the latest schema. Each migration runs in its own transaction, and
 * an existing db is copied to `project.db.bak-<old version>` first so an upgrade can
 * always be undone by hand.
 */
export function migrate(db: Db, opts: { dbPath?: string; migrations?: readonly Migration[] } = {}) {
  const migrations = opts.migrations ?? MIGRATIONS;
  const latest = migrations.length;
  const from = schemaVersion(db);
  if (from > latest) throw newerSchemaError(from, latest);
  if (from === latest) return { from, to: from, backup: null as string | null };

  let backup: string | null = null;
  if (from > 0 && opts.dbPath) {
    backup = `${opts.dbPath}.bak-${from}`;
    fs.rmSync(backup, { force: true });
    // VACUUM INTO writes a consistent copy including anything still in the WAL.
    db.prepare('VACUUM INTO ?').run(backup);
  }
  for (const m of migrations) {
    if (m.version <= from) continue;
    db.transaction(() => {
      db.exec(m.up);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { from, to: latest, backup };
}
