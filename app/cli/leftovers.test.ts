// kill -9 in the middle of an export or an animatic, then a fresh run: nothing of the killed run
// may stay behind, in the output folder or in the system's temp folder (--help promises it).
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const BIN = path.resolve(import.meta.dirname, 'bin.mjs');

/** Runs the CLI to the end with TMPDIR pointed at `sysTmp`; throws when it fails. */
const shotline = (args: string[], cwd: string, sysTmp: string) =>
  promisify(execFile)(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, TMPDIR: sysTmp } });

/** Starts the CLI, waits until its scratch work appears in `watch`, kills it with SIGKILL, returns what it left. */
async function killMidway(args: string[], cwd: string, sysTmp: string, watch: string): Promise<string[]> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, TMPDIR: sysTmp }, stdio: 'ignore' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const scratch = () => (fs.existsSync(watch) ? fs.readdirSync(watch).filter((n) => n.startsWith('.shotline-')) : []);
  // Polls the folder (not a timer on the work): the kill lands once the work has begun.
  while (scratch().length === 0) {
    if (child.exitCode !== null) throw new Error('the command finished before it could be killed');
    await new Promise((r) => setTimeout(r, 10));
  }
  child.kill('SIGKILL');
  await exited;
  return scratch();
}

describe('after kill -9', () => {
  let cwd: string;
  let sysTmp: string;
  const film = () => path.join(cwd, 'films', 'Night Diner.shotline');

  beforeAll(async () => {
    cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'shotline-leftovers-'));
    sysTmp = path.join(cwd, 'system-tmp');
    fs.mkdirSync(sysTmp);
    await shotline(['demo', '--no-export', '--out', 'films'], cwd, sysTmp);
  }, 300_000);
  afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

  /** Ours in the system temp folder (tsx keeps its own cache there too). */
  const ours = () => fs.readdirSync(sysTmp).filter((n) => n.includes('shotline'));

  it('an export leaves nothing once the next export has run', async () => {
    const out = path.join(cwd, 'exports');
    fs.mkdirSync(out);
    const left = await killMidway(['export', film(), '--resolve', out], cwd, sysTmp, out);
    expect(left.length).toBeGreaterThan(0);
    await shotline(['export', film(), '--resolve', out], cwd, sysTmp);
    expect(fs.readdirSync(out)).toEqual(['Night_Diner_Resolve']);
    expect(ours()).toEqual([]);
  }, 300_000);

  it('an animatic leaves nothing once the next one has run', async () => {
    const out = path.join(cwd, 'renders');
    const left = await killMidway(['animatic', film(), '--out', path.join(out, 'cut.mp4')], cwd, sysTmp, out);
    expect(left.length).toBeGreaterThan(0);
    await shotline(['animatic', film(), '--out', path.join(out, 'cut.mp4')], cwd, sysTmp);
    expect(fs.readdirSync(out)).toEqual(['cut.mp4']);
    expect(ours()).toEqual([]);
  }, 300_000);
});
