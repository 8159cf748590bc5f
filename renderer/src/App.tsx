// Top level: start screen without a project, workspace with one. `data-ready` on the root
// tells e2e tests the first real screen has rendered (never wait on sleeps).
import { useCurrentProject, useSnapshot } from './api/queries';
import { errorMessage } from './api/client';
import { Toasts } from './components/Toasts';
import { ActionsProvider, useActions } from './features/commands/ActionsContext';
import { useMenuCommands } from './features/commands/useShortcuts';
import { ProjectDialog } from './features/projects/ProjectDialog';
import { StartScreen } from './features/projects/StartScreen';
import { Workspace } from './features/workspace/Workspace';

function Screens() {
  const actions = useActions();
  const current = useCurrentProject();
  const open = !!current.data;
  const snapshot = useSnapshot(open);
  useMenuCommands(actions, open);

  let body;
  let view: 'loading' | 'start' | 'project' | 'error' = 'loading';
  if (current.error || snapshot.error) {
    view = 'error';
    body = (
      <div className="fatal" role="alert">
        <h1>Shotline could not load</h1>
        <p>{errorMessage(current.error ?? snapshot.error)}</p>
        <button type="button" className="btn" onClick={() => location.reload()}>
          Reload
        </button>
      </div>
    );
  } else if (current.isPending) {
    body = <div className="loading">Loading…</div>;
  } else if (!open) {
    view = 'start';
    body = <StartScreen />;
  } else if (snapshot.data) {
    view = 'project';
    body = <Workspace snapshot={snapshot.data} />;
  } else {
    body = <div className="loading">Opening {current.data?.title}…</div>;
  }

  return (
    <div className="app-root" data-ready={view === 'start' || view === 'project' ? 'true' : undefined} data-view={view}>
      {body}
      <ProjectDialog />
      <Toasts />
    </div>
  );
}

export function App() {
  return (
    <ActionsProvider>
      <Screens />
    </ActionsProvider>
  );
}
