#!/usr/bin/env node
// better-sqlite3 must be compiled for the runtime that loads it (STYLE.md, native module note):
//   node scripts/native.mjs node      the build in node_modules loads under this Node (CLI, tests)
//   node scripts/native.mjs electron  an Electron-ABI build in .native/electron/ for the app
// The Electron build is made in a temporary copy of the package, so the Node build in
// node_modules is never touched and both runtimes work side by side.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(path.join(root, 'package.json'));
const sqliteDir = path.join(root, 'node_modules', 'better-sqlite3');
const ELECTRON_BINDING = path.join(root, '.native', 'electron', 'better_sqlite3.node');
const STAMP = path.join(path.dirname(ELECTRON_BINDING), 'build.json');

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

function ensureElectron() {
  if (!existsSync(path.join(root, 'node_modules', 'electron', 'package.json'))) fail('electron is not installed; run `npm ci` first.');
  const want = {
    electron: packageVersion('electron'),
    betterSqlite3: packageVersion('better-sqlite3'),
    platform: process.platform,
    arch: process.arch,
  };
  const label = `better-sqlite3 ${want.betterSqlite3} for Electron ${want.electron} (${want.platform}-${want.arch})`;
  if (existsSync(ELECTRON_BINDING) && existsSync(STAMP)) {
    const have = JSON.parse(readFileSync(STAMP, 'utf8'));
    if (Object.entries(want).every(([k, v]) => have[k] === v)) {
      return console.log(`native: ${label} is already built in ${path.relative(root, ELECTRON_BINDING)}.`);
    }
  }

  console.log(`native: building ${label}; this compiles SQLite and takes a minute or two…`);
  const work = mkdtempSync(path.join(os.tmpdir(), 'shotline-native-'));
  let built;
  try {
    built = compileForElectron(want, work);
    if (built) {
      mkdirSync(path.dirname(ELECTRON_BINDING), { recursive: true });
      // Copy then rename: an interrupted run never leaves a half-written binary behind.
      cpSync(built, `${ELECTRON_BINDING}.tmp`);
      renameSync(`${ELECTRON_BINDING}.tmp`, ELECTRON_BINDING);
      writeFileSync(STAMP, `${JSON.stringify(want, null, 2)}\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (!built) {
    fail(
      `could not build ${label}. node-gyp downloads Electron's headers from https://electronjs.org/headers ` +
        'and needs a C++ toolchain and Python. Connect to the internet (or set SHOTLINE_ELECTRON_HEADERS to extracted ' +
        'Electron headers) and install the toolchain (Debian: apt-get install build-essential python3), then run ' +
        '`node scripts/native.mjs electron` again. The Node build in node_modules was not changed.',
    );
  }
  console.log(`native: built ${label} into ${path.relative(root, ELECTRON_BINDING)}.`);
}

/** Runs node-gyp against Electron's headers in a copy of the package; the binary's path or null. */
function compileForElectron(want, work) {
  const pkg = path.join(work, 'better-sqlite3');
  // Sources only: the copy must not inherit the Node build output.
  const skip = new Set(['build', 'node_modules']);
  cpSync(sqliteDir, pkg, { recursive: true, filter: (src) => !skip.has(path.relative(sqliteDir, src)) });
  const headers = process.env.SHOTLINE_ELECTRON_HEADERS;
  const args = [
    require.resolve('node-gyp/bin/node-gyp.js'),
    'rebuild',
    '--release',
    `--target=${want.electron}`,
    `--arch=${want.arch}`,
    '--runtime=electron',
    '--dist-url=https://electronjs.org/headers',
    // Electron's headers get their own cache, apart from Node's.
    `--devdir=${path.join(os.homedir(), '.electron-gyp')}`,
    // Offline machines can point at already extracted Electron headers.
    ...(headers ? [`--nodedir=${headers}`] : []),
    '--jobs=max',
  ];
  const r = spawnSync(process.execPath, args, { cwd: pkg, stdio: 'inherit', env: gypEnv() });
  const built = path.join(pkg, 'build', 'Release', 'better_sqlite3.node');
  if (r.status !== 0 || !existsSync(built)) {
    console.error(`native: node-gyp failed (${r.error?.message ?? `exit code ${r.status}`}).`);
    return null;
  }
  return built;
}

const target = process.argv[2];
if (target === 'node') ensureNode();
else if (target === 'electron') ensureElectron();
else fail('usage: node scripts/native.mjs node|electron');
