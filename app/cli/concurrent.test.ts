// Many processes at one project, as a script or a filmmaker's shell loop makes them: each write
// waits its turn (IMMEDIATE transactions under the busy timeout) and every command succeeds.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../core/db/migrations';
import { migrate, schemaVersion } from '../core/db/migrate';
import { openSqlite } from '../core/db/sqlite';
import { openProject } from '../core/project/project';
import { useTmpDir } from '../core/testing/tmp.testkit';

const BIN = path.resolve(import.meta.dirname, 'bin.mjs');
const tmp = useTmpDir('shotline-concurrent-');

async function shotline(args: string[], cwd: string) {
  try {
    await promisify(execFile)(process.execPath, [BIN, ...args], { cwd });
    return { code: 0, stderr: '' };
  } catch (err) {
    const e = err as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

/** Runs every command at once; returns those that failed, with what they said. */
async function together(runs: string[][], cwd: string): Promise<string[]> {
  const results = await Promise.all(runs.map((args) => shotline(args, cwd)));
  return results.flatMap((r, i) => (r.code === 0 ? [] : [`${runs[i]!.join(' ')} → ${r.code}: ${r.stderr.trim()}`]));
}

describe('parallel writers', () => {
  it('20 parallel rates and 20 parallel imports all succeed, in turn', async () => {
    const cwd = tmp();
    expect((await shotline(['demo', '--no-export', '--out', 'film.shotline'], cwd)).code).toBe(0);
    const rates = Array.from({ length: 20 }, (_, i) => ['rate', 'film.shotline', '--take', '1A:1', '--notes', `note ${i}`, '--fidelity', String((i % 5) + 1)]);
    expect(await together(rates, cwd)).toEqual([]);
    const plans = Array.from({ length: 20 }, (_, i) => {
      const file = path.join(cwd, `plan-${i}.json`);
      fs.writeFileSync(file, JSON.stringify({ scenes: [{ name: `Batch ${i}`, shots: [{ action: `Shot ${i}`, durationS: 5, tool: 'local:animatic' }] }] }));
      return ['import', 'film.shotline', file];
    });
    const before = openProject(path.join(cwd, 'film.shotline'));
    const shotsBefore = before.timeline.shots().length;
    before.close();
    expect(await together(plans, cwd)).toEqual([]);
    const after = openProject(path.join(cwd, 'film.shotline'));
    expect(after.timeline.shots()).toHaveLength(shotsBefore + 20);
    expect(new Set(after.timeline.shots().map((s) => s.label)).size).toBe(shotsBefore + 20);
    after.close();
  }, 300_000);

  it('8 processes first opening an old-schema project: one upgrades, all succeed, one backup', async () => {
    const cwd = tmp();
    const folder = path.join(cwd, 'Old.shotline');
    fs.mkdirSync(path.join(folder, 'media'), { recursive: true });
    const db = openSqlite(path.join(folder, 'project.db'));
    migrate(db, { migrations: MIGRATIONS.slice(0, 1) });
    db.prepare("INSERT INTO project (id, title, aspect_ratio, created_at, created_by) VALUES (1, 'Old', '16:9', 'now', 'v0')").run();
    db.prepare("INSERT INTO scenes VALUES ('s1', 1, 'INT. DINER', 0)").run();
    db.close();
    expect(
      await together(
        Array.from({ length: 8 }, () => ['list', 'Old.shotline']),
        cwd,
      ),
    ).toEqual([]);
    const upgraded = openSqlite(path.join(folder, 'project.db'), { readonly: true });
    expect(schemaVersion(upgraded)).toBe(SCHEMA_VERSION);
    upgraded.close();
    expect(fs.readdirSync(folder).filter((n) => n.includes('.bak-') || n.startsWith('.shotline-'))).toEqual(['project.db.bak-1']);
  }, 300_000);
});
