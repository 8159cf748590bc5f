// Entry point of the Electron main process (built to out/main/index.js). It only wires things
// together: one instance, the hardened session and app:// protocol, the core behind IPC, the
// window and the menu. Everything the app does lives in app/core behind the shared contract.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, dialog, Menu, session, shell, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { ChannelOutput, EventMap, MenuCommand } from '../../shared/contract';
import { createCore, type Core } from '../core/services/core';
import { keyVault } from './keyVault';
import { registerIpc, sendEvent } from './ipc';
import { MEDIA_BASE, serveMedia } from './mediaProtocol';
import { buildMenu, type MenuState } from './menu';
import { trustedEnv } from './policy';
import { registerPrivilegedSchemes, serveRenderer } from './protocol';
import { hardenSession, hardenWebContents } from './security';
import { createMainWindow } from './window';

const isMac = process.platform === 'darwin';
const isDev = !app.isPackaged;
/** out/ — this file runs from out/main/, beside out/preload/ and out/renderer/. */
const outDir = path.join(import.meta.dirname, '..');

/**
 * better-sqlite3 compiled for Electron's ABI (node_modules holds the Node build used by the
 * CLI and tests). `scripts/native.mjs electron` builds it into .native/electron; packaging
 * copies it to resources/native. The core's db opener passes this to `nativeBinding`.
 */
function sqliteBindingPath(): string {
  return app.isPackaged
    ? path.join(process.resourcesPath, 'native', 'better_sqlite3.node')
    : path.join(app.getAppPath(), '.native', 'electron', 'better_sqlite3.node');
}

function useElectronSqlite(): void {
  const binding = sqliteBindingPath();
  if (existsSync(binding)) {
    process.env.SHOTLINE_SQLITE_BINDING = binding;
    return;
  }
  // Not fatal at startup: the window still opens and opening a project reports the failure.
  console.error(`[shotline] ${binding} is missing, so projects cannot be opened. Run \`node scripts/native.mjs electron\` (npm start does).`);
}

async function pickFolder(win: BrowserWindow | null, defaultPath: string): Promise<string | null> {
  const options: OpenDialogOptions = { title: 'Choose a folder', defaultPath, properties: ['openDirectory', 'createDirectory'] };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** A native question the page can neither draw nor answer; Cancel is the default. */
async function confirmInMain(win: BrowserWindow | null, message: string, detail: string): Promise<boolean> {
  const options = { type: 'warning' as const, buttons: ['Cancel', 'Continue'], defaultId: 0, cancelId: 0, message, detail };
  const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  return response === 1;
}

async function start(): Promise<void> {
  await app.whenReady();
  hardenSession(session.defaultSession);
  serveRenderer(session.defaultSession, path.join(outDir, 'renderer'));
  app.setAboutPanelOptions({ applicationName: 'Shotline', applicationVersion: app.getVersion() });

  let win: BrowserWindow | null = null;
  const defaultProjectsDir = path.join(app.getPath('documents'), 'Shotline');
  const core: Core = createCore({
    kind: 'electron',
    version: app.getVersion(),
    userDataDir: app.getPath('userData'),
    defaultProjectsDir,
    pickFolder: () => pickFolder(win, defaultProjectsDir),
    confirm: (message, detail) => confirmInMain(win, message, detail),
    showInFolder: async (file) => shell.showItemInFolder(file),
    mediaBase: MEDIA_BASE,
    keys: keyVault(app.getPath('userData'), env),
    env,
  });
  serveMedia(session.defaultSession, () => core.session.current?.project.folder ?? null);
  const disposeIpc = registerIpc(core, () => win);

  async function showError(message: string, detail: string): Promise<void> {
    const options = { type: 'error' as const, message, detail };
    await (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
  }

  // The menu is rebuilt whenever a project opens or closes: Close Project's state and the
  // recent list both change then. Core calls go through `handle` like any IPC request.
  const menuActions = {
    command: (command: MenuCommand) => sendEvent(win, 'menu.command', { command }),
    openRecent: async (projectPath: string) => {
      const result = await core.handle('project.open', { path: projectPath });
      if (!result.ok) await showError('The project could not be opened.', result.error.message);
    },
    closeProject: async () => {
      const result = await core.handle('project.close', {});
      if (!result.ok) await showError('The project could not be closed.', result.error.message);
    },
  };
  async function refreshMenu(): Promise<void> {
    const [recent, current] = await Promise.all([core.handle('project.recent', {}), core.handle('project.current', {})]);
    const state: MenuState = {
      recent: recent.ok ? (recent.value as ChannelOutput<'project.recent'>) : [],
      projectOpen: current.ok && current.value !== null,
    };
    Menu.setApplicationMenu(buildMenu(state, menuActions, { isMac, isDev }));
  }
  core.on((event, payload) => {
    if (event !== 'project.opened') return;
    const { project } = payload as EventMap['project.opened'];
    if (project) app.addRecentDocument(project.path);
    void refreshMenu();
  });
  await refreshMenu();

  function openWindow(): void {
    win = createMainWindow({
      preloadPath: path.join(outDir, 'preload', 'index.cjs'),
      stateFile: path.join(app.getPath('userData'), 'window-state.json'),
      devTools: isDev,
    });
    win.on('closed', () => {
      win = null;
    });
  }

  app.on('second-instance', () => {
    if (!win) return openWindow();
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  // macOS keeps the app (and the open project) alive with no window; the dock icon reopens it.
  app.on('activate', () => {
    if (!win) openWindow();
  });
  app.on('window-all-closed', () => {
    if (!isMac) app.quit();
  });
  // Drain on quit: a create already sent must have its task id recorded before the process ends,
  // or the next start has to ask the user whether it was billed.
  let drained = false;
  app.on('before-quit', (event) => {
    if (drained) return;
    event.preventDefault();
    void core.session.drain().finally(() => {
      drained = true;
      app.quit();
    });
  });
  app.on('will-quit', () => {
    disposeIpc();
    core.close();
  });
  openWindow();
}

// Before anything reads userData: one folder named like the product in dev and packaged builds
// (the package name is lower-case), or a throwaway one for tests. The single-instance lock is
// keyed on it too, so parallel test runs with their own folders do not block each other.
app.setName('Shotline');
const env = trustedEnv(process.env, app.isPackaged);
app.setPath('userData', env.SHOTLINE_USER_DATA_DIR || path.join(app.getPath('appData'), 'Shotline'));

if (!app.requestSingleInstanceLock()) {
  // Another Shotline is running; it gets `second-instance` and comes to the front.
  app.quit();
} else {
  // Every renderer sandboxed, including any window added later that forgets to say so.
  app.enableSandbox();
  registerPrivilegedSchemes();
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  useElectronSqlite();
  start().catch((err: unknown) => {
    dialog.showErrorBox('Shotline could not start', err instanceof Error ? (err.stack ?? err.message) : String(err));
    app.exit(1);
  });
}
