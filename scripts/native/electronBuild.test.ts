import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compileArgs, ensureElectronBuild, prebuiltArgs } from './electronBuild.mjs';
import { diagnose, failureMessage } from './messages.mjs';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const want = { electron: '45.4.1', abi: '150', betterSqlite3: '12.11.1', platform: 'darwin', arch: 'arm64' };

/** Stand-ins for the download and the compile, recording how they were asked. */
function setup(results: { prebuilt: 'ok' | 'offline' | 'not-published'; compile: 'ok' | 'no-toolchain' | 'offline' }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shotline-native-test-'));
  dirs.push(dir);
  const calls: string[] = [];
  const log: string[] = [];
  const step = (name: string, result: string) => async (w: typeof want) => {
    calls.push(`${name} ${w.electron} ${w.platform}-${w.arch}`);
    if (result !== 'ok') return { ok: false as const, cause: result as 'offline', detail: `${name} said ${result}` };
    const file = path.join(dir, `${name}.node`);
    fs.writeFileSync(file, name);
    return { ok: true as const, file };
  };
  const deps = {
    want,
    binding: path.join(dir, '.native', 'electron', 'better_sqlite3.node'),
    prebuilt: step('prebuilt', results.prebuilt),
    compile: step('compile', results.compile),
    log: (l: string) => log.push(l),
  };
  return { deps, calls, log };
}

describe('ensureElectronBuild', () => {
  it('tries the prebuilt binary first, for Electron’s runtime, version and CPU, and compiles nothing when it comes', async () => {
    const { deps, calls, log } = setup({ prebuilt: 'ok', compile: 'ok' });
    expect(await ensureElectronBuild(deps)).toBe('prebuilt');
    expect(calls).toEqual(['prebuilt 45.4.1 darwin-arm64']);
    expect(fs.readFileSync(deps.binding, 'utf8')).toBe('prebuilt');
    expect(JSON.parse(fs.readFileSync(path.join(path.dirname(deps.binding), 'build.json'), 'utf8'))).toEqual(want);
    expect(log.at(-1)).toMatch(/installed the prebuilt better-sqlite3 12\.11\.1 for Electron 45\.4\.1 \(ABI 150, darwin-arm64\)/);
  });

  it('compiles when no prebuilt binary exists, saying why the download did not do', async () => {
    const { deps, calls, log } = setup({ prebuilt: 'not-published', compile: 'ok' });
    expect(await ensureElectronBuild(deps)).toBe('compiled');
    expect(calls).toEqual(['prebuilt 45.4.1 darwin-arm64', 'compile 45.4.1 darwin-arm64']);
    expect(fs.readFileSync(deps.binding, 'utf8')).toBe('compile');
    expect(log.join('\n')).toMatch(/no prebuilt binary: better-sqlite3 publishes no prebuilt binary .*\n.*compiling/);
  });

  it('skips both while the recorded Electron version and ABI match, and builds again when they change', async () => {
    const first = setup({ prebuilt: 'ok', compile: 'ok' });
    await ensureElectronBuild(first.deps);
    const again = {
      ...first.deps,
      prebuilt: async () => ({ ok: false as const, cause: 'other' as const, detail: 'must not run' }),
      compile: async () => ({ ok: false as const, cause: 'other' as const, detail: 'must not run' }),
    };
    expect(await ensureElectronBuild(again)).toBe('cached');
    const upgraded = { ...first.deps, want: { ...want, electron: '46.0.0', abi: '151' } };
    first.calls.length = 0;
    expect(await ensureElectronBuild(upgraded)).toBe('prebuilt');
    expect(first.calls).toEqual(['prebuilt 46.0.0 darwin-arm64']);
  });

  it('fails with one line per cause and the fix for the platform', async () => {
    const { deps } = setup({ prebuilt: 'offline', compile: 'no-toolchain' });
    const err = await ensureElectronBuild(deps).catch((e: Error) => e);
    expect((err as Error).message.split('\n')).toEqual([
      'Could not get better-sqlite3 12.11.1 for Electron 45.4.1 (ABI 150, darwin-arm64).',
      `  Prebuilt: ${failureMessage('offline', 'darwin', 'prebuilt said offline')}`,
      `  Compile: ${failureMessage('no-toolchain', 'darwin', 'compile said no-toolchain')}`,
    ]);
    expect(fs.existsSync(deps.binding)).toBe(false);
  });
});

describe('the real steps’ arguments', () => {
  it('ask prebuild-install and node-gyp for Electron’s runtime, version and CPU, never Node’s', () => {
    expect(prebuiltArgs(want)).toEqual(['--runtime', 'electron', '--target', '45.4.1', '--arch', 'arm64', '--platform', 'darwin', '--verbose']);
    const args = compileArgs(want, '/home/me/.electron-gyp', undefined);
    expect(args).toEqual(expect.arrayContaining(['--runtime=electron', '--target=45.4.1', '--arch=arm64', '--devdir=/home/me/.electron-gyp']));
    expect(args.some((a) => a.startsWith('--nodedir'))).toBe(false);
    expect(compileArgs(want, '/d', '/opt/electron-headers')).toContain('--nodedir=/opt/electron-headers');
  });
});

describe('failure messages', () => {
  it('name the fix for each platform', () => {
    expect(failureMessage('no-toolchain', 'darwin')).toMatch(/xcode-select --install/);
    expect(failureMessage('no-toolchain', 'win32')).toMatch(/Visual Studio Build Tools with "Desktop development with C\+\+"/);
    expect(failureMessage('no-python', 'win32')).toMatch(/Python 3/);
    expect(failureMessage('no-toolchain', 'linux')).toMatch(/apt-get install build-essential python3/);
    expect(failureMessage('offline', 'linux')).toMatch(/HTTPS_PROXY/);
    expect(failureMessage('electron-download', 'darwin')).toMatch(/ELECTRON_MIRROR.*HTTPS_PROXY/);
    for (const cause of ['offline', 'not-published', 'no-python', 'no-toolchain', 'electron-download'] as const)
      expect(failureMessage(cause, 'linux')).not.toContain('\n');
  });

  it('read the cause off what the tools printed', () => {
    expect(diagnose('prebuild-install warn install getaddrinfo ENOTFOUND github.com')).toEqual({
      cause: 'offline',
      detail: 'prebuild-install warn install getaddrinfo ENOTFOUND github.com',
    });
    expect(diagnose('TypeError: fetch failed\n    at node:internal/deps/undici')).toMatchObject({ cause: 'offline' });
    expect(diagnose('prebuild-install warn install No prebuilt binaries found (target=45.4.1 runtime=electron arch=arm64)').cause).toBe('not-published');
    expect(diagnose('gyp info find Python using Python version 3.11\ngyp ERR! stack Error: not found: make').cause).toBe('no-toolchain');
    expect(diagnose('gyp ERR! find Python Python is not set from command line').cause).toBe('no-python');
    expect(diagnose('something else entirely\n    at x (y.js:1:1)')).toEqual({ cause: 'other', detail: 'something else entirely' });
  });
});
