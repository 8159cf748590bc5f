import type { HistoryState } from '../../../shared/domain/types';
import type { Db } from './sqlite';

/**
 * Session undo/redo for every edit, the way SQLite's own undo/redo note describes: TEMP
 * triggers record, for each row an edit touches, the SQL that reverses it. Undoing a step
 * runs that SQL, which the triggers record in turn as the redo step. Because the log is
 * derived from the rows themselves, a new kind of edit is undoable without extra code.
 * TEMP objects belong to this connection only, so a CLI process never records anything.
 */
export interface History {
  /** Runs `fn` in one transaction as one undoable step named `label`. */
  step<T>(label: string, fn: () => T): T;
  undo(): HistoryState;
  redo(): HistoryState;
  state(): HistoryState;
  /** Tables the last step, undo or redo changed, read off the undo log: for change notifications. */
  readonly tables: readonly string[];
}

interface Step {
  label: string;
  from: number;
  to: number;
}

function quoteIdent(name: string) {
  return `"${name.replace(/"/g, '""')}"`;
}

function columnsOf(db: Db, table: string): string[] {
  return (db.pragma(`table_info(${quoteIdent(table)})`) as Array<{ name: string }>).map((c) => c.name);
}

function installTriggers(db: Db, table: string) {
  const t = quoteIdent(table);
  const cols = columnsOf(db, table);
  // Each trigger builds the inverse statement as a string with quote() so values round-trip exactly.
  const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
  const insertCols = ['rowid', ...cols].map(quoteIdent).join(',');
  const oldValues = ['rowid', ...cols].map((c) => `quote(OLD.${quoteIdent(c)})`).join(`||','||`);
  const setOld = cols.map((c) => `${lit(`${quoteIdent(c)}=`)}||quote(OLD.${quoteIdent(c)})`).join(`||','||`);
  db.exec(`
    CREATE TEMP TRIGGER IF NOT EXISTS _undo_${table}_ins AFTER INSERT ON main.${t} BEGIN
      INSERT INTO _undo_log(tbl, sql) VALUES (${lit(table)}, ${lit(`DELETE FROM ${t} WHERE rowid=`)}||NEW.rowid);
    END;
    CREATE TEMP TRIGGER IF NOT EXISTS _undo_${table}_upd AFTER UPDATE ON main.${t} BEGIN
      INSERT INTO _undo_log(tbl, sql) VALUES (${lit(table)}, ${lit(`UPDATE ${t} SET `)}||${setOld}||${lit(' WHERE rowid=')}||OLD.rowid);
    END;
    CREATE TEMP TRIGGER IF NOT EXISTS _undo_${table}_del BEFORE DELETE ON main.${t} BEGIN
      INSERT INTO _undo_log(tbl, sql) VALUES (${lit(table)}, ${lit(`INSERT INTO ${t}(${insertCols}) VALUES(`)}||${oldValues}||')');
    END;
  `);
}

export function createHistory(db: Db, tables: readonly string[], limit = 500): History {
  db.exec('CREATE TEMP TABLE IF NOT EXISTS _undo_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, tbl TEXT NOT NULL, sql TEXT NOT NULL)');
  for (const table of tables) installTriggers(db, table);

  const maxSeq = db.prepare('SELECT COALESCE(MAX(seq), 0) AS m FROM _undo_log').pluck();
  const entries = db.prepare('SELECT seq, tbl, sql FROM _undo_log WHERE seq > ? AND seq <= ? ORDER BY seq DESC');
  const dropRange = db.prepare('DELETE FROM _undo_log WHERE seq > ? AND seq <= ?');
  const tablesIn = db.prepare('SELECT DISTINCT tbl FROM _undo_log WHERE seq > ? AND seq <= ?').pluck();
  const undoStack: Step[] = [];
  const redoStack: Step[] = [];
  let lastTables: string[] = [];

  function record<T>(fn: () => T): { result: T; range: { from: number; to: number } | null } {
    const from = maxSeq.get() as number;
    const result = fn();
    const to = maxSeq.get() as number;
    return { result, range: to > from ? { from, to } : null };
  }

  /** Replays a step's inverse SQL newest-first, recording the inverse of that as a new step. */
  function replay(step: Step): Step | null {
    const rows = entries.all(step.from, step.to) as Array<{ tbl: string; sql: string }>;
    lastTables = [...new Set(rows.map((r) => r.tbl))];
    const { range } = record(() => {
      dropRange.run(step.from, step.to);
      // Positions and foreign keys pass through states that are only valid at the end.
      db.pragma('defer_foreign_keys = ON');
      for (const r of rows) db.exec(r.sql);
    });
    return range ? { label: step.label, ...range } : null;
  }

  function state(): HistoryState {
    return {
      canUndo: undoStack.length > 0,
      canRedo: redoStack.length > 0,
      undoLabel: undoStack.at(-1)?.label ?? null,
      redoLabel: redoStack.at(-1)?.label ?? null,
    };
  }

  function move(fromStack: Step[], toStack: Step[]): HistoryState {
    const step = fromStack.pop();
    if (!step) return state();
    const inverse = db.transaction(() => replay(step))();
    if (inverse) toStack.push(inverse);
    return state();
  }

  return {
    step(label, fn) {
      const { result, range } = db.transaction(() => record(fn))();
      lastTables = range ? (tablesIn.all(range.from, range.to) as string[]) : [];
      if (range) {
        undoStack.push({ label, ...range });
        for (const s of redoStack.splice(0)) dropRange.run(s.from, s.to);
        if (undoStack.length > limit) {
          const old = undoStack.shift()!;
          dropRange.run(old.from, old.to);
        }
      }
      return result;
    },
    undo: () => move(undoStack, redoStack),
    redo: () => move(redoStack, undoStack),
    state,
    get tables() {
      return lastTables;
    },
  };
}
