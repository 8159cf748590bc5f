import Database from 'better-sqlite3';

export type Db = Database.Database;

/**
 * Opens a SQLite file with our connection settings. Under Electron the shell points
 * SHOTLINE_SQLITE_BINDING at a better-sqlite3 build for Electron's ABI; Node (CLI, tests,
 * devhost) uses the build in node_modules.
 */
export function openSqlite(file: string, opts: { readonly?: boolean; fileMustExist?: boolean } = {}): Db {
  const nativeBinding = process.env.SHOTLINE_SQLITE_BINDING || undefined;
  const db = new Database(file, {
    readonly: opts.readonly ?? false,
    fileMustExist: opts.fileMustExist ?? false,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  db.pragma('busy_timeout = 5000');
  if (!opts.readonly) {
    db.pragma('journal_mode = WAL');
    // FULL: an edit the user saw committed survives a power cut, not just a crash.
    db.pragma('synchronous = FULL');
  }
  db.pragma('foreign_keys = ON');
  return db;
}
