// The header's Export menu (the same commands as the native File menu) and the dialogs they
// open, mounted once for the workspace.
import { useEffect, useRef, useState } from 'react';
import { FilmIcon } from '../../components/icons';
import { shortcut } from '../../components/keys';
import { ScriptImportDialog } from '../script/ScriptImportDialog';
import { useScriptImport } from '../script/store';
import { useVersionsDialog } from '../versions/store';
import { VersionsDialog } from '../versions/VersionsDialog';
import { ImportCutDialog } from './ImportCutDialog';
import { ResolveExportDialog } from './ResolveExportDialog';
import { ShotListDialog } from './ShotListDialog';
import { StoryboardDialog } from './StoryboardDialog';
import { useExportDialog, type ExportDialog } from './store';
import './export.css';

const ITEMS: Array<{ dialog: Exclude<ExportDialog, null>; label: string }> = [
  { dialog: 'resolve', label: 'Export: DaVinci Resolve…' },
  { dialog: 'shotList', label: 'Export shot list…' },
  { dialog: 'storyboard', label: 'Export storyboard PDF…' },
  { dialog: 'importCut', label: 'Import cut from Resolve…' },
];

export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const setDialog = useExportDialog((s) => s.setOpen);
  useEffect(() => {
    if (!open) return;
    root.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const away = (e: PointerEvent) => !root.current?.contains(e.target as Node) && setOpen(false);
    window.addEventListener('pointerdown', away);
    return () => window.removeEventListener('pointerdown', away);
  }, [open]);

  const onKey = (e: React.KeyboardEvent) => {
    const items = [...(root.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      setOpen(false);
      root.current?.querySelector<HTMLButtonElement>('.export-menu-button')?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    } else return;
    e.preventDefault();
  };

  return (
    <div className="export-menu" ref={root} onKeyDown={onKey}>
      <button
        type="button"
        className="btn btn-small export-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        title="Export to DaVinci Resolve, the shot list or the storyboard, bring a cut back, or import a script"
      >
        <FilmIcon /> Export
      </button>
      {open && (
        <div className="export-menu-list" role="menu" aria-label="Export">
          {ITEMS.map((item) => (
            <button
              key={item.dialog}
              type="button"
              role="menuitem"
              className="export-menu-item"
              onClick={() => {
                setOpen(false);
                setDialog(item.dialog);
              }}
            >
              {item.label}
            </button>
          ))}
          <button
            type="button"
            role="menuitem"
            className="export-menu-item"
            onClick={() => {
              setOpen(false);
              useScriptImport.getState().show();
            }}
          >
            Import script or shot list…
          </button>
          <button
            type="button"
            role="menuitem"
            className="export-menu-item"
            title={shortcut('Ctrl+Shift+S')}
            onClick={() => {
              setOpen(false);
              useVersionsDialog.getState().show();
            }}
          >
            Versions…
          </button>
        </div>
      )}
    </div>
  );
}

export function ExportDialogs() {
  return (
    <>
      <ResolveExportDialog />
      <ShotListDialog />
      <StoryboardDialog />
      <ImportCutDialog />
      <ScriptImportDialog />
      <VersionsDialog />
    </>
  );
}
