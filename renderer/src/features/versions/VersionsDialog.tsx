// "Versions…": save the project as it is under a name, and come back to a saved version, either
// here (one undoable step; the present is saved first) or as a new project beside this one.
import { useBusy } from '../../components/useBusy';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { VersionInfo } from '../../../../shared/domain/versions';
import { plural } from '../../../../shared/domain/words';
import { call } from '../../api/client';
import { TrashIcon } from '../../components/icons';
import { shortcut } from '../../components/keys';
import { useUi } from '../../stores/ui';
import { FormError } from '../export/FormError';
import { useOpenProjectPath } from '../projects/useOpenProject';
import { Dialog } from '../takes/Dialog';
import { useVersionsDialog } from './store';
import { versionKeys, useVersions } from './versionsApi';
import './versions.css';

type Confirm = { kind: 'restore' | 'delete'; version: VersionInfo };

const savedAt = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function ConfirmPanel({ confirm, busy, onCancel, onConfirm }: { confirm: Confirm; busy: boolean; onCancel: () => void; onConfirm: () => void }) {
  const name = confirm.version.name;
  const restore = confirm.kind === 'restore';
  return (
    <div className="version-confirm" role="group" aria-label={restore ? 'Confirm restore' : 'Confirm delete'}>
      <p>
        {restore
          ? `Restore “${name}” here? Shots, scenes, the library and take reviews become as they were; takes and jobs stay. ` +
            `The project as it is now is saved as a version first, and ${shortcut('Ctrl+Z')} brings it back.`
          : `Delete the version “${name}”? The project itself does not change; the saved copy cannot be brought back.`}
      </p>
      <div className="dialog-actions">
        <button type="button" className="btn btn-small" onClick={onCancel}>
          {restore ? 'Cancel' : 'Keep it'}
        </button>
        <button type="button" className={`btn btn-small ${restore ? 'btn-primary' : 'btn-danger'}`} disabled={busy} onClick={onConfirm}>
          {restore ? 'Restore here' : 'Delete version'}
        </button>
      </div>
    </div>
  );
}

function VersionRow({ version, busy, onAsk, onOpenAsNew }: { version: VersionInfo; busy: boolean; onAsk: (c: Confirm) => void; onOpenAsNew: () => void }) {
  return (
    <div className="version-row">
      <div className="version-main">
        <span className="version-name">
          {version.name}
          {version.auto && (
            <span className="chip version-auto" title="Saved by Shotline before an import or a restore">
              auto
            </span>
          )}
        </span>
        <span className="version-meta">
          {savedAt(version.createdAt)} · {plural(version.shots, 'shot')} · {plural(version.scenes, 'scene')}
        </span>
      </div>
      <div className="version-actions">
        <button type="button" className="btn btn-small" disabled={busy} onClick={() => onAsk({ kind: 'restore', version })}>
          Restore here
        </button>
        <button type="button" className="btn btn-small" disabled={busy} onClick={onOpenAsNew}>
          Open as new project
        </button>
        <button
          type="button"
          className="icon-btn danger"
          aria-label={`Delete version ${version.name}`}
          title="Delete this version"
          disabled={busy}
          onClick={() => onAsk({ kind: 'delete', version })}
        >
          <TrashIcon />
        </button>
      </div>
    </div>
  );
}

export function VersionsDialog() {
  const open = useVersionsDialog((s) => s.open);
  const close = useVersionsDialog((s) => s.close);
  const versions = useVersions(open);
  const qc = useQueryClient();
  const openProject = useOpenProjectPath();
  const [name, setName] = useState('');
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const { busy, error, run } = useBusy();
  const notify = (message: string) => useUi.getState().notify('info', message);
  const nameField = useRef<HTMLInputElement>(null);
  // Runs after the dialog's own effect (a child's runs first), which opens it on its first button.
  useEffect(() => {
    if (open) nameField.current?.focus();
  }, [open]);

  const act = async (fn: () => Promise<void>) => {
    await run(fn);
    void qc.invalidateQueries({ queryKey: versionKeys.list });
  };
  const save = () =>
    act(async () => {
      const saved = await call('versions.save', { name: name.trim() });
      setName('');
      notify(`Saved the version “${saved.name}”`);
    });
  const confirmed = ({ kind, version }: Confirm) =>
    act(async () => {
      setConfirm(null);
      if (kind === 'delete') {
        await call('versions.delete', { id: version.id });
        return;
      }
      await call('versions.restore', { id: version.id, mode: 'inPlace' });
      close();
      notify(`Restored “${version.name}” — ${shortcut('Ctrl+Z')} brings back the present`);
    });
  const openAsNew = (version: VersionInfo) =>
    act(async () => {
      const made = await call('versions.restore', { id: version.id, mode: 'newProject' });
      if (made.mode !== 'newProject') return;
      await openProject.mutateAsync(made.path);
      close();
      notify(`Opened “${made.title}”, a new project beside the one you had open`);
    });

  const list = versions.data ?? [];
  return (
    <Dialog open={open} title="Versions" className="versions-dialog" onClose={close}>
      <p className="muted dialog-text">
        A version is a copy of the plan to come back to after the undo history is gone. Media is shared, not copied. Shotline also saves one on its own before
        each import and restore.
      </p>
      <form
        className="version-save"
        aria-label="Save version"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) void save();
        }}
      >
        <div className="field">
          <label htmlFor="version-name">Save the project as it is now</label>
          <div className="input-with-button">
            <input
              id="version-name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="Name, e.g. Before the recut"
              maxLength={200}
              ref={nameField}
            />
            <button type="submit" className="btn btn-primary" disabled={busy || !name.trim()}>
              Save version
            </button>
          </div>
        </div>
      </form>
      <FormError error={error} />
      {versions.isPending ? (
        <p className="muted">Reading versions…</p>
      ) : list.length === 0 ? (
        <p className="muted version-empty">No versions yet.</p>
      ) : (
        <ul className="version-list" aria-label="Saved versions">
          {list.map((v) => (
            <li key={v.id}>
              <VersionRow version={v} busy={busy} onAsk={setConfirm} onOpenAsNew={() => void openAsNew(v)} />
              {confirm?.version.id === v.id && (
                <ConfirmPanel confirm={confirm} busy={busy} onCancel={() => setConfirm(null)} onConfirm={() => void confirmed(confirm)} />
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={close}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
