// One file written on its own (the shot list, the storyboard): where it goes when the user names a
// folder or a file, and a write that never leaves half a file under the name.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors';

/** `target` itself, or `defaultName` inside it when it is a folder; its folder must exist. */
export function outputFile(target: string, defaultName: string): string {
  const where = path.resolve(target);
  const file = fs.statSync(where, { throwIfNoEntry: false })?.isDirectory() ? path.join(where, defaultName) : where;
  if (!fs.statSync(path.dirname(file), { throwIfNoEntry: false })?.isDirectory()) {
    throw new UserError(`The folder "${path.dirname(file)}" does not exist. Create it or choose another.`);
  }
  return file;
}

/** Writes through a temp file beside `file`, renamed into place once complete. */
export function writeAtomically(file: string, content: string | Buffer): void {
  const temp = `${file}.partial-${process.pid}`;
  try {
    fs.writeFileSync(temp, content);
    fs.renameSync(temp, file);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
}
