// Named versions of a project: copies of project.db made with SQLite's online backup, kept in
// `versions/` inside the project folder. Media under `media/` is content-addressed and never
// rewritten, so versions share it rather than copy it.
//
// The index is a small JSON file beside each copy (`<time>-<id>.json`), not a table in
// project.db: a table would be copied into every version, and into every project restored from
// one, as a list of files that are not there; and its migration would make every version saved
// before it an older schema. One file per version, written under a scratch name and renamed, also
// means two processes saving at once (the app and `shotline versions --save`) never overwrite
// each other's entry, and a crash leaves a whole entry or none.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { VersionInfo, VersionRestoreResult } from '../../../shared/domain/versions';
import { migrate, schemaVersion } from '../db/migrate';
import { SCHEMA_VERSION } from '../db/migrations';
import { jobsRepo } from '../db/repos/jobsRepo';
import { timelineRepo } from '../db/repos/timelineRepo';
import { restoreRows } from '../db/restoreRows';
import { openSqlite } from '../db/sqlite';
import { UserError } from '../errors';
import { scratchPath, sweepScratch } from '../media/scratch';
import type { Project } from './project';
import { DB_FILE, MEDIA_DIR, projectFolderName } from './projectFiles';

export const VERSIONS_DIR = 'versions';
/** Automatic versions kept per project; older automatic ones go, named ones stay until deleted. */
export const MAX_AUTO_VERSIONS = 20;

const ID = /^[0-9a-f]{8}$/;
const TITLE_MAX = 200;

// The folder may come from someone else (a shared project): entries are checked, not trusted.
const entrySchema = z.object({
  id: z.string().regex(ID),
  name: z.string().max(1000),
  createdAt: z.string().max(64),
  auto: z.boolean(),
  shots: z.number().int().nonnegative(),
  scenes: z.number().int().nonnegative(),
});
type Entry = z.infer<typeof entrySchema>;

interface Stored {
  info: VersionInfo;
  db: string;
  json: string;
}

/** Runs `fn` as one transaction named `label`: the session's undoable edit in the app. */
export type Step = <T>(label: string, fn: () => T) => T;

const versionsDir = (project: Project) => path.join(project.folder, VERSIONS_DIR);

