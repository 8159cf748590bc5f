import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../../testing/tmp.testkit';
import { createHistory } from '../history';
import { migrate, schemaVersion } from '../migrate';
import { openSqlite } from '../sqlite';
import { MIGRATIONS } from './index';

const tmp = useTmpDir();

/** A schema-5 project: two shots, a circled take of 1A, and 1B starting on 1A's last frame. */
function v5WithRows() {
  const file = path.join(tmp(), 'project.db');
  const db = openSqlite(file);
  migrate(db, { migrations: MIGRATIONS.slice(0, 5) });
  db.exec(`
    INSERT INTO project (id, title, aspect_ratio, created_at, created_by) VALUES (1, 'Old', '16:9', 'now', 'v0');
    INSERT INTO scenes VALUES ('s1', 1, 'INT. DINER', 0);
    INSERT INTO shots (id, scene_id, label, position, prompt_json, duration_s, aspect_ratio, tool) VALUES
      ('a', 's1', '1A', 0, '{}', 5, '16:9', 'local:animatic'), ('b', 's1', '1B', 1, '{}', 5, '16:9', 'local:animatic');
    INSERT INTO assets (sha256, kind, rel_path, size, mime) VALUES
      ('v1', 'video', 'media/v1/v1.mp4', 10, 'video/mp4'), ('v2', 'video', 'media/v2/v2.mp4', 10, 'video/mp4'), ('f0', 'image', 'media/f0/f0.png', 10, 'image/png');
    INSERT INTO jobs (id, shot_id, shot_label, batch_id, tool, state, external_id, request_json, cost_estimate_usd, created_at, updated_at)
      VALUES ('j1', 'a', '1A', 'b', 'local:animatic', 'ready', 'x1', '{}', 0, 0, 0), ('j2', 'a', '1A', 'b', 'local:animatic', 'ready', 'x2', '{}', 0, 0, 0);
    INSERT INTO takes (id, shot_id, job_id, number, asset_sha256, provider, model, tool, prompt, params_json, cost_usd, selected, created_at) VALUES
      ('t1', 'a', 'j1', 1, 'v1', 'local', 'animatic', 'local:animatic', 'p', '{}', 0, 0, 'now'),
      ('t2', 'a', 'j2', 2, 'v2', 'local', 'animatic', 'local:animatic', 'p', '{}', 0, 1, 'now');
    INSERT INTO library_images (id, name, position, original_sha256, image_sha256, thumb_sha256, format, width, height) VALUES ('i', 'f', 0, 'f0', 'f0', 'f0', 'png', 4, 4);
    INSERT INTO shot_keyframes (shot_id, which, image_id, source) VALUES ('b', 'start', 'i', 'shot 1A, last frame'), ('a', 'start', 'i', 'mara.png');
  `);
  return { db, file };
}

describe('migration 6: takes review', () => {
  it('carries the circled take over to its shot and links keyframes taken from another shot', () => {
    const { db, file } = v5WithRows();
    expect(migrate(db, { dbPath: file })).toMatchObject({ from: 5, backup: `${file}.bak-5` });
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(6);
    expect(db.prepare('SELECT id, selected_take_id, fit_mode, trim_in_s FROM shots ORDER BY id').all()).toEqual([
      { id: 'a', selected_take_id: 't2', fit_mode: null, trim_in_s: 0 },
      { id: 'b', selected_take_id: null, fit_mode: null, trim_in_s: 0 },
    ]);
    expect(db.prepare('SELECT shot_id, from_shot_id, from_frame FROM shot_keyframes ORDER BY shot_id').all()).toEqual([
      { shot_id: 'a', from_shot_id: null, from_frame: null },
      { shot_id: 'b', from_shot_id: 'a', from_frame: 'last' },
    ]);
    db.close();
  });

  it('never reuses a review row id, so an old undo step cannot land on another take’s review', () => {
    const { db } = v5WithRows();
    migrate(db);
    const history = createHistory(db, ['take_reviews']);
    history.step('Rate take 2', () => db.prepare("INSERT INTO take_reviews (take_id, fidelity) VALUES ('t2', 4)").run());
    // Deleting a take is not an edit: its review goes outside the history.
    db.prepare("DELETE FROM take_reviews WHERE take_id = 't2'").run();
    db.prepare("INSERT INTO take_reviews (take_id, fidelity) VALUES ('t1', 5)").run();
    history.undo();
    expect(db.prepare('SELECT take_id, fidelity FROM take_reviews').all()).toEqual([{ take_id: 't1', fidelity: 5 }]);
    expect(() => db.prepare("INSERT INTO take_reviews (take_id, fidelity) VALUES ('t2', 9)").run()).toThrow(/CHECK/);
    db.close();
  });
});
