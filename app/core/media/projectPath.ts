// Where a project's media may be read from. Projects are shared between people, so a received
// project is untrusted input: a row's rel_path could say `media/../../etc/hostname`, and a file in
// media/ could be a symlink to anywhere. Every read of project media (export, animatic, send
// images, frames, thumbnails, the renderer's media route) resolves its path here: the stored path
// is checked as text, then its real path on disk must lie inside the project's media folder.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors';
import { MEDIA_DIR } from '../project/projectFiles';

/** Plain names only: every stored file is `media/<2 hex>/<sha256>.<ext>`; no segment starts with a dot. */
const SAFE_PATH = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

/** Why `rel` is not a plain relative path below media/, or null when it is. */
export function mediaPathProblem(rel: string): string | null {
  if (!SAFE_PATH.test(rel)) return 'not a plain path below media/';
  const parts = rel.split('/');
  if (parts[0] !== MEDIA_DIR || parts.length < 2 || parts.some((p) => p === '.' || p === '..')) return 'not a path below media/';
  return null;
}

/** True when `candidate` is strictly below `root` (both already real paths). */
export function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** The real path of `file`, or of its nearest existing ancestor joined with the rest, for a file not yet written. */
function realPathOf(file: string): string {
  const rest: string[] = [];
  let at = file;
  for (;;) {
    try {
      return path.join(fs.realpathSync(at), ...rest.reverse());
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      const parent = path.dirname(at);
      if (parent === at) return file;
      rest.push(path.basename(at));
      at = parent;
    }
  }
}

/**
 * The absolute path of project media `rel` (`media/ab/<sha>.png`), refused with a UserError naming
 * `what` (a shot, a take, a library image) when the stored path or the file's real path leads
 * outside the project's media folder. The path returned is the real one, so a check and the later
 * read see the same file.
 */
export function projectMediaPath(projectFolder: string, rel: string, what: string): string {
  const problem = mediaPathProblem(rel);
  const refuse = (why: string) =>
    new UserError(
      `${what}: its file "${rel}" ${why}, so Shotline will not read it. A project received from someone else may have been altered; ` +
        'import that image again or generate the take again.',
    );
  if (problem) throw refuse(`is ${problem}`);
  const root = realPathOf(path.join(projectFolder, MEDIA_DIR));
  const real = realPathOf(path.join(projectFolder, ...rel.split('/')));
  if (!isInside(root, real)) throw refuse(`lies outside the project's media folder (it leads to ${real})`);
  return real;
}
