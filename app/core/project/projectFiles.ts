import fs from 'node:fs';
import path from 'node:path';
import { safeFileName, utf8Length } from '../../../shared/domain/filenames';
import type { AspectRatio } from '../../../shared/domain/types';
import { migrate, newerSchemaError } from '../db/migrate';
import { SCHEMA_VERSION } from '../db/migrations';
import { jobsRepo } from '../db/repos/jobsRepo';
import { timelineRepo } from '../db/repos/timelineRepo';
import { openSqlite, type Db } from '../db/sqlite';
import { UserError } from '../errors';
import { sweepScratch } from '../media/scratch';

export const PROJECT_EXT = '.shotline';
export const DB_FILE = 'project.db';
export const MEDIA_DIR = 'media';
/** Stills grabbed from stored videos, kept for storyboards (media/frameCache.ts). */
export const FRAMES_DIR = path.join(MEDIA_DIR, '.frames');
/** Files on their way into the store: imports being checked, downloads, renders (media/store.ts). */
export const TEMP_DIR = path.join(MEDIA_DIR, '.tmp');
/** Waveforms of stored sound, kept for the sound lanes (sound/waveform.ts). */
export const WAVEFORMS_DIR = path.join(MEDIA_DIR, '.waveforms');

export function projectFolderName(title: string): string {
  return safeFileName(title, 'Untitled', 255 - utf8Length(PROJECT_EXT)) + PROJECT_EXT;
}

function isReadOnly(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    return true;
  }
  // root passes access() everywhere; the mode bits still say what the user asked for.
  return (fs.statSync(dir).mode & 0o222) === 0;
}

export interface CreateProjectOptions {
  aspectRatio?: AspectRatio;
  budgetUsd?: number | null;
  createdBy: string;
  setup?: (db: Db) => void;
}

/** Creates `<parentDir>/<Title>.shotline/`: the app's New Project. */
export function createProjectFolder(parentDir: string, title: string, opts: CreateProjectOptions): string {
  return createProjectAt(path.join(path.resolve(parentDir), projectFolderName(title)), title, opts);
}

/**
 * Creates the project folder at exactly `folderPath` (the CLI names it itself) with a migrated
 * db and `media/`. It is built in a temp folder and renamed into place, so a crash never
 * leaves a half project.
 */
export function createProjectAt(folderPath: string, title: string, opts: CreateProjectOptions): string {
  const folder = path.resolve(folderPath);
  const parent = path.dirname(folder);
  fs.mkdirSync(parent, { recursive: true });
  if (isReadOnly(parent)) throw new UserError(`Cannot create a project in "${parent}": the folder is read-only. Choose another location.`);
  if (fs.existsSync(folder)) {
    throw new UserError(`"${folder}" already exists. Open it, or choose another title or location.`);
  }
  // A short name of its own: the project's may already use most of the 255 bytes a name can have.
  const tmp = fs.mkdtempSync(path.join(parent, '.shotline-creating-'));
  try {
    fs.mkdirSync(path.join(tmp, MEDIA_DIR));
    const db = openSqlite(path.join(tmp, DB_FILE));
    try {
      migrate(db);
      db.transaction(() => {
        timelineRepo(db).createProject(title.trim(), opts.aspectRatio ?? '16:9', opts.budgetUsd ?? null, opts.createdBy);
        opts.setup?.(db);
      })();
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
    fs.renameSync(tmp, folder);
  } catch (err) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  return folder;
}

/** Checks a folder is a project this version can open, without writing anything to it. */
function inspect(folder: string): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch {
    throw new UserError(`No folder at "${folder}". It may have been moved or renamed; open it from its new place.`);
  }
  if (!stat.isDirectory()) throw new UserError(`"${folder}" is a file, not a project folder. Choose the folder ending in ${PROJECT_EXT}.`);
  const dbPath = path.join(folder, DB_FILE);
  if (!fs.existsSync(dbPath)) {
    throw new UserError(`"${folder}" is not a Shotline project: it has no ${DB_FILE}. Choose a folder ending in ${PROJECT_EXT}, or create a new project.`);
  }
  if (isReadOnly(folder) || isReadOnly(dbPath)) {
    throw new UserError(
      `"${folder}" is read-only, and Shotline saves every edit as you make it. Copy the project somewhere writable or change its permissions, then open it again.`,
    );
  }
  let version: number;
  let hasProject: boolean;
  try {
    const probe = openSqlite(dbPath, { readonly: true, fileMustExist: true });
    try {
      const check = probe.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(String(check));
      version = probe.pragma('user_version', { simple: true }) as number;
      hasProject = !!probe.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'project'").get();
    } finally {
      probe.close();
    }
  } catch (err) {
    throw unreadable(folder, dbPath, err);
  }
  if (version > SCHEMA_VERSION) throw newerSchemaError(version, SCHEMA_VERSION);
  if (!hasProject) throw new UserError(`"${dbPath}" is a database, but not a Shotline project. Choose a folder ending in ${PROJECT_EXT}.`);
  return dbPath;
}

