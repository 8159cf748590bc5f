// One entry for a script or shot-list file, from a path (CLI, Electron) or bytes (a browser
// drop): refuse what is not one with its line, decode, parse. Both the CLI and the app import
// through here, so a file reads the same in either.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors';
import { parsePlan, type ImportPlan } from '../shotList/plan';
import { detectImport, MAX_IMPORT_BYTES, tooLarge } from './detect';
import { FdxError, parseFdx } from './fdx';
import { parseFountain } from './fountain';
import type { ParsedScript } from './model';

export type ReadImport = { kind: 'script'; script: ParsedScript } | { kind: 'shotList'; format: 'csv' | 'json'; plan: ImportPlan };

export function readImportFile(file: string): ReadImport {
  let bytes: Buffer;
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) throw new UserError(`"${file}" is a folder; give the script (.fountain, .fdx) or shot list (.json, .csv) file`);
    if (!stat.isFile()) throw new UserError(`"${file}" is not a regular file; give the script (.fountain, .fdx) or shot list (.json, .csv) file`);
    // Checked before reading, so a huge file never fills memory.
    if (stat.size > MAX_IMPORT_BYTES) throw tooLarge(file, stat.size);
    bytes = fs.readFileSync(file);
  } catch (err) {
    if (err instanceof UserError) throw err;
    throw new UserError(`"${file}" cannot be read: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (err as Error).message}.`);
  }
  return readImport(file, bytes);
}

export function readImport(file: string, bytes: Buffer): ReadImport {
  const name = path.basename(file);
  const { kind, text } = detectImport(name, bytes);
  if (kind === 'csv' || kind === 'json') return { kind: 'shotList', format: kind, plan: parsePlan(name, kind, text) };
  if (kind === 'fdx') {
    try {
      return { kind: 'script', script: parseFdx(text) };
    } catch (err) {
      if (err instanceof FdxError) throw new UserError(`"${name}": ${err.message}`);
      throw err;
    }
  }
  const script = parseFountain(text);
  if (!script.elements.some((e) => e.kind === 'scene' || e.kind === 'dialogue')) {
    throw new UserError(
      `"${name}" has no scene heading (INT. / EXT.) and no dialogue, so it does not read as a screenplay. Export the script from your writing app as Fountain (.fountain) or Final Draft (.fdx).`,
    );
  }
  return { kind: 'script', script };
}
