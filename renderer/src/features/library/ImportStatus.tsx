// Progress of running imports, then what the last one added and refused, and why.
import { CloseIcon } from '../../components/icons';
import { TimeLeft } from '../../components/TimeLeft';
import { useLibraryUi } from './store';
import { describeSummary } from './summary';

export function ImportStatus() {
  const runs = useLibraryUi((s) => s.runs);
  const last = useLibraryUi((s) => s.summary);
  const dismiss = useLibraryUi((s) => s.dismissSummary);
  return (
    <>
      {runs.map((r) => (
        <div key={r.id} className="import-progress">
          <span>
            {r.label}: {r.done} of {r.total}
          </span>
          <progress aria-label={`${r.label} progress`} max={r.total} value={r.done} />
          <TimeLeft startedAt={r.startedAt} fraction={r.total > 0 ? r.done / r.total : 0} />
        </div>
      ))}
      {last && runs.length === 0 && (
        <section className="import-summary" aria-label="Import summary" role="status">
          <header>
            <strong>
              {last.label}: {describeSummary(last.summary)}
            </strong>
            <button type="button" className="icon-btn" aria-label="Dismiss import summary" onClick={dismiss}>
              <CloseIcon />
            </button>
          </header>
          {(last.summary.refused.length > 0 || last.summary.skipped.length > 0) && (
            <ul>
              {last.summary.refused.map((r, i) => (
                <li key={`r${i}`} className="import-refused">
                  <span className="import-name">{r.name}</span> {r.reason}
                </li>
              ))}
              {last.summary.skipped.map((r, i) => (
                <li key={`s${i}`} className="import-skipped">
                  <span className="import-name">{r.name}</span> {r.reason}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </>
  );
}
