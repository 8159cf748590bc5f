import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../../testing/tmp.testkit';
import { migrate } from '../migrate';
import { shotFromRow, type ShotRow } from '../repos/rows';
import { openSqlite } from '../sqlite';
import { MIGRATIONS } from './index';

const tmp = useTmpDir();

describe('migration 7: dialogue lines', () => {
  it('turns old free-text dialogue into one line with no speaker, and none into no lines', () => {
    const file = path.join(tmp(), 'project.db');
    const db = openSqlite(file);
    migrate(db, { migrations: MIGRATIONS.slice(0, 6) });
    db.exec(`
      INSERT INTO project (id, title, aspect_ratio, created_at, created_by) VALUES (1, 'Old', '16:9', 'now', 'v0');
      INSERT INTO scenes VALUES ('s1', 1, 'INT. DINER', 0);
      INSERT INTO shots (id, scene_id, label, position, prompt_json, duration_s, aspect_ratio, tool, dialogue) VALUES
        ('a', 's1', '1A', 0, '{}', 5, '16:9', 'local:animatic', '  Coffee. "Black."  '),
        ('b', 's1', '1B', 1, '{}', 5, '16:9', 'local:animatic', '');
    `);
    expect(migrate(db, { dbPath: file })).toMatchObject({ from: 6 });
    const shots = (db.prepare('SELECT * FROM shots ORDER BY id').all() as ShotRow[]).map(shotFromRow);
    expect(shots.map((s) => s.dialogue)).toEqual([[{ speaker: '', extension: null, parenthetical: null, text: 'Coffee. "Black."' }], []]);
    db.close();
  });
});
