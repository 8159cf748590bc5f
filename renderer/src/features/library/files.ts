// Turning what the user dropped, picked or pasted into the contract's import files: a path where
// the shell gives one (Electron), else the bytes as base64 (the browser under the devhost).
// Folders become their files, grouped under the folder's name.
import type { ChannelInput } from '../../../../shared/contract';

/** The core's limit, checked here too so a huge file is never read into memory. */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;
/** Bytes per call when files travel as base64; a bigger drop is sent in several calls. */
const BATCH_BYTES = 48 * 1024 * 1024;

export interface Dropped {
  file: File;
  group?: string;
}

export interface Refused {
  name: string;
  reason: string;
}

/** True when the drag carries files (not text, not a library item). */
export function hasFiles(dt: DataTransfer | null): boolean {
  return !!dt && [...dt.types].includes('Files');
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

async function readFolder(dir: FileSystemDirectoryEntry): Promise<Dropped[]> {
  const reader = dir.createReader();
  const entries: FileSystemEntry[] = [];
  // readEntries returns at most ~100 at a time; an empty batch means done.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    entries.push(...batch);
  }
  const files = entries.filter((e): e is FileSystemFileEntry => e.isFile && !e.name.startsWith('.'));
  files.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  return Promise.all(files.map(async (e) => ({ file: await fileOf(e), group: dir.name })));
}

/** Everything a drop holds. Entries must be taken during the event; reading them is async. */
export function droppedFiles(dt: DataTransfer): Promise<Dropped[]> {
  const entries = [...dt.items].filter((i) => i.kind === 'file').map((i) => ({ entry: i.webkitGetAsEntry?.() ?? null, file: i.getAsFile() }));
  return Promise.all(
    entries.map(async ({ entry, file }) => {
      if (entry?.isDirectory) return readFolder(entry as FileSystemDirectoryEntry);
      return file ? [{ file }] : [];
    }),
  ).then((lists) => lists.flat());
}

/** Pasted images get readable, distinct names (browsers call them all "image.png"). */
export function pastedFiles(dt: DataTransfer): Dropped[] {
  const stamp = new Date().toISOString().slice(0, 19).replace(/[T:]/g, '-');
  return [...dt.files].map((f, i) => ({
    file: new File([f], `Pasted ${stamp}${dt.files.length > 1 ? `-${i + 1}` : ''}.${f.type.split('/')[1] || 'png'}`, { type: f.type }),
  }));
}

export function readBase64(file: File): Promise<string> {
  // FileReader encodes off the main thread; btoa over a big buffer would block the page.
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error(`Could not read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

export function pathOf(file: File): string | null {
  return (typeof window !== 'undefined' && window.shotline?.pathForFile?.(file)) || null;
}

export function sizeLabel(bytes: number): string {
  // Rounded up, so a file just over the limit never reads as "200 MB".
  return `${Math.ceil((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/**
 * Splits the drop into calls: one when every file has a path, else batches of bytes small
 * enough for one message. Files over the limit are refused here, unread.
 */
export function plan(dropped: Dropped[]): { batches: Dropped[][]; refused: Refused[] } {
  const refused: Refused[] = [];
  const ok: Dropped[] = [];
  for (const d of dropped) {
    if (d.file.size > MAX_FILE_BYTES)
      refused.push({ name: d.file.name, reason: `it is ${sizeLabel(d.file.size)}; Shotline takes images up to 200 MB. Export a smaller copy.` });
    else ok.push(d);
  }
  if (ok.every((d) => pathOf(d.file))) return { batches: ok.length ? [ok] : [], refused };
  const batches: Dropped[][] = [];
  let current: Dropped[] = [];
  let bytes = 0;
  for (const d of ok) {
    if (current.length > 0 && bytes + d.file.size > BATCH_BYTES) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(d);
    bytes += d.file.size;
  }
  if (current.length) batches.push(current);
  return { batches, refused };
}

/** The contract's form of one batch: paths where known, else bytes read now. */
export function toImportFiles(batch: Dropped[]): Promise<ChannelInput<'library.import'>['files']> {
  return Promise.all(
    batch.map(async ({ file, group }) => {
      const path = pathOf(file);
      const base = { name: file.name, ...(group ? { group } : {}) };
      return path ? { ...base, path } : { ...base, bytes: await readBase64(file) };
    }),
  );
}
