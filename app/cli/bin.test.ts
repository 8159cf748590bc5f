// One real child process through bin.mjs: proves the bin runs the TypeScript CLI with no build.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../core/testing/tmp';

const BIN = path.resolve(import.meta.dirname, 'bin.mjs');
const tmp = useTmpDir('shotline-bin-');

async function shotline(args: string[], cwd: string) {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
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
});
