// What a dropped or named file is, from its bytes first and its name second, decoded to text:
// a Fountain or Final Draft script, a shot list (CSV or JSON), or something else — which gets
// one line saying what it is and what to do, and nothing is imported.
import path from 'node:path';
import { UserError } from '../errors';

export type ImportKind = 'fountain' | 'fdx' | 'csv' | 'json';

/**
 * One limit for every import: a 120-page feature is under 1 MB as Fountain, a few MB as FDX,
 * and 50 MB of shot list is 200,000 shots or more.
 */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

const EXPORT_HINT = 'Export the script from your writing app as Fountain (.fountain) or Final Draft (.fdx), or the shot list as CSV or JSON.';

export interface DetectedFile {
  kind: ImportKind;
  text: string;
}

/** Decodes and classifies `bytes` (named `file`); throws a UserError with one line otherwise. */
export function detectImport(file: string, bytes: Buffer): DetectedFile {
  const name = path.basename(file);
  if (bytes.length > MAX_IMPORT_BYTES) throw tooLarge(file, bytes.length);
  const foreign = foreignFormat(bytes);
  if (foreign) throw new UserError(`"${name}" is ${foreign}, not a script. ${EXPORT_HINT}`);
  const text = decodeText(bytes, name);
  if (!text.trim()) throw new UserError(`"${name}" is empty. ${EXPORT_HINT}`);
  const ext = path.extname(name).toLowerCase();
  const head = text.slice(0, 4096).trimStart();
  if (head.startsWith('<')) {
    if (/<FinalDraft[\s>]/.test(text.slice(0, 65536))) return { kind: 'fdx', text };
    throw new UserError(`"${name}" is an XML file but not a Final Draft script. ${EXPORT_HINT}`);
  }
  if (ext === '.fdx') throw new UserError(`"${name}" is named .fdx but is not Final Draft XML. ${EXPORT_HINT}`);
  if (ext === '.json' || head.startsWith('{') || head.startsWith('[')) return { kind: 'json', text };
  if (ext === '.csv' || isShotListHeader(head)) return { kind: 'csv', text };
  return { kind: 'fountain', text };
}

/** A CSV shot list's header line (scene and duration_s among comma-separated column names). */
function isShotListHeader(head: string): boolean {
  const columns = (head.split('\n', 1)[0] ?? '')
    .toLowerCase()
    .split(',')
    .map((c) => c.trim().replace(/^"|"$/g, ''));
  return columns.includes('scene') && columns.includes('duration_s');
}

/** The line for a file far larger than any script or shot list. */
export function tooLarge(file: string, size: number): UserError {
  return new UserError(
    `"${path.basename(file)}" is ${(size / 1024 / 1024).toFixed(0)} MB; a script or shot list can be at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into several imports.`,
  );
}

/** Formats recognised by their first bytes that are certainly not a script as text. */
function foreignFormat(bytes: Buffer): string | null {
  const sig = (s: string) => bytes.subarray(0, s.length).equals(Buffer.from(s, 'latin1'));
  if (sig('%PDF')) return 'a PDF';
  if (sig('PK\u0003\u0004')) return 'a zip archive (a Word .docx, a Final Draft 8 or Celtx file, or similar)';
  if (sig('\u00D0\u00CF\u0011\u00E0')) return 'an old Word or Office document';
  if (sig('{\\rtf')) return 'an RTF document';
  if (sig('\u0089PNG') || sig('\u00FF\u00D8\u00FF') || sig('GIF8')) return 'an image';
  return null;
}

/**
 * UTF-8 (with or without BOM) and UTF-16 with a BOM; Windows-1252 only for XML that declares it
 * (Final Draft files from older Windows versions). Anything else is refused rather than guessed,
 * so no script arrives with its accents turned to garbage.
 */
function decodeText(bytes: Buffer, name: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const declared = /^<\?xml[^>]*encoding=["']([\w-]+)["']/i.exec(body.subarray(0, 200).toString('latin1'))?.[1]?.toLowerCase();
  if (declared && ['windows-1252', 'cp1252', 'iso-8859-1', 'latin1'].includes(declared)) return decodeCp1252(body);
  if (body.subarray(0, 8192).includes(0)) throw new UserError(`"${name}" is a binary file, not text. ${EXPORT_HINT}`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new UserError(`"${name}" is not UTF-8 text. Save it as UTF-8 (or export it again) from your writing app.`);
  }
}

/** Windows-1252's 0x80–0x9F (the rest is Latin-1); Node's TextDecoder may lack the table without full ICU. */
const CP1252_HIGH =
  '\u20AC\uFFFD\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\uFFFD\u017D\uFFFD\uFFFD\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\uFFFD\u017E\u0178';

function decodeCp1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\u0080-\u009F]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}
