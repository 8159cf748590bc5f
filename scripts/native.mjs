#!/usr/bin/env node
// better-sqlite3 must be built for the runtime that loads it:
//   node scripts/native.mjs node      the build in node_modules loads under this Node (CLI, tests)
//   node scripts/native.mjs electron  an Electron-ABI build in .native/electron/ for the app
// The Electron build is made in a temporary copy of the package, so the Node build in
// node_modules is never touched and both runtimes work side by side.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileArgs, ensureElectronBuild, prebuiltArgs } from './native/electronBuild.mjs';
import { diagnose } from './native/messages.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(path.join(root, 'package.json'));
const sqliteDir = path.join(root, 'node_modules', 'better-sqlite3');
const ELECTRON_BINDING = path.join(root, '.native', 'electron', 'better_sqlite3.node');

function fail(message) {
  console.error(`native: ${message}`);
  process.exit(1);
}

function packageVersion(name) {
  return JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')).version;
}

/** Opens an in-memory db in a fresh Node process; returns the error text, or null if it loads. */
function nodeLoadError() {
  const probe = "const D = require('better-sqlite3'); new D(':memory:').prepare('select 1').get();";
  const r = spawnSync(process.execPath, ['-e', probe], { cwd: root, encoding: 'utf8' });
  if (r.status === 0) return null;
  const lines = `${r.stderr ?? ''}${r.error?.message ?? ''}`.split('\n').filter((l) => /Error|error:/.test(l));
  return lines[0]?.trim() || `exit code ${r.status}`;
}

function ensureNode() {
  const where = `Node ${process.version} (ABI ${process.versions.modules})`;
  if (nodeLoadError() === null) return console.log(`native: better-sqlite3 loads under ${where}.`);
  console.log(`native: better-sqlite3 does not load under ${where}; running npm rebuild better-sqlite3…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const rebuild = spawnSync(npm, ['rebuild', 'better-sqlite3'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  const after = nodeLoadError();
  if (rebuild.status !== 0 || after !== null) {
    fail(
      `better-sqlite3 still does not load under ${where} (${after ?? `npm rebuild exited with ${rebuild.status}`}). ` +
        'It needs a C++ toolchain and Python for node-gyp, or a prebuilt binary from the network; ' +
        'install them (Debian: apt-get install build-essential python3) and run `npm rebuild better-sqlite3`.',
    );
  }
  console.log(`native: better-sqlite3 rebuilt and loads under ${where}.`);
}

/**
 * node-gyp reads npm_config_* from the environment when run under npm (`npm start` sets them
 * from .npmrc). A `nodedir` or `target` meant for Node would silently give a Node-ABI build
 * labelled as Electron's, so they are dropped; ours go on the command line instead.
 */
function gypEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|target_arch|devdir)$/i.test(key)) delete env[key];
  }
  return env;
}

/** A copy of the package's sources (not its Node build) in `work`, where a step may build freely. */
function sourceCopy(work) {
  const pkg = path.join(work, 'better-sqlite3');
  const skip = new Set(['build', 'node_modules']);
  cpSync(sqliteDir, pkg, { recursive: true, filter: (src) => !skip.has(path.relative(sqliteDir, src)) });
  return pkg;
}

/** Runs a step's command, echoing its output; the built binding, or why it failed. */
function runStep(name, args, cwd, work) {
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: gypEnv() });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}${r.error?.message ?? ''}`;
  const built = path.join(cwd, 'build', 'Release', 'better_sqlite3.node');
  if (r.status === 0 && existsSync(built)) {
    const kept = path.join(work, `${name}.node`);
    cpSync(built, kept);
    return { ok: true, file: kept };
  }
  const { cause, detail } = diagnose(output);
  return { ok: false, cause, detail: detail || `exit code ${r.status}` };
}

async function ensureElectron() {
  if (!existsSync(path.join(root, 'node_modules', 'electron', 'package.json'))) fail('electron is not installed; run `npm ci` first.');
  const electron = packageVersion('electron');
  const want = {
    electron,
    abi: require('node-abi').getAbi(electron, 'electron'),
    betterSqlite3: packageVersion('better-sqlite3'),
    platform: process.platform,
    arch: process.arch,
  };
  const work = mkdtempSync(path.join(os.tmpdir(), 'shotline-native-'));
  try {
    await ensureElectronBuild({
      want,
      binding: ELECTRON_BINDING,
      log: (line) => console.log(line),
      // better-sqlite3's own downloader, asked for Electron's build instead of Node's.
      prebuilt: async (w) => runStep('prebuilt', [require.resolve('prebuild-install/bin.js'), ...prebuiltArgs(w)], sourceCopy(path.join(work, 'pre')), work),
      compile: async (w) => {
        const args = compileArgs(w, path.join(os.homedir(), '.electron-gyp'), process.env.SHOTLINE_ELECTRON_HEADERS);
        return runStep('compiled', [require.resolve('node-gyp/bin/node-gyp.js'), ...args], sourceCopy(path.join(work, 'gyp')), work);
      },
    });
  } catch (err) {
    fail(`${err.message}\nThe Node build in node_modules was not changed.`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const target = process.argv[2];
if (target === 'node') ensureNode();
else if (target === 'electron') await ensureElectron();
else fail('usage: node scripts/native.mjs node|electron');
