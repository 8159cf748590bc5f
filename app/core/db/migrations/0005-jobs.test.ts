import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../../testing/tmp.testkit';
import { createHistory } from '../history';
import { jobsRepo } from '../repos/jobsRepo';
import { timelineRepo } from '../repos/timelineRepo';
import { migrate, schemaVersion } from '../migrate';
import { openSqlite } from '../sqlite';
import { MIGRATIONS } from './index';

const tmp = useTmpDir();

function v4WithRows() {
  const file = path.join(tmp(), 'project.db');
  const db = openSqlite(file);
  migrate(db, { migrations: MIGRATIONS.slice(0, 4) });
  db.prepare("INSERT INTO project (id, title, aspect_ratio, created_at, created_by) VALUES (1, 'Old', '16:9', 'now', 'v0')").run();
  db.prepare("INSERT INTO scenes VALUES ('s1', 1, 'INT. DINER', 0)").run();
  db.prepare(
    "INSERT INTO shots (id, scene_id, label, position, prompt_json, duration_s, aspect_ratio, tool) VALUES ('a', 's1', '1A', 0, '{}', 5, '16:9', 'runway:gen4_turbo')",
  ).run();
  db.prepare("INSERT INTO assets (sha256, kind, rel_path, size, mime) VALUES ('v00', 'video', 'media/v0/v00.mp4', 10, 'video/mp4')").run();
  return { db, file };
}

function addJobAndTake(db: ReturnType<typeof openSqlite>) {
  jobsRepo(db).insert(
    {
      id: 'j',
      shot_id: 'a',
      shot_label: '1A',
      batch_id: 'b',
      tool: 'runway:gen4_turbo',
      external_id: 'shotline-j',
      seed: 7,
      request_json: '{}',
      cost_estimate_usd: 0.25,
      fallback_tool: null,
      created_at: 1,
    },
    'Queued.',
  );
  db.prepare(
    "INSERT INTO takes (id, shot_id, job_id, number, asset_sha256, provider, model, tool, prompt, params_json, cost_usd, created_at) VALUES ('t', 'a', 'j', 1, 'v00', 'runway', 'gen4_turbo', 'runway:gen4_turbo', 'p', '{}', 0.25, 'now')",
  ).run();
}

const count = (db: ReturnType<typeof openSqlite>, table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get();

describe('migration 5: jobs', () => {
  it('upgrades a schema-4 project, keeping its shots, with no fallback tool set', () => {
    const { db, file } = v4WithRows();
    expect(migrate(db, { dbPath: file })).toMatchObject({ from: 4, backup: `${file}.bak-4` });
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(5);
    expect(timelineRepo(db).shot('a')).toMatchObject({ label: '1A', fallbackTool: null });
    addJobAndTake(db);
    expect([count(db, 'shots'), count(db, 'jobs'), count(db, 'job_events'), count(db, 'takes')]).toEqual([1, 1, 1, 1]);
    db.close();
  });

  it('keeps job_events append-only and one take per job', () => {
    const { db } = v4WithRows();
    migrate(db);
    addJobAndTake(db);
    expect(() => db.prepare("UPDATE job_events SET message = 'edited'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM job_events').run()).toThrow(/append-only/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO takes (id, shot_id, job_id, number, asset_sha256, provider, model, tool, prompt, params_json, cost_usd, created_at) VALUES ('t2', 'a', 'j', 2, 'v00', 'r', 'm', 't', 'p', '{}', 0, 'now')",
        )
        .run(),
    ).toThrow(/UNIQUE/);
    expect(() => db.prepare("UPDATE jobs SET state = 'dreaming'").run()).toThrow(/CHECK/);
    db.close();
  });

  it("keeps a deleted shot's paid takes, so undoing the delete brings them back with it", () => {
    const { db } = v4WithRows();
    migrate(db);
    addJobAndTake(db);
    const history = createHistory(db, ['shots']);
    history.step('Delete shot', () => db.prepare("DELETE FROM shots WHERE id = 'a'").run());
    expect([count(db, 'shots'), count(db, 'jobs'), count(db, 'takes')]).toEqual([0, 1, 1]);
    history.undo();
    expect(db.prepare('SELECT t.id FROM takes t JOIN shots s ON s.id = t.shot_id').pluck().all()).toEqual(['t']);
    db.close();
  });
});
