// Real child processes: the bin runs the TypeScript CLI with no build, and the bundle that install
// builds runs the same commands (it lives at another depth, so paths to the app's own files differ).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../core/testing/tmp.testkit';

const BIN = path.resolve(import.meta.dirname, 'bin.mjs');
const tmp = useTmpDir('shotline-bin-');

async function shotline(args: string[], cwd: string) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** `file` and every file of the bundle it imports statically, transitively (what starting it compiles). */
function staticImports(dir: string, file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  for (const [, from, bare] of text.matchAll(/(?:^import |^} )from "\.\/([^"]+)";$|^import "\.\/([^"]+)";$/gm)) staticImports(dir, (from ?? bare)!, seen);
  return [...seen];
}

describe('bin.mjs', () => {
  it('runs the CLI in a child process with real exit codes', async () => {
    const cwd = tmp();
    const demo = await shotline(['demo', '--no-render', '--no-export', '--out', 'films'], cwd);
    expect(demo.stderr).toBe('');
    expect(demo.code).toBe(0);
    const list = await shotline(['list', 'films/Night Diner.shotline', '--json'], cwd);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).title).toBe('Night Diner');
    const bad = await shotline(['list', 'nowhere'], cwd);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^shotline: [^\n]+\n$/);
  });

  it('the bundle finds the app files (demo project, version) from dist/', async () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const out = path.join('dist', `cli-check-${process.pid}`);
    try {
      await promisify(execFile)(process.execPath, [path.join(root, 'scripts', 'build-cli.mjs'), out], { cwd: root });
      const bundle = path.join(root, out, 'shotline.mjs');
      const cwd = tmp();
      const run = (args: string[]) => promisify(execFile)(process.execPath, [bundle, ...args], { cwd });
      const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
      expect((await run(['--version'])).stdout).toContain(pkg.version);
      await run(['demo', '--no-render', '--no-export', '--out', 'films']);
      expect(JSON.parse((await run(['list', 'films/Night Diner.shotline', '--json'])).stdout).title).toBe('Night Diner');
      // Commands load as they run: starting compiles none of them, and `list` does not compile zod
      // (only the commands that read files or versions need it).
      const startsWith = staticImports(path.join(root, out), 'shotline.mjs');
      expect(startsWith.some((f) => f.startsWith('list-'))).toBe(false);
      const list = fs.readdirSync(path.join(root, out)).find((f) => f.startsWith('list-'))!;
      const listLoads = [...startsWith, ...staticImports(path.join(root, out), list)];
      expect(listLoads.some((f) => fs.readFileSync(path.join(root, out, f), 'utf8').includes('"$ZodError"'))).toBe(false);
      const importCmd = fs.readdirSync(path.join(root, out)).find((f) => f.startsWith('import-'))!;
      expect(staticImports(path.join(root, out), importCmd).some((f) => fs.readFileSync(path.join(root, out, f), 'utf8').includes('"$ZodError"'))).toBe(true);
    } finally {
      fs.rmSync(path.join(root, out), { recursive: true, force: true });
    }
  }, 60_000);

  it('exits quietly when its reader goes away (| head -1), and still finishes the import', async () => {
    const cwd = tmp();
    expect((await shotline(['new', 'film.shotline'], cwd)).code).toBe(0);
    // 3,000 shots each with a problem to list: far more output than a pipe holds.
    const shots = Array.from({ length: 3000 }, (_, i) => ({ action: `Shot ${i}`, durationS: 7, tool: 'runway:gen4_turbo' }));
    fs.writeFileSync(path.join(cwd, 'plan.json'), JSON.stringify({ scenes: [{ shots }] }));
    const script = `set -o pipefail; "${process.execPath}" "${BIN}" import film.shotline plan.json 2>err.txt | head -1; echo "exit \${PIPESTATUS[0]}" >&2`;
    const { stdout, stderr } = await promisify(execFile)('bash', ['-c', script], { cwd }).catch((e: { stdout: string; stderr: string }) => e);
    expect(stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(fs.readFileSync(path.join(cwd, 'err.txt'), 'utf8')).toBe('');
    expect(stderr.trim()).toBe('exit 0');
    const list = await shotline(['list', 'film.shotline', '--json'], cwd);
    expect(JSON.parse(list.stdout).shots).toHaveLength(3000);
  }, 120_000);
});
