// Shown when no project is open: make one, open one, or pick a recent one.
import { FilmIcon } from '../../components/icons';
import { NewProjectForm } from './NewProjectForm';
import { OpenProjectForm } from './OpenProjectForm';

export function StartScreen() {
  return (
    <main className="start" aria-label="Start">
      <div className="start-inner">
        <header className="start-head">
          <span className="logo-mark" aria-hidden="true">
            <FilmIcon />
          </span>
          <div>
            <h1>Shotline</h1>
            <p className="muted">Plan a short film shot by shot, pick a generator per shot, and see what it costs.</p>
          </div>
        </header>
        <div className="start-grid">
          <NewProjectForm autoFocus />
          <OpenProjectForm />
        </div>
      </div>
    </main>
  );
}
