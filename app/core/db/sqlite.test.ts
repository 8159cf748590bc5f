import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../testing/tmp.testkit';
import { openSqlite, untilChanged } from './sqlite';

const tmp = useTmpDir();

function namesDb() {
  const file = path.join(tmp(), 'kept.db');
  const db = openSqlite(file);
  db.exec('CREATE TABLE t (name TEXT)');
  db.prepare('INSERT INTO t VALUES (?)').run('a');
  let reads = 0;
  const names = untilChanged(db, () => {
    reads += 1;
    return (db.prepare('SELECT name FROM t ORDER BY rowid').all() as Array<{ name: string }>).map((r) => ({ name: r.name }));
  });
  return { file, db, names, reads: () => reads };
}

describe('untilChanged', () => {
  it('reads once while nothing changes, again after a write by this connection', () => {
    const { db, names, reads } = namesDb();
    const first = names();
    expect(names()).toBe(first);
    expect(reads()).toBe(1);
    db.prepare('UPDATE t SET name = ?').run('b');
    expect(names()).toEqual([{ name: 'b' }]);
    expect(reads()).toBe(2);
  });

  it('reads again after another connection (another process) commits', () => {
    const { file, names } = namesDb();
    expect(names()).toEqual([{ name: 'a' }]);
    const other = openSqlite(file);
    other.prepare('INSERT INTO t VALUES (?)').run('c');
    other.close();
    expect(names()).toEqual([{ name: 'a' }, { name: 'c' }]);
  });

  it('never keeps rows read inside a transaction that is rolled back', () => {
    const { db, names } = namesDb();
    expect(() =>
      db.transaction(() => {
        db.prepare('UPDATE t SET name = ?').run('gone');
        expect(names()).toEqual([{ name: 'gone' }]);
        throw new Error('roll back');
      })(),
    ).toThrow('roll back');
    expect(names()).toEqual([{ name: 'a' }]);
  });

  it('uses what it keeps inside a transaction that has not written', () => {
    const { db, names, reads } = namesDb();
    const kept = names();
    expect(db.transaction(() => names())()).toBe(kept);
    expect(reads()).toBe(1);
  });

  it('hands out a frozen value, so one caller cannot change what the others read', () => {
    const { names } = namesDb();
    const value = names();
    expect(() => {
      value[0]!.name = 'x';
    }).toThrow(TypeError);
    expect(names()[0]!.name).toBe('a');
  });
});
