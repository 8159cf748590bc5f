import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../db/migrations';
import { openSqlite } from '../db/sqlite';
import { testJob } from '../jobs/jobs.testkit';
import { mediaTempPath } from '../media/store';
import { useTmpDir } from '../testing/tmp.testkit';
import { openProject } from './project';
import { createProjectFolder } from './projectFiles';

const require = createRequire(import.meta.url);

const tmp = useTmpDir();
const create = (parent: string, title = 'Night Diner') => createProjectFolder(parent, title, { createdBy: 'test' });

describe('project folders', () => {
  it('creates Name.shotline with project.db and media/', () => {
    const folder = create(tmp());
    expect(path.basename(folder)).toBe('Night Diner.shotline');
    expect(fs.existsSync(path.join(folder, 'project.db'))).toBe(true);
    expect(fs.statSync(path.join(folder, 'media')).isDirectory()).toBe(true);
    const p = openProject(folder);
    expect(p.info()).toMatchObject({ title: 'Night Diner', aspectRatio: '16:9', budgetUsd: null, schemaVersion: SCHEMA_VERSION });
    p.close();
  });

  it('keeps odd Unicode titles, making only the folder name safe', () => {
    const folder = create(tmp(), 'Café: "夜" / Noir?');
    expect(path.basename(folder)).toBe('Café 夜 Noir.shotline');
    const p = openProject(folder);
    expect(p.info().title).toBe('Café: "夜" / Noir?');
    p.close();
  });

  it('makes a folder for a long CJK or emoji title within 255 bytes, and for a Windows device name', () => {
    const long = '🎬夜'.repeat(60);
    const folder = create(tmp(), long);
    expect(Buffer.byteLength(path.basename(folder))).toBeLessThanOrEqual(255);
    expect(path.basename(folder).startsWith('🎬夜'.repeat(30))).toBe(true);
    expect(openProject(folder).info().title).toBe(long);
    expect(path.basename(create(tmp(), 'NUL'))).toBe('NUL_.shotline');
  });

  it('refuses to overwrite an existing folder and leaves no temp folder behind', () => {
    const parent = tmp();
    create(parent);
    expect(() => create(parent)).toThrow(/already exists/);
    expect(fs.readdirSync(parent)).toEqual(['Night Diner.shotline']);
  });

  it('says clearly when a folder is not a project', () => {
    const dir = tmp();
    expect(() => openProject(dir)).toThrow(/not a Shotline project: it has no project.db/);
    expect(() => openProject(path.join(dir, 'missing'))).toThrow(/No folder at/);
  });

  it('says clearly when the db is corrupt, and changes nothing', () => {
    const folder = create(tmp());
    const db = path.join(folder, 'project.db');
    const garbage = Buffer.from('this is not a sqlite database at all'.repeat(200));
    fs.writeFileSync(db, garbage);
    expect(() => openProject(folder)).toThrow(/damaged .*Restore the project folder from your own backup: Shotline has no copy/);
    expect(fs.readFileSync(db).equals(garbage)).toBe(true);
  });

  it('names only a backup that exists, the newest first, for a truncated db', () => {
    const folder = create(tmp());
    const db = path.join(folder, 'project.db');
    for (const n of [2, 5]) fs.copyFileSync(db, `${db}.bak-${n}`);
    fs.truncateSync(db, 8192);
    expect(() => openProject(folder)).toThrow(/damaged .*Restore it from project\.db\.bak-5 in the same folder/);
  });

  it('advises no restore when the -wal file was removed while another process holds the project', async () => {
    const folder = create(tmp());
    const db = path.join(folder, 'project.db');
    // Another process holds the project with writes in its WAL, as the app would.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const D=require(${JSON.stringify(require.resolve('better-sqlite3'))});const d=new D(process.argv[1]);d.pragma('journal_mode=WAL');d.pragma('wal_autocheckpoint=0');d.prepare("UPDATE project SET title='Held'").run();console.log('ready');setInterval(()=>{},1000);`,
        db,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise((resolve) => holder.stdout.once('data', resolve));
      fs.rmSync(`${db}-wal`);
      let message = '';
      try {
        openProject(folder).close();
      } catch (err) {
        message = (err as Error).message;
      }
      // Whether this SQLite notices the missing WAL or not, it must never advise a restore.
      expect(message).not.toMatch(/damaged|[Rr]estore|bak-/);
      if (message) expect(message).toMatch(/could not be read just now.*Close every Shotline window/);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('refuses a project from a newer version without touching it', () => {
    const folder = create(tmp());
    const file = path.join(folder, 'project.db');
    const raw = openSqlite(file);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const before = fs.readFileSync(file);
    expect(() => openProject(folder)).toThrow(/newer version of Shotline/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(folder).filter((f) => f.includes('bak'))).toEqual([]);
  });

  it('says clearly when the folder is read-only', () => {
    const folder = create(tmp());
    fs.chmodSync(folder, 0o555);
    try {
      expect(() => openProject(folder)).toThrow(/read-only/);
    } finally {
      fs.chmodSync(folder, 0o755);
    }
  });

  it('refuses a sqlite file that is not a Shotline project', () => {
    const folder = path.join(tmp(), 'Other.shotline');
    fs.mkdirSync(folder);
    const raw = openSqlite(path.join(folder, 'project.db'));
    raw.exec('CREATE TABLE something (x)');
    raw.close();
    expect(() => openProject(folder)).toThrow(/not a Shotline project/);
  });

  it('sweeps media/.tmp of what killed processes left, keeping what a job will go on with and live work', () => {
    const folder = create(tmp());
    const dir = path.join(folder, 'media', '.tmp');
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    const names = {
      killed: `.shotline-media-${gone}-0123abcd.import`,
      paidDownload: `.shotline-media-${gone}-89abcdef.mp4`,
      oldUnnamed: `${Date.now() - 2 * 24 * 3600 * 1000}-0123456789ab.mp4`,
      oldHeld: `${Date.now() - 3 * 24 * 3600 * 1000}-abcdef012345.png`,
      recentUnnamed: `${Date.now() - 60_000}-0123456789ab.wav`,
      notOurs: 'notes.txt',
    };
    const p = openProject(folder);
    for (const [id, name] of [
      ['j1', names.paidDownload],
      ['j2', names.oldHeld],
    ] as const) {
      p.jobs.insert(testJob({ id: 's1', label: 'S1', tool: 'runway:gen4_turbo' }, { id }), 'queued');
      expect(p.jobs.move(id, 'queued', 'downloading', { now: 2, patch: { temp_path: path.join(dir, name) } })).toBe(true);
    }
    fs.mkdirSync(dir, { recursive: true });
    for (const name of Object.values(names)) fs.writeFileSync(path.join(dir, name), 'x');
    const live = path.basename(mediaTempPath(folder, '.png'));
    fs.writeFileSync(path.join(dir, live), 'being written');
    p.close();

    openProject(folder).close();
    const left = fs.readdirSync(dir).sort();
    expect(left).toEqual([names.oldHeld, names.paidDownload, names.recentUnnamed, names.notOurs, live].sort());
  });

  it('opens a project whose media/.tmp cannot be swept', () => {
    const folder = create(tmp());
    fs.writeFileSync(path.join(folder, 'media', '.tmp'), 'a file where the folder should be');
    const p = openProject(folder);
    expect(p.info().title).toBe('Night Diner');
    p.close();
  });
});
