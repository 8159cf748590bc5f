import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors';
import { MIGRATIONS, type Migration } from './migrations';
import type { Db } from './sqlite';
import { scratchPath } from '../media/scratch';

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function tamperedSchemaError(found: number, err: Error): UserError {
  return new UserError(
    `This project's database says it is at schema ${found}, but its tables are from a later one (${err.message}): ` +
      'its version number was changed outside Shotline. Nothing was changed. Restore project.db from a backup, ' +
      'or ask whoever sent the project for an unmodified copy.',
  );
}

export function newerSchemaError(found: number, known: number): UserError {
  return new UserError(
    `This project was saved by a newer version of Shotline (schema ${found}; this version knows up to ${known}). ` +
      'Update Shotline to open it. Nothing was changed.',
  );
}

/**
 * Brings the db up to the latest schema, in one transaction: all of it or none. An existing db is
 * copied to `project.db.bak-<old version>` first so an upgrade can always be undone by hand.
 * Several processes may open the same old project at once (the app and a few `shotline`
 * commands): the upgrade holds an exclusive lock and reads the version again under it, so one
 * process upgrades and the others find it done.
 */
export function migrate(db: Db, opts: { dbPath?: string; migrations?: readonly Migration[] } = {}) {
  const migrations = opts.migrations ?? MIGRATIONS;
  const latest = migrations.length;
  const seen = schemaVersion(db);
  if (seen > latest) throw newerSchemaError(seen, latest);
  if (seen === latest) return { from: seen, to: seen, backup: null as string | null };

  return db
    .transaction(() => {
      const from = schemaVersion(db);
      if (from > latest) throw newerSchemaError(from, latest);
      if (from === latest) return { from, to: from, backup: null as string | null };
      // Copied before any change, put in place only once the upgrade worked: a failed one leaves an older backup as it was.
      const copy = from > 0 && opts.dbPath ? scratchCopy(db, path.dirname(opts.dbPath)) : null;
      try {
        for (const m of migrations.filter((m) => m.version > from)) {
          db.exec(m.up);
          db.pragma(`user_version = ${m.version}`);
        }
      } catch (err) {
        if (copy) fs.rmSync(copy, { force: true });
        // Tables already there that this version should add: the recorded version was changed by hand.
        if (/already exists|duplicate column name/.test((err as Error).message)) throw tamperedSchemaError(from, err as Error);
        throw err;
      }
      const backup = copy && `${opts.dbPath}.bak-${from}`;
      if (copy && backup) fs.renameSync(copy, backup);
      return { from, to: latest, backup };
    })
    .exclusive();
}

/** The db as this transaction sees it (WAL included), written into `dir` under a scratch name. */
function scratchCopy(db: Db, dir: string): string {
  const temp = scratchPath(dir, 'backup');
  fs.writeFileSync(temp, db.serialize());
  return temp;
}
