// The one application window: the hardened webPreferences baseline, and the size and place the
// user left it at. Saved on close as JSON in userData; a bad or stale file only costs defaults.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BrowserWindow, screen } from 'electron';
import { RENDERER_ENTRY_URL } from './policy';
import { MIN_SIZE, parseWindowState, placeWindow, type WindowState } from './window-state';

/** Matches the renderer's background so no white flash shows before the first paint. */
const BACKGROUND = '#1b1c1f';

export interface MainWindowOptions {
  preloadPath: string;
  /** JSON file holding the last bounds, e.g. `<userData>/window-state.json`. */
  stateFile: string;
  /** DevTools only in development builds. */
  devTools: boolean;
}

function readState(file: string): WindowState | null {
  try {
    return parseWindowState(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

function saveState(file: string, win: BrowserWindow): void {
  // Normal bounds, so a maximized window un-maximizes back to where the user had it.
  const state: WindowState = { ...win.getNormalBounds(), maximized: win.isMaximized() };
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.tmp`;
    writeFileSync(tmp, JSON.stringify(state));
    renameSync(tmp, file);
  } catch (err) {
    console.warn(`[shotline] could not remember the window size in ${file}: ${String(err)}`);
  }
}

export function createMainWindow(opts: MainWindowOptions): BrowserWindow {
  const placed = placeWindow(
    readState(opts.stateFile),
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const win = new BrowserWindow({
    x: placed.x,
    y: placed.y,
    width: placed.width,
    height: placed.height,
    minWidth: Math.min(MIN_SIZE.width, placed.width),
    minHeight: Math.min(MIN_SIZE.height, placed.height),
    title: 'Shotline',
    backgroundColor: BACKGROUND,
    show: false,
    webPreferences: {
      // Reviewed for Electronegativity: the preload exposes exactly invoke/on for the contract's names (preload.ts).
      preload: opts.preloadPath, // eng-disable PRELOAD_JS_CHECK
      // A middle click would open a link in a new Electron window; every link goes through setWindowOpenHandler instead.
      disableBlinkFeatures: 'Auxclick',
      // Stated explicitly although most are defaults: a later edit must not flip one silently.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: opts.devTools,
      spellcheck: true,
    },
  });
  win.once('ready-to-show', () => {
    if (placed.maximized) win.maximize();
    win.show();
  });
  win.on('close', () => saveState(opts.stateFile, win));
  win.loadURL(RENDERER_ENTRY_URL).catch((err: unknown) => {
    console.error(`[shotline] the window could not load ${RENDERER_ENTRY_URL}: ${String(err)}`);
    // ready-to-show may never come; a visible window at least tells the user the app started.
    if (!win.isDestroyed()) win.show();
  });
  return win;
}
