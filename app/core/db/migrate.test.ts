import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../errors';
import { useTmpDir } from '../testing/tmp.testkit';
import { migrate, schemaVersion } from './migrate';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { openSqlite } from './sqlite';

const tmp = useTmpDir();

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('creates a fresh db at the latest version without a backup', () => {
    const file = path.join(tmp(), 'project.db');
    const db = openSqlite(file);
    const result = migrate(db, { dbPath: file });
    expect(result).toEqual({ from: 0, to: SCHEMA_VERSION, backup: null });
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('upgrades a schema-1 project with real rows, keeping them and backing up first', () => {
    const file = path.join(tmp(), 'project.db');
    const db = openSqlite(file);
    migrate(db, { migrations: MIGRATIONS.slice(0, 1) });
    db.prepare("INSERT INTO project (id, title, aspect_ratio, created_at, created_by) VALUES (1, 'Old', '16:9', 'now', 'v0')").run();
    db.prepare("INSERT INTO scenes VALUES ('s1', 1, 'INT. DINER', 0)").run();
    db.prepare(
      "INSERT INTO shots (id, scene_id, label, position, prompt_json, duration_s, aspect_ratio, tool) VALUES ('a', 's1', '1A', 0, '{}', 5, '16:9', 'runway:gen4_turbo')",
    ).run();

    const result = migrate(db, { dbPath: file });
    expect(result.from).toBe(1);
    expect(result.backup).toBe(`${file}.bak-1`);
    const shot = db.prepare('SELECT label, tier, final_tool FROM shots').get();
    expect(shot).toEqual({ label: '1A', tier: 'draft', final_tool: null });
    expect(db.prepare('SELECT budget_usd FROM project').get()).toEqual({ budget_usd: null });
    db.close();

    const backup = openSqlite(result.backup!, { readonly: true });
    expect(schemaVersion(backup)).toBe(1);
    expect(backup.prepare('SELECT count(*) AS n FROM shots').get()).toEqual({ n: 1 });
    backup.close();
  });

  it('rolls back a failing migration and stays at the previous version', () => {
    const file = path.join(tmp(), 'project.db');
    const db = openSqlite(file);
    migrate(db);
    const broken = [...MIGRATIONS, { version: MIGRATIONS.length + 1, name: 'broken', up: 'CREATE TABLE half (x); SELECT * FROM missing_table;' }];
    expect(() => migrate(db, { migrations: broken })).toThrow(/missing_table/);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('refuses, as the user’s to fix, a db whose recorded version was lowered by hand, changing nothing', () => {
    const file = path.join(tmp(), 'project.db');
    const db = openSqlite(file);
    migrate(db);
    db.pragma('user_version = 2');
    expect(() => migrate(db, { dbPath: file })).toThrow(UserError);
    expect(() => migrate(db, { dbPath: file })).toThrow(/says it is at schema 2, but its tables are from a later one .*changed outside Shotline/);
    expect(schemaVersion(db)).toBe(2);
    expect(fs.readdirSync(path.dirname(file)).filter((n) => n !== 'project.db' && !n.startsWith('project.db-'))).toEqual([]);
    db.close();
  });

  it('refuses a db from a newer version', () => {
    const file = path.join(tmp(), 'project.db');
    const db = openSqlite(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 3}`);
    expect(() => migrate(db)).toThrow(/newer version of Shotline/);
    db.close();
    expect(fs.existsSync(`${file}.bak-${SCHEMA_VERSION + 3}`)).toBe(false);
  });
});
