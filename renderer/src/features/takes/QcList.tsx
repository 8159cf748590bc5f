// The automatic technical check: every check with its verdict and what was found. Failures
// only inform (nothing is deleted); "Check again" re-runs ffprobe/ffmpeg on the file.
import { QC_LABELS, type QcResult } from '../../../../shared/domain/takes';
import { ErrorIcon } from '../../components/icons';
import { useTakeAction } from '../../api/takes';

export function QcBadge({ failed, qc }: { failed: number; qc: QcResult[] | null }) {
  if (!failed || !qc) return null;
  const reasons = qc.filter((q) => !q.ok).map((q) => `${QC_LABELS[q.check]}: ${q.detail}`);
  return (
    <span className="qc-badge" title={reasons.join('\n')} aria-label={`${failed} technical check${failed > 1 ? 's' : ''} failed: ${reasons.join('; ')}`}>
      <ErrorIcon />
      {failed}
    </span>
  );
}

export function QcList({ takeId, qc }: { takeId: string; qc: QcResult[] | null }) {
  const check = useTakeAction('takes.qc');
  return (
    <div className="take-qc">
      <div className="section-row">
        <h4>Technical check</h4>
        <button type="button" className="btn btn-small" disabled={check.isPending} onClick={() => check.mutate({ takeId })}>
          {check.isPending ? 'Checking…' : qc ? 'Check again' : 'Run check'}
        </button>
      </div>
      {qc ? (
        <ul className="qc-list" aria-label="Technical check results">
          {qc.map((q) => (
            <li key={q.check} className={q.ok ? 'is-ok' : 'is-failed'}>
              <span className="qc-mark" aria-hidden="true">
                {q.ok ? '✓' : '!'}
              </span>
              <span className="qc-name">{QC_LABELS[q.check]}</span>
              <span className="qc-detail">{q.detail}</span>
              <span className="visually-hidden">{q.ok ? 'passed' : 'failed'}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Not checked yet (a take made before the check existed).</p>
      )}
    </div>
  );
}
