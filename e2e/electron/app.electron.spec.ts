// The Electron shell itself, driven through Playwright's `_electron`: one window, the sandboxed
// bridge with nothing but invoke/on, no Node in the page, and a real round trip to the core.
// Needs the Electron binary, which downloads on first run: where it is absent (offline build
// machines) the whole file is skipped with the reason printed. Everything else the app does is
// covered through the devhost in Chromium.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { ShotlineApi } from '../../shared/contract';

const root = fileURLToPath(new URL('../..', import.meta.url));
const electronPkg = path.join(root, 'node_modules', 'electron');

/**
 * The executable, found the way node_modules/electron/index.js finds it but without its
 * fallback: `require('electron')` would try to download the binary when it is missing.
 */
function electronBinary(): string | null {
  const pathFile = path.join(electronPkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8');
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(electronPkg, 'dist');
  const binary = path.join(dist, relative);
  return existsSync(binary) ? binary : null;
}

function skipReason(binary: string | null): string | null {
  if (!binary) return 'no Electron binary in node_modules/electron/dist (it downloads on first run; run `npx install-electron` with internet access)';
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return 'no display for Electron (run the tests under xvfb-run)';
  }
  return null;
}

const binary = electronBinary();
const reason = skipReason(binary);
if (reason) console.log(`[e2e/electron] skipping the Electron tests: ${reason}.`);
test.skip(reason !== null, reason ?? '');
test.describe.configure({ mode: 'serial' });

let app: ElectronApplication;
let page: Page;
let userData: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  // Test the current sources: main and preload are only built by electron-vite, not by the
  // renderer build the rest of the e2e suite runs.
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(build.status, `electron-vite build failed:\n${build.stdout}${build.stderr}`).toBe(0);

  userData = mkdtempSync(path.join(os.tmpdir(), 'shotline-e2e-userdata-'));
  app = await electron.launch({
    executablePath: binary ?? undefined,
    // Chromium refuses to start as root (CI containers) without --no-sandbox; the page's
    // Electron sandbox (no Node in the preload) is unaffected by it.
    args: [root, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    cwd: root,
    env: { ...process.env, SHOTLINE_USER_DATA_DIR: userData },
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  if (userData) rmSync(userData, { recursive: true, force: true });
});

test('opens one window titled Shotline', async () => {
  expect(app.windows()).toHaveLength(1);
  const title = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle());
  expect(title).toMatch(/Shotline/);
  await expect(page).toHaveTitle(/Shotline/);
  expect(page.url()).toBe('app://shotline/index.html');
});

test('exposes window.shotline with only invoke and on', async () => {
  const shape = await page.evaluate(() => {
    const api = (window as unknown as { shotline?: Record<string, unknown> }).shotline;
    return api
      ? Object.keys(api)
          .sort()
          .map((k) => `${k}:${typeof api[k]}`)
      : null;
  });
  expect(shape).toEqual(['invoke:function', 'on:function']);
});

test('gives the page no Node: no require, process or module', async () => {
  const globals = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return [typeof w.require, typeof w.process, typeof w.module, typeof w.ipcRenderer];
  });
  expect(globals).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
});

test('answers app.info through IPC and the core', async () => {
  const result = await page.evaluate(() => (window as unknown as { shotline: ShotlineApi }).shotline.invoke('app.info', {}));
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  expect(result).toMatchObject({ ok: true, value: { host: 'electron', version: pkg.version, canPickFolders: true } });
});

test('refuses channels that are not in the contract', async () => {
  const message = await page.evaluate(() =>
    (window as unknown as { shotline: { invoke(c: string, i: unknown): Promise<unknown> } }).shotline.invoke('fs.readFile', {}).then(
      () => 'resolved',
      (err: unknown) => String(err),
    ),
  );
  expect(message).toMatch(/Unknown channel "fs\.readFile"/);
});
