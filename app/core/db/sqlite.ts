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
  // Several processes may share a project (the app, `shotline` commands, scripts): a writer waits
  // its turn rather than failing. 30 s covers a queue of imports; a wait that long says so.
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  if (!opts.readonly) {
    db.pragma('journal_mode = WAL');
    // FULL: an edit the user saw committed survives a power cut, not just a crash.
    db.pragma('synchronous = FULL');
    writeLocksFirst(db);
  }
  db.pragma('foreign_keys = ON');
  return db;
}

export const BUSY_TIMEOUT_MS = 30_000;

/**
 * Makes `db.transaction(fn)()` begin IMMEDIATE: the write lock is taken (waiting under the busy
 * timeout) before the first read. A DEFERRED transaction that reads and then writes cannot wait
 * when another process wrote meanwhile: SQLite fails it at once with "database is locked". Pure
 * reads can still ask for `.deferred`.
 */
function writeLocksFirst(db: Db): void {
  const make = db.transaction.bind(db);
  db.transaction = ((fn: (...args: never[]) => unknown) => {
    const tx = make(fn);
    return Object.assign((...args: never[]) => tx.immediate(...args), {
      default: tx.immediate,
      deferred: tx.deferred,
      immediate: tx.immediate,
      exclusive: tx.exclusive,
    });
  }) as Db['transaction'];
}

/** One instance per connection: a repo's statements are prepared once, not on every call. */
export function perDb<T>(build: (db: Db) => T): (db: Db) => T {
  const made = new WeakMap<Db, T>();
  return (db) => {
    let value = made.get(db);
    if (value === undefined) {
      value = build(db);
      made.set(db, value);
    }
    return value;
  };
}

/**
 * A read kept until the database changes, by this connection (`total_changes()`) or by another
 * process (`data_version`). The whole ordered shot list is read by nearly every query a screen
 * asks for (snapshot, cost plan, cut, sound, refs): once per change instead of a dozen times.
 * It is filled only outside a transaction: a rolled-back write leaves the change count raised,
 * so rows read inside one could otherwise outlive the rollback. The value is shared by every
 * caller, so it is frozen: a caller that edits it fails loudly instead of changing the others'.
 */
export function untilChanged<T extends object>(db: Db, read: () => T): () => T {
  const version = db.prepare("SELECT total_changes() || ':' || (SELECT data_version FROM pragma_data_version)").pluck();
  let kept: { at: string; value: T } | null = null;
  return () => {
    const at = version.get() as string;
    if (kept?.at === at) return kept.value;
    const value = read();
    if (!db.inTransaction) kept = { at, value: freezeDeep(value) };
    return value;
  };
}

function freezeDeep<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) freezeDeep(v);
  }
  return value;
}
