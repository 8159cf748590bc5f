import { useState } from 'react';
import { errorMessage } from '../../api/client';
import { useAppInfo, useRecentProjects } from '../../api/queries';
import { FolderIcon } from '../../components/icons';
import { pickFolder, useOpenProjectPath } from './useOpenProject';

export function OpenProjectForm({ autoFocus }: { autoFocus?: boolean }) {
  const info = useAppInfo().data;
  const recent = useRecentProjects().data ?? [];
  const open = useOpenProjectPath();
  const [path, setPath] = useState('');

  return (
    <div className="start-card">
      <form
        aria-label="Open project"
        onSubmit={(e) => {
          e.preventDefault();
          if (path.trim()) open.mutate(path.trim());
        }}
      >
        <h2>Open project</h2>
        <div className="field">
          <label htmlFor="open-path">Project folder</label>
          <div className="input-with-button">
            <input
              id="open-path"
              value={path}
              onChange={(e) => setPath(e.target.value)}
              placeholder="/path/to/Name.shotline"
              spellCheck={false}
              autoFocus={autoFocus}
            />
            {info?.canPickFolders && (
              <button
                type="button"
                className="btn"
                aria-label="Browse for project folder"
                title="Choose a .shotline folder"
                onClick={() => void pickFolder().then((p) => p && setPath(p))}
              >
                <FolderIcon /> Browse…
              </button>
            )}
          </div>
        </div>
        <button type="submit" className="btn" disabled={!path.trim() || open.isPending}>
          {open.isPending ? 'Opening…' : 'Open'}
        </button>
      </form>
      {open.error && (
        <p className="form-error" role="alert">
          {errorMessage(open.error)}
        </p>
      )}
      <h3 id="recent-heading">Recent projects</h3>
      {recent.length === 0 ? (
        <p className="muted">Projects you open appear here.</p>
      ) : (
        <ul className="recent-list" aria-labelledby="recent-heading">
          {recent.map((r) => (
            <li key={r.path}>
              <button type="button" className="recent-item" onClick={() => open.mutate(r.path)} title={r.path}>
                <span className="recent-title">{r.title}</span>
                <span className="recent-path">{r.path}</span>
                <span className="recent-date">{new Date(r.openedAt).toLocaleDateString()}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
