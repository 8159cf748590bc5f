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
