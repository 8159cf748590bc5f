import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../db/migrations';
import { openSqlite } from '../db/sqlite';
import { useTmpDir } from '../testing/tmp.testkit';
import { openProject } from './project';
import { createProjectFolder } from './projectFiles';

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
    expect(() => openProject(folder)).toThrow(/damaged.*bak-N/);
    expect(fs.readFileSync(db).equals(garbage)).toBe(true);
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
});
