import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../../testing/tmp.testkit';
import { createHistory } from '../history';
import { migrate, schemaVersion } from '../migrate';
import { openSqlite } from '../sqlite';
import { MIGRATIONS } from './index';

const tmp = useTmpDir();

function v3WithRows() {
  const file = path.join(tmp(), 'project.db');
  const db = openSqlite(file);
  migrate(db, { migrations: MIGRATIONS.slice(0, 3) });
  db.prepare("INSERT INTO project (id, title, aspect_ratio, created_at, created_by) VALUES (1, 'Old', '16:9', 'now', 'v0')").run();
  db.prepare("INSERT INTO scenes VALUES ('s1', 1, 'INT. DINER', 0)").run();
  db.prepare(
    "INSERT INTO shots (id, scene_id, label, position, prompt_json, duration_s, aspect_ratio, tool) VALUES ('a', 's1', '1A', 0, '{}', 5, '16:9', 'runway:gen4_turbo')",
  ).run();
  db.prepare("INSERT INTO assets (sha256, kind, rel_path, size, mime) VALUES ('f00', 'image', 'media/f0/f00.jpg', 10, 'image/jpeg')").run();
  return { db, file };
}

function addLibrary(db: ReturnType<typeof openSqlite>) {
  db.prepare("INSERT INTO library_items (id, kind, name, tag, position) VALUES ('m', 'character', 'Mara', 'mara', 0)").run();
  db.prepare(
    "INSERT INTO library_images (id, item_id, name, position, is_primary, original_sha256, image_sha256, thumb_sha256, format, width, height) VALUES ('i', 'm', 'm.jpg', 0, 1, 'f00', 'f00', 'f00', 'jpeg', 4, 3)",
  ).run();
  db.prepare("INSERT INTO shot_refs (shot_id, slot, item_id, image_id) VALUES ('a', 0, 'm', 'i')").run();
  db.prepare("INSERT INTO shot_keyframes (shot_id, which, image_id, item_id, source) VALUES ('a', 'start', 'i', 'm', '@mara')").run();
}

const count = (db: ReturnType<typeof openSqlite>, table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

describe('migration 4: library', () => {
  it('upgrades a schema-3 project, keeping its shots and assets', () => {
    const { db, file } = v3WithRows();
    expect(migrate(db, { dbPath: file })).toMatchObject({ from: 3, backup: `${file}.bak-3` });
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(4);
    addLibrary(db);
    expect([count(db, 'shots'), count(db, 'assets'), count(db, 'shot_refs'), count(db, 'shot_keyframes')]).toEqual([1, 1, 1, 1]);
    db.close();
  });

  it('keeps tags unique regardless of case, and refuses an image of a missing asset', () => {
    const { db } = v3WithRows();
    migrate(db);
    addLibrary(db);
    expect(() => db.prepare("INSERT INTO library_items (id, kind, name, tag, position) VALUES ('x', 'prop', 'X', 'MARA', 1)").run()).toThrow(/UNIQUE/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO library_images (id, item_id, name, position, original_sha256, image_sha256, thumb_sha256, format, width, height) VALUES ('j', 'm', 'x', 1, 'nope', 'nope', 'nope', 'png', 1, 1)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('drops a deleted shot’s slots and keyframes, and undo brings them back', () => {
    const { db } = v3WithRows();
    migrate(db);
    addLibrary(db);
    const history = createHistory(db, ['shots', 'library_items', 'library_images', 'shot_refs', 'shot_keyframes']);
    history.step('Delete shot', () => db.prepare("DELETE FROM shots WHERE id = 'a'").run());
    expect([count(db, 'shot_refs'), count(db, 'shot_keyframes')]).toEqual([0, 0]);
    history.undo();
    expect([count(db, 'shots'), count(db, 'shot_refs'), count(db, 'shot_keyframes')]).toEqual([1, 1, 1]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
  });
});
