// Timeline or board, in the header so it stays put when the view changes. Ctrl+B toggles it from
// anywhere.
import { shortcut } from '../../components/keys';
import { useLayout, type MainView } from '../../stores/layout';

const VIEWS: Array<[MainView, string, string]> = [
  ['timeline', 'Timeline', 'Shots as cards on the timeline'],
  ['board', 'Board', 'The film as a grid of frames by scene'],
];

export function toggleView(): void {
  const { view, setView } = useLayout.getState();
  setView(view === 'board' ? 'timeline' : 'board');
}

export function ViewSwitch() {
  const view = useLayout((s) => s.view);
  const setView = useLayout((s) => s.setView);
  return (
    <div className="segmented view-switch" role="radiogroup" aria-label="View">
      {VIEWS.map(([v, label, what]) => (
        <label key={v} className={`segment${view === v ? ' is-on' : ''}`} title={`${what} (${shortcut('Ctrl+B')} switches)`}>
          <input type="radio" name="main-view" checked={view === v} onChange={() => setView(v)} />
          {label}
        </label>
      ))}
    </div>
  );
}
