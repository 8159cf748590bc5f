// Runs the CLI in-process with captured streams, for the tests beside it.
import fs from 'node:fs';
import path from 'node:path';
import { run } from './run';

export async function cli(argv: string[], opts: { cwd: string; env?: Record<string, string> }) {
  let out = '';
  let err = '';
  const code = await run(argv, {
    out: (text) => void (out += text),
    err: (text) => void (err += text),
    cwd: opts.cwd,
    env: opts.env ?? {},
  });
  return { code, out, err };
}

/** Writes `content` (JSON-encoded unless a string) to `dir/name` and returns the path. */
export function writeFile(dir: string, name: string, content: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

/** `shotline new film.shotline` then `import` of `plan` in `cwd`; fails loudly if either does. */
export async function cliFilm(cwd: string, plan: unknown): Promise<string> {
  for (const argv of [
    ['new', 'film.shotline'],
    ['import', 'film.shotline', writeFile(cwd, 'plan.json', plan)],
  ]) {
    const r = await cli(argv, { cwd });
    if (r.code !== 0) throw new Error(`shotline ${argv[0]} exited ${r.code}: ${r.err}`);
  }
  return path.join(cwd, 'film.shotline');
}
