// The native menu. App actions do not run here: they go to the renderer as `menu.command`
// events so a menu click, a shortcut and a toolbar button all take the renderer's one code path.
// Only things with no renderer button of their own (open a recent project, close) call the core.
//
// Keyboard shortcuts and text fields. Chromium offers a key to the page first and only an
// unhandled key reaches a menu accelerator (macOS additionally routes the text-editing keys
// through the Edit menu). So:
// - Undo, Redo, Duplicate and Delete send a command and the renderer decides: in an editable
//   field it does the text action (`document.execCommand('undo' | 'redo')`), elsewhere the app
//   action. A role-based Undo would only ever undo text, never an edit to the timeline.
// - The renderer's own key handlers (it needs them anyway in the browser under the devhost)
//   must call preventDefault when they act, so the same key is not acted on twice.
// - Cut, Copy, Paste and Select All are text-only here, so they keep their native roles.
// - Plain Delete is shown but not registered on Windows/Linux (`registerAccelerator: false`):
//   it is the most common key in a text field, and the timeline's own handler deletes shots.
import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/contract';
import type { RecentProject } from '../../shared/domain/types';

export interface MenuActions {
  command(command: MenuCommand): void;
  openRecent(path: string): void;
  closeProject(): void;
}

export interface MenuState {
  recent: RecentProject[];
  projectOpen: boolean;
}

const RECENT_LIMIT = 10;

function fileMenu(state: MenuState, act: MenuActions, isMac: boolean): MenuItemConstructorOptions {
  const recent: MenuItemConstructorOptions[] = state.recent.slice(0, RECENT_LIMIT).map((p) => ({
    // Escape & so Windows/Linux do not read it as a mnemonic marker.
    label: p.title.replaceAll('&', '&&'),
    sublabel: p.path,
    toolTip: p.path,
    click: () => act.openRecent(p.path),
  }));
  return {
    label: '&File',
    submenu: [
      { label: 'New Project…', accelerator: 'CmdOrCtrl+N', click: () => act.command('project.new') },
      { label: 'Open Project…', accelerator: 'CmdOrCtrl+O', click: () => act.command('project.open') },
      {
        label: 'Open Recent',
        submenu: recent.length > 0 ? recent : [{ label: 'No recent projects', enabled: false }],
      },
      { type: 'separator' },
      { label: 'Close Project', enabled: state.projectOpen, click: () => act.closeProject() },
      { type: 'separator' },
      { label: 'Export: DaVinci Resolve…', enabled: state.projectOpen, click: () => act.command('file.exportResolve') },
      { label: 'Export Shot List…', enabled: state.projectOpen, click: () => act.command('file.exportShotList') },
      { label: 'Export Storyboard PDF…', enabled: state.projectOpen, click: () => act.command('file.exportStoryboard') },
      { label: 'Import Cut from Resolve…', enabled: state.projectOpen, click: () => act.command('file.importCut') },
      { label: 'Import Script or Shot List…', enabled: state.projectOpen, click: () => act.command('file.importScript') },
      { type: 'separator' },
      // Every edit is committed to project.db as it happens; there is nothing to save.
      { label: 'Saved automatically', enabled: false },
      // A named copy to come back to once the undo history is gone.
      { label: 'Versions…', accelerator: 'CmdOrCtrl+Shift+S', enabled: state.projectOpen, click: () => act.command('file.versions') },
      ...(isMac ? [] : ([{ type: 'separator' }, { role: 'quit' }] satisfies MenuItemConstructorOptions[])),
    ],
  };
}

function editMenu(act: MenuActions, isMac: boolean): MenuItemConstructorOptions {
  return {
    label: '&Edit',
    submenu: [
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => act.command('edit.undo') },
      { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', click: () => act.command('edit.redo') },
      // Ctrl+Y is the other Redo Windows and Linux users expect; hidden so the menu lists one.
      ...(isMac
        ? []
        : ([{ label: 'Redo', accelerator: 'Ctrl+Y', visible: false, click: () => act.command('edit.redo') }] satisfies MenuItemConstructorOptions[])),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      { label: 'Duplicate', accelerator: 'CmdOrCtrl+D', click: () => act.command('edit.duplicate') },
      {
        label: 'Delete',
        // macOS ignores registerAccelerator, so no accelerator there at all: the timeline's
        // own key handler takes Delete and Backspace.
        ...(isMac ? {} : { accelerator: 'Delete', registerAccelerator: false }),
        click: () => act.command('edit.delete'),
      },
    ],
  };
}

function viewMenu(act: MenuActions, isDev: boolean): MenuItemConstructorOptions {
  const dev: MenuItemConstructorOptions[] = isDev ? [{ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' }] : [];
  return {
    label: '&View',
    submenu: [
      ...dev,
      { label: 'Cost Panel', accelerator: 'CmdOrCtrl+Shift+C', click: () => act.command('view.cost') },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
}

function shotMenu(act: MenuActions): MenuItemConstructorOptions {
  return {
    label: '&Shot',
    submenu: [
      { label: 'Add Shot', accelerator: 'CmdOrCtrl+Enter', click: () => act.command('shot.add') },
      { label: 'Add Scene', accelerator: 'CmdOrCtrl+Shift+Enter', click: () => act.command('scene.add') },
      { type: 'separator' },
      // No shortcut: renumbering rewrites every label, so it should be a deliberate choice.
      { label: 'Renumber Shots', click: () => act.command('shot.renumber') },
    ],
  };
}

export function buildMenu(state: MenuState, act: MenuActions, opts: { isMac: boolean; isDev: boolean }): Menu {
  const template: MenuItemConstructorOptions[] = [
    ...(opts.isMac ? ([{ role: 'appMenu' }] satisfies MenuItemConstructorOptions[]) : []),
    fileMenu(state, act, opts.isMac),
    editMenu(act, opts.isMac),
    viewMenu(act, opts.isDev),
    shotMenu(act),
    ...(opts.isMac ? ([{ role: 'windowMenu' }] satisfies MenuItemConstructorOptions[]) : []),
    {
      label: '&Help',
      role: 'help',
      submenu: [{ label: `About ${app.getName()}`, click: () => app.showAboutPanel() }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