function readEntry(file: string): Entry | null {
  try {
    const parsed = entrySchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

/** Every version with a readable entry, newest first. */
function stored(dir: string): Stored[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const out: Stored[] = [];
  for (const name of names.filter((n) => n.endsWith('.json') && !n.startsWith('.'))) {
    const json = path.join(dir, name);
    const entry = readEntry(json);
    if (!entry) continue;
    const db = json.replace(/\.json$/, '.db');
    out.push({ info: { ...entry, bytes: sizeOf(db) }, db, json });
  }
  return out.sort((a, b) => b.info.createdAt.localeCompare(a.info.createdAt));
}

function find(project: Project, id: string): Stored {
  const hit = ID.test(id) ? stored(versionsDir(project)).find((s) => s.info.id === id) : undefined;
  if (!hit) throw new UserError(`This project has no version "${id}"; it may have been deleted. List the versions again and choose one of them.`);
  return hit;
}

/** A db file and the files SQLite keeps beside it. */
function removeDb(file: string) {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

function remove(version: Stored) {
  // The entry first: a crash in between leaves an unlisted file, never a listed version without one.
  fs.rmSync(version.json, { force: true });
  removeDb(version.db);
}

let lastTime = 0;
/** Now, but always later than the last version this process saved, so newest-first is exact. */
function nextTime(): Date {
  lastTime = Math.max(Date.now(), lastTime + 1);
  return new Date(lastTime);
}

/** "20250102-153012": sorts by time in a file listing. */
const fileStamp = (at: Date) => at.toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');

/** Copies project.db into `versions/`, with its name, time and size; prunes old automatic versions. */
export async function saveVersion(project: Project, name: string, opts: { auto?: boolean } = {}): Promise<VersionInfo> {
  const label = name.trim();
  if (!label) throw new UserError('Give the version a name, for example "Before the recut".');
  const dir = versionsDir(project);
  fs.mkdirSync(dir, { recursive: true });
  sweepScratch(dir);
  const at = nextTime();
  const id = randomBytes(4).toString('hex');
  const base = path.join(dir, `${fileStamp(at)}-${id}`);
  const temp = scratchPath(dir, 'version', '.db');
  try {
    await project.db.backup(temp);
    const copy = openSqlite(temp, { fileMustExist: true });
    let counts: { shots: number; scenes: number };
    try {
      // One self-contained file, read and attached later with no -wal beside it.
      copy.pragma('journal_mode = DELETE');
      const timeline = timelineRepo(copy);
      counts = { shots: timeline.shots().length, scenes: timeline.scenes().length };
    } finally {
      copy.close();
    }
    fs.renameSync(temp, `${base}.db`);
    const entry: Entry = { id, name: label, createdAt: at.toISOString(), auto: opts.auto ?? false, ...counts };
    const tempJson = scratchPath(dir, 'version', '.json');
    fs.writeFileSync(tempJson, JSON.stringify(entry, null, 2));
    fs.renameSync(tempJson, `${base}.json`);
    if (entry.auto) pruneAuto(dir);
    return { ...entry, bytes: sizeOf(`${base}.db`) };
  } finally {
    removeDb(temp);
  }
}

function pruneAuto(dir: string) {
  const autos = stored(dir).filter((s) => s.info.auto);
  autos.slice(MAX_AUTO_VERSIONS).forEach(remove);
}

export function listVersions(project: Project): VersionInfo[] {
  return stored(versionsDir(project)).map((s) => s.info);
}

export function deleteVersion(project: Project, id: string): void {
  remove(find(project, id));
}

/** Why a version's file cannot be used, in one line. */
function damaged(name: string, err: unknown): UserError {
  const why = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim();
  return new UserError(`Version "${name}" cannot be read: its file is damaged (${why}). Delete it and restore another version. Nothing was changed.`);
}

/**
 * The version's db copied to a scratch file in `dir`, checked, and brought up to this build's
 * schema: ready to attach, or to become a project's db. The version's own file is only read.
 */
function preparedCopy(version: Stored, dir: string): string {
  const { name } = version.info;
  if (!fs.existsSync(version.db)) {
    throw new UserError(`The file of version "${name}" is missing (${version.db}). Delete the version and restore another one. Nothing was changed.`);
  }
  const temp = scratchPath(dir, 'restore', '.db');
  try {
    fs.copyFileSync(version.db, temp);
    let found: number;
    const probe = openSqlite(temp, { readonly: true, fileMustExist: true });
    try {
      const check = probe.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(String(check));
      found = schemaVersion(probe);
    } finally {
      probe.close();
    }
    if (found > SCHEMA_VERSION) {
      throw new UserError(
        `Version "${name}" was saved by a newer version of Shotline (schema ${found}; this one knows up to ${SCHEMA_VERSION}). ` +
          'Update Shotline to restore it. Nothing was changed.',
      );
    }
    if (found < 1) throw new Error('it is not a Shotline project database');
    if (found < SCHEMA_VERSION) {
      const db = openSqlite(temp, { fileMustExist: true });
      try {
        migrate(db);
        db.pragma('journal_mode = DELETE');
      } finally {
        db.close();
      }
    }
    return temp;
  } catch (err) {
    removeDb(temp);
    throw err instanceof UserError ? err : damaged(name, err);
  }
}

/**
 * Replaces the rows of the undoable `tables` with the version's, as one `step`: in the app, the
 * session's undoable edit, so one undo brings the present back. The present is first saved as an
 * automatic version. Jobs and takes are not undoable tables, so no restore removes one.
 */
export async function restoreInPlace(
  project: Project,
  id: string,
  opts: { tables: readonly string[]; step?: Step },
): Promise<Extract<VersionRestoreResult, { mode: 'inPlace' }>> {
  const version = find(project, id);
  const name = version.info.name;
  // Checked before anything is written: a damaged version changes nothing, not even the list.
  const prepared = preparedCopy(version, versionsDir(project));
  try {
    const backup = await saveVersion(project, `Before restoring “${name}”`, { auto: true });
    const step: Step = opts.step ?? ((_label, fn) => project.db.transaction(fn)());
    restoreRows(project.db, prepared, opts.tables, (replaceRows) => step(`Restore version “${name}”`, replaceRows));
    return { mode: 'inPlace', restored: version.info, backup };
  } finally {
    removeDb(prepared);
  }
}

/** A folder beside `parent`'s projects that is not there yet: "Title (v)", else "Title (v) 2"… */
function freeFolder(parent: string, title: string): { folder: string; title: string } {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? title : `${title} ${n}`;
    const folder = path.join(parent, projectFolderName(candidate));
    if (!fs.existsSync(folder)) return { folder, title: candidate };
  }
}

/** Hard links to every media file (a copy across disks or where links are not allowed). */
function shareMedia(from: string, to: string) {
  fs.mkdirSync(to, { recursive: true });
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    // Scratch work in progress belongs to the original project's process.
    if (entry.name.startsWith('.')) continue;
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) shareMedia(source, target);
    else if (entry.isFile()) linkOrCopy(source, target);
  }
}

function linkOrCopy(source: string, target: string) {
  try {
    fs.linkSync(source, target);
  } catch (err) {
    if (!['EXDEV', 'EPERM', 'ENOTSUP', 'EMLINK'].includes((err as NodeJS.ErrnoException).code ?? '')) throw err;
    fs.copyFileSync(source, target);
  }
}

/**
 * Makes the copied db a project of its own: its title, and no job carried over. A job under way
 * when the version was saved is the original project's to finish; sent again from here, a queued
 * one would be paid for twice.
 */
function standAlone(file: string, title: string) {
  const db = openSqlite(file, { fileMustExist: true });
  try {
    db.transaction(() => {
      const timeline = timelineRepo(db);
      timeline.updateProject({ ...timeline.project(), title });
      const jobs = jobsRepo(db);
      const now = Date.now();
      const message = 'Not carried over: this project was made from a saved version, and the job belongs to the original project.';
      for (const job of jobs.live()) jobs.move(job.id, job.state, 'canceled', { now, message });
      const lease = jobs.lease.get();
      if (lease) jobs.lease.release(lease.holder);
    })();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

/**
 * A new project "Title (version)" beside this one, holding the version, its media shared with
 * this project's. Built in a temp folder and renamed into place, like a new project.
 */
export function restoreAsNewProject(project: Project, id: string): Extract<VersionRestoreResult, { mode: 'newProject' }> {
  const version = find(project, id);
  const parent = path.dirname(project.folder);
  const { folder, title } = freeFolder(parent, `${project.info().title} (${version.info.name})`.slice(0, TITLE_MAX));
  const tmp = fs.mkdtempSync(path.join(parent, '.shotline-creating-'));
  try {
    fs.renameSync(preparedCopy(version, tmp), path.join(tmp, DB_FILE));
    standAlone(path.join(tmp, DB_FILE), title);
    shareMedia(path.join(project.folder, MEDIA_DIR), path.join(tmp, MEDIA_DIR));
    fs.renameSync(tmp, folder);
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  return { mode: 'newProject', restored: version.info, path: folder, title };
}
