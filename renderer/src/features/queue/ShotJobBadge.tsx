// On a shot card while its takes are being made: a spinner and how far along, or how many
// wait, or that one needs a decision (the queue panel says which).
import { Spinner } from './icons';
import type { ShotJobs } from './jobsApi';

export function ShotJobBadge({ jobs }: { jobs: ShotJobs | undefined }) {
  if (!jobs) return null;
  if (jobs.active > 0) {
    const pct = jobs.progress !== null ? `${Math.round(jobs.progress * 100)}%` : '';
    const label = `Generating ${jobs.active} take${jobs.active === 1 ? '' : 's'}${pct ? `, ${pct}` : ''}${jobs.queued ? `, ${jobs.queued} queued` : ''}`;
    return (
      <span className="shot-job-badge" data-testid="shot-generating" role="status" aria-label={label} title={label}>
        <Spinner />
        {pct}
      </span>
    );
  }
  if (jobs.queued > 0) {
    const label = `${jobs.queued} take${jobs.queued === 1 ? '' : 's'} queued`;
    return (
      <span className="shot-job-badge is-queued" role="status" aria-label={label} title={label}>
        {jobs.queued} queued
      </span>
    );
  }
  const label = `${jobs.attention} take${jobs.attention === 1 ? '' : 's'} need${jobs.attention === 1 ? 's' : ''} a decision: see the queue`;
  return (
    <span className="shot-job-badge is-attention" role="status" aria-label={label} title={label}>
      !
    </span>
  );
}