/**
 * Why a project's db could not be read, and what to do. A restore is advised only when SQLite's
 * full integrity check fails (a read can fail for a moment while another process holds the
 * project, or after its -wal file was removed under it, with every write still safe), and only a
 * backup that is really there is named.
 */
function unreadable(folder: string, dbPath: string, err: unknown): UserError {
  // SQLite's check reports one problem a line; the user gets one line.
  const why = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim();
  if (!damaged(dbPath)) {
    return new UserError(
      `The project database "${dbPath}" could not be read just now (${why}). Another program may have it open (or its ${DB_FILE}-wal file was ` +
        'removed while one did). Close every Shotline window and shotline command using this project, then open it again. Nothing was changed.',
    );
  }
  const backups = fs
    .readdirSync(folder)
    .filter((n) => new RegExp(`^${DB_FILE.replace('.', '\\.')}\\.bak-\\d+$`).test(n))
    .sort((a, b) => Number(b.split('-').pop()) - Number(a.split('-').pop()));
  const restore = backups.length
    ? `Restore it from ${backups[0]} in the same folder (the copy made before the last upgrade) or from your own backup.`
    : 'Restore the project folder from your own backup: Shotline has no copy of this database.';
  return new UserError(`The project database "${dbPath}" is damaged (${why}). ${restore}`);
}

/**
 * True when SQLite's full integrity check finds damage, or the file is not a database at all. A
 * page it could not read (an I/O error: SQLITE_IOERR, result code 10 in its low byte) is not
 * damage: the file may be fine once the process holding it lets go.
 */
function damaged(dbPath: string): boolean {
  const ioError = (text: string) =>
    /disk I\/O error|SQLITE_IOERR/i.test(text) || [...text.matchAll(/error code=(\d+)/g)].some((m) => (Number(m[1]) & 0xff) === 10);
  try {
    const db = openSqlite(dbPath, { readonly: true, fileMustExist: true });
    try {
      const result = String(db.pragma('integrity_check', { simple: true }));
      return result !== 'ok' && !ioError(result);
    } finally {
      db.close();
    }
  } catch (err) {
    const text = `${(err as { code?: string }).code ?? ''} ${(err as Error).message}`;
    return !ioError(text) && /SQLITE_NOTADB|SQLITE_CORRUPT|not a database|malformed/i.test(text);
  }
}

/** Before temp files were named by their process, a name held the time it was made. */
const DATED_TEMP = /^(\d{13})-[0-9a-f]{12}(?:\.[^.]+)?$/;
const DAY_MS = 24 * 3600 * 1000;

/**
 * Removes what killed processes left in media/.tmp (a half-copied import, a render cut short),
 * which would otherwise fill the disk unseen. A file a job still names stays: the job goes on
 * with it when the engine resumes, and it may be a download already paid for. What cannot be
 * removed (another user's file, a read-only disk) is left: it never keeps the project from opening.
 */
function sweepTemp(db: Db, folder: string): void {
  const dir = path.join(folder, TEMP_DIR);
  try {
    const held = new Set(
      jobsRepo(db)
        .tempPaths()
        .map((f) => path.basename(f)),
    );
    sweepScratch(dir, (name) => held.has(name));
    for (const name of fs.readdirSync(dir)) {
      const made = Number(DATED_TEMP.exec(name)?.[1] ?? NaN);
      if (made < Date.now() - DAY_MS && !held.has(name)) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
    }
  } catch {
    // Swept again at the next opening.
  }
}

/** Opens a project's db for writing, upgrading its schema (with a backup) when needed. */
export function openProjectDb(folder: string): { db: Db; folder: string } {
  const abs = path.resolve(folder);
  const dbPath = inspect(abs);
  // A backup an upgrade was writing when its process was killed, stills half grabbed, waveforms half written.
  sweepScratch(abs);
  sweepScratch(path.join(abs, FRAMES_DIR));
  sweepScratch(path.join(abs, WAVEFORMS_DIR));
  const db = openSqlite(dbPath, { fileMustExist: true });
  try {
    migrate(db, { dbPath });
    fs.mkdirSync(path.join(abs, MEDIA_DIR), { recursive: true });
    sweepTemp(db, abs);
  } catch (err) {
    db.close();
    throw err;
  }
  return { db, folder: abs };
}
