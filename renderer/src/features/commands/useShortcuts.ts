// App-wide shortcuts and native menu commands. Undo/redo leave text fields alone (the field's
// own undo applies there); adding shots and scenes works from anywhere.
import { useEffect } from 'react';
import type { MenuCommand } from '../../../../shared/contract';
import { subscribe } from '../../api/client';
import { isTextEntry, primary } from '../../components/keys';
import { useUi } from '../../stores/ui';
import { toggleView } from '../board/ViewSwitch';
import { useExportDialog } from '../export/store';
import type { Actions } from './actions';
import { useScriptImport } from '../script/store';
import { useVersionsDialog } from '../versions/store';

export function useGlobalShortcuts(actions: Actions): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!primary(e) || e.altKey) return;
      const key = e.key.toLowerCase();
      const inText = isTextEntry(e.target);
      let handled = true;
      if (key === 'enter') void (e.shiftKey ? actions.addScene() : actions.addShot());
      else if (key === 'z' && !inText) void (e.shiftKey ? actions.redo() : actions.undo());
      else if (key === 'y' && !inText) void actions.redo();
      else if (key === 's' && e.shiftKey) useVersionsDialog.getState().show();
      else if (key === 'b' && !e.shiftKey) toggleView();
      else if (key === 'l' && e.shiftKey) void actions.speakAllLines();
      else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions]);
}

export function runMenuCommand(command: MenuCommand, actions: Actions): void {
  const ui = useUi.getState();
  const inText = isTextEntry(document.activeElement);
  switch (command) {
    case 'project.new':
      return ui.setProjectDialog('new');
    case 'project.open':
      return ui.setProjectDialog('open');
    case 'edit.undo':
      if (inText) document.execCommand('undo');
      else void actions.undo();
      return;
    case 'edit.redo':
      if (inText) document.execCommand('redo');
      else void actions.redo();
      return;
    case 'edit.delete':
      if (!inText) void actions.deleteShots();
      return;
    case 'edit.duplicate':
      if (!inText) void actions.duplicate();
      return;
    case 'shot.add':
      return void actions.addShot();
    case 'scene.add':
      return void actions.addScene();
    case 'shot.renumber':
      return void actions.renumber();
    case 'file.exportResolve':
      return useExportDialog.getState().setOpen('resolve');
    case 'file.exportShotList':
      return useExportDialog.getState().setOpen('shotList');
    case 'file.exportStoryboard':
      return useExportDialog.getState().setOpen('storyboard');
    case 'file.importCut':
      return useExportDialog.getState().setOpen('importCut');
    case 'file.importScript':
      return useScriptImport.getState().show();
    case 'file.versions':
      return useVersionsDialog.getState().show();
    case 'view.cost': {
      const panel = document.getElementById('cost-panel');
      panel?.scrollIntoView({ block: 'nearest' });
      panel?.focus();
      return;
    }
  }
}

export function useMenuCommands(actions: Actions, projectOpen: boolean): void {
  useEffect(() => {
    return subscribe('menu.command', ({ command }) => {
      if (!projectOpen && !command.startsWith('project.')) return;
      if (!projectOpen) {
        // The start screen already shows both forms; focus the one asked for.
        document.getElementById(command === 'project.open' ? 'open-path' : 'new-title')?.focus();
        return;
      }
      runMenuCommand(command, actions);
    });
  }, [actions, projectOpen]);
}
