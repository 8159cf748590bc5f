import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { useAppInfo } from '../../api/queries';
import { FolderIcon } from '../../components/icons';
import { pickFolder, useCreateProject } from './useOpenProject';

export function NewProjectForm({ autoFocus }: { autoFocus?: boolean }) {
  const info = useAppInfo().data;
  const create = useCreateProject();
  const [title, setTitle] = useState('');
  // null = not edited yet, so the default location can arrive after first render.
  const [location, setLocation] = useState<string | null>(null);
  const where = location ?? info?.defaultProjectsDir ?? '';
  const canSubmit = title.trim() !== '' && where.trim() !== '' && !create.isPending;

  return (
    <form
      className="start-card"
      aria-label="New project"
      onSubmit={(e) => {
        e.preventDefault();
        if (canSubmit) create.mutate({ parentDir: where.trim(), title: title.trim() });
      }}
    >
      <h2>New project</h2>
      <div className="field">
        <label htmlFor="new-title">Title</label>
        <input id="new-title" value={title} onChange={(e) => setTitle(e.target.value)} placeholder="Night Diner" autoFocus={autoFocus} autoComplete="off" />
      </div>
      <div className="field">
        <label htmlFor="new-location">Location</label>
        <div className="input-with-button">
          <input id="new-location" value={where} onChange={(e) => setLocation(e.target.value)} spellCheck={false} />
          {info?.canPickFolders && (
            <button
              type="button"
              className="btn"
              aria-label="Browse for location"
              title="Choose the folder the project goes in"
              onClick={() => void pickFolder().then((p) => p && setLocation(p))}
            >
              <FolderIcon /> Browse…
            </button>
          )}
        </div>
        <p className="field-hint">
          Creates <code>{(title.trim() || 'Title').replace(/[/\\]/g, '-')}.shotline</code> in this folder.
        </p>
      </div>
      {create.error && (
        <p className="form-error" role="alert">
          {errorMessage(create.error)}
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={!canSubmit}>
        {create.isPending ? 'Creating…' : 'Create project'}
      </button>
    </form>
  );
}
