// better-sqlite3 for Electron's ABI, in .native/electron/, apart from the Node build the CLI and
// tests use. A prebuilt binary first (better-sqlite3 publishes one per Electron ABI, system and
// CPU), compiling only when none fits; a recorded build is reused while nothing it depends on
// changed. The download and compile steps are passed in, so tests replace them.
import { existsSync, mkdirSync, readFileSync, copyFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { failureMessage } from './messages.mjs';

/**
 * @typedef {{ electron: string, abi: string, betterSqlite3: string, platform: string, arch: string }} Want
 * @typedef {{ ok: true, file: string } | { ok: false, cause: import('./messages.mjs').Cause, detail: string }} StepResult
 * @typedef {{
 *   want: Want,
 *   binding: string,
 *   prebuilt: (want: Want) => Promise<StepResult>,
 *   compile: (want: Want) => Promise<StepResult>,
 *   log: (line: string) => void,
 * }} Deps
 */

/** prebuild-install's arguments for better-sqlite3's binary built for this Electron (not for Node). */
export function prebuiltArgs(/** @type {Want} */ want) {
  return ['--runtime', 'electron', '--target', want.electron, '--arch', want.arch, '--platform', want.platform, '--verbose'];
}

/** node-gyp's arguments to compile it against Electron's headers (`headers`: extracted ones, for offline machines). */
export function compileArgs(/** @type {Want} */ want, /** @type {string} */ devdir, /** @type {string | undefined} */ headers) {
  return [
    'rebuild',
    '--release',
    `--target=${want.electron}`,
    `--arch=${want.arch}`,
    '--runtime=electron',
    '--dist-url=https://electronjs.org/headers',
    // Electron's headers get their own cache, apart from Node's.
    `--devdir=${devdir}`,
    ...(headers ? [`--nodedir=${headers}`] : []),
    '--jobs=max',
  ];
}

/** @returns {Promise<'cached' | 'prebuilt' | 'compiled'>} how the binding came to be; throws with one line per cause */
export async function ensureElectronBuild(/** @type {Deps} */ deps) {
  const { want, binding, log } = deps;
  const stamp = path.join(path.dirname(binding), 'build.json');
  const label = `better-sqlite3 ${want.betterSqlite3} for Electron ${want.electron} (ABI ${want.abi}, ${want.platform}-${want.arch})`;
  if (existsSync(binding) && existsSync(stamp)) {
    const have = JSON.parse(readFileSync(stamp, 'utf8'));
    if (Object.entries(want).every(([k, v]) => have[k] === v)) {
      log(`native: ${label} is already in ${binding}; nothing to download or build.`);
      return 'cached';
    }
  }
  const install = (file) => {
    mkdirSync(path.dirname(binding), { recursive: true });
    // Copy then rename: an interrupted run never leaves a half-written binary behind.
    copyFileSync(file, `${binding}.tmp`);
    renameSync(`${binding}.tmp`, binding);
    writeFileSync(stamp, `${JSON.stringify(want, null, 2)}\n`);
  };

  log(`native: fetching the prebuilt ${label}…`);
  const pre = await deps.prebuilt(want);
  if (pre.ok) {
    install(pre.file);
    log(`native: installed the prebuilt ${label}.`);
    return 'prebuilt';
  }
  log(`native: no prebuilt binary: ${failureMessage(pre.cause, want.platform, pre.detail)}`);
  log(`native: compiling ${label} instead; this takes a minute or two…`);
  const built = await deps.compile(want);
  if (built.ok) {
    install(built.file);
    log(`native: compiled ${label}.`);
    return 'compiled';
  }
  const lines = [`Could not get ${label}.`, `  Prebuilt: ${failureMessage(pre.cause, want.platform, pre.detail)}`];
  if (built.cause !== pre.cause || built.detail !== pre.detail) lines.push(`  Compile: ${failureMessage(built.cause, want.platform, built.detail)}`);
  throw new Error(lines.join('\n'));
}
