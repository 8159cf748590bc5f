// The generation queue under the timeline: one line of totals (what runs, what it costs against
// the plan and the budget, who runs the jobs) that opens into every job with its state,
// progress, time, cost, and what can be done about it.
import { useEffect, useMemo, useState } from 'react';
import { getModel } from '../../../../shared/catalog';
import { isJobActive, JOB_STATE_LABELS, type JobView } from '../../../../shared/domain/jobs';
import { providerLabel } from '../../lib/labels';
import { formatUsd } from '../../lib/format';
import { ChevronIcon, GenerateIcon, RetryIcon, Spinner, StopIcon } from './icons';
import { plural } from '../../../../shared/domain/words';
import { jobElapsedS, useCostPlan, useGenerateAllDrafts, useJobAction, useJobProgress, useJobs, useJobStatus } from './jobsApi';
import { useQueueUi } from './store';
import './queue.css';

/** Ticks once a second while something runs, for elapsed times; still otherwise. */
function useNow(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [running]);
  return now;
}

function formatElapsed(s: number | null): string {
  if (s === null) return '';
  const m = Math.floor(s / 60);
  return m > 0 ? `${m}:${String(Math.floor(s % 60)).padStart(2, '0')}` : `${Math.floor(s)} s`;
}

/** Under way first, then waiting, then those that need the user, then the finished, newest first. */
const RANK = (j: JobView) => (j.state === 'needs_attention' ? 2 : j.state === 'queued' ? 1 : isJobActive(j.state) ? 0 : 3);
const byQueueOrder = (a: JobView, b: JobView) => RANK(a) - RANK(b) || (RANK(a) < 3 ? a.createdAt - b.createdAt : b.updatedAt - a.updatedAt);

export function QueuePanel() {
  const data = useJobs().data;
  const jobs = useMemo(() => data ?? [], [data]);
  const status = useJobStatus().data;
  const open = useQueueUi((s) => s.queueOpen);
  const setOpen = useQueueUi((s) => s.setQueueOpen);
  const allDrafts = useGenerateAllDrafts();
  const sorted = useMemo(() => [...jobs].sort(byQueueOrder), [jobs]);
  const running = jobs.filter((j) => isJobActive(j.state) && j.state !== 'queued').length;
  const queued = jobs.filter((j) => j.state === 'queued').length;
  const attention = jobs.filter((j) => j.state === 'needs_attention').length;
  const now = useNow(running > 0);
  const spend = status?.spend;
  const plan = useCostPlan().data;
  const summary = [running && `${running} generating`, queued && `${queued} queued`, attention && `${attention} need${attention === 1 ? 's' : ''} you`]
    .filter(Boolean)
    .join(' · ');

  return (
    <section className={`queue-panel${open ? ' is-open' : ''}`} aria-label="Generation queue" data-testid="queue-panel">
      <div className="queue-head">
        <button type="button" className="queue-toggle" aria-expanded={open} onClick={() => setOpen(!open)} title={open ? 'Hide the queue' : 'Show every job'}>
          <ChevronIcon open={!open} />
          <span>Queue</span>
        </button>
        <span className="queue-summary" aria-live="polite" data-testid="queue-summary">
          {running > 0 && <Spinner />}
          {summary || (jobs.length ? `${jobs.length} job${jobs.length === 1 ? '' : 's'}, all done` : 'No jobs yet')}
        </span>
        {status && !status.engine.running && status.engine.heldBy && (
          <span className="queue-held" role="status" title="Jobs are run by one process at a time">
            Jobs run in {status.engine.heldBy}
          </span>
        )}
        <span className="queue-spacer" />
        {spend && (
          <span
            className="queue-spend"
            data-testid="queue-spend"
            title={`Spent: what finished jobs cost. On its way: estimates of jobs queued or under way. Drafts: what Generate all drafts would queue now (${plan ? plural(plan.takes, 'take') : 'the takes setting'} of each shot with none, frames made first included).`}
          >
            Spent <strong>{formatUsd(spend.spentUsd)}</strong>
            {spend.inFlightUsd > 0 && <> · on its way {formatUsd(spend.inFlightUsd)}</>}
            {plan && <> · drafts {formatUsd(plan.draftPlanUsd)}</>}
            {spend.budgetUsd !== null && <> · budget {formatUsd(spend.budgetUsd)}</>}
          </span>
        )}
        <button
          type="button"
          className="btn btn-small"
          disabled={allDrafts.isPending}
          onClick={() => allDrafts.mutate({})}
          title="Generate takes for every shot that has none yet, on each shot's tool"
        >
          <GenerateIcon /> <span className="btn-label">Generate all drafts</span>
        </button>
      </div>
      {open && (
        <ul className="queue-list" aria-label="Jobs">
          {sorted.length === 0 && <li className="queue-empty">Select shots and press Generate, or Generate all drafts.</li>}
          {sorted.slice(0, 300).map((j) => (
            <JobRow key={j.id} job={j} now={now} />
          ))}
        </ul>
      )}
    </section>
  );
}

function JobRow({ job, now }: { job: JobView; now: number }) {
  const progress = useJobProgress()[job.id] ?? job.progress;
  const cancel = useJobAction('jobs.cancel');
  const retry = useJobAction('jobs.retry');
  const resolve = useJobAction('jobs.resolve');
  const spec = getModel(job.tool);
  const active = isJobActive(job.state);
  const busy = cancel.isPending || retry.isPending || resolve.isPending;
  const cost = job.costUsd !== null ? formatUsd(job.costUsd) : `≈ ${formatUsd(job.costEstimateUsd)}`;
  return (
    <li className="queue-row" data-state={job.state} data-testid="job-row" aria-label={`${job.shotLabel}: ${JOB_STATE_LABELS[job.state]}`}>
      <div className="queue-line">
        <span className="queue-shot">{job.shotLabel}</span>
        <span className="queue-tool" data-provider={spec?.provider} title={job.switchedFrom ? `Switched from ${job.switchedFrom}` : job.tool}>
          {spec ? `${providerLabel(spec.provider)} · ${spec.name.replace(/^\S+ /, '')}` : job.tool}
        </span>
        <span className="queue-state">
          {active && job.state !== 'queued' && <Spinner />}
          {job.cancelRequested && active ? 'Canceling' : JOB_STATE_LABELS[job.state]}
        </span>
        <span className="queue-progress" aria-hidden={progress === null || !active}>
          {active && progress !== null && (
            <span
              className="progress-bar"
              role="progressbar"
              aria-label={`${job.shotLabel} progress`}
              aria-valuenow={Math.round(progress * 100)}
              aria-valuemin={0}
              aria-valuemax={100}
            >
              <span style={{ width: `${Math.round(progress * 100)}%` }} />
            </span>
          )}
        </span>
        <span className="queue-time" title="Time since it was sent">
          {formatElapsed(jobElapsedS(job, now))}
        </span>
        <span className="queue-cost" title={job.costUsd !== null ? 'What it cost' : 'Estimate'}>
          {cost}
        </span>
        <span className="queue-actions">
          {(active || job.state === 'needs_attention') && !job.cancelRequested && (
            <button
              type="button"
              className="icon-btn danger"
              aria-label={`Cancel ${job.shotLabel}`}
              title="Cancel this take"
              disabled={busy}
              onClick={() => cancel.mutate({ id: job.id })}
            >
              <StopIcon />
            </button>
          )}
          {(job.state === 'failed' || job.state === 'canceled') && (
            <button
              type="button"
              className="icon-btn"
              aria-label={`Retry ${job.shotLabel}`}
              title="Send it again as a new attempt"
              disabled={busy}
              onClick={() => retry.mutate({ id: job.id })}
            >
              <RetryIcon />
            </button>
          )}
        </span>
      </div>
      {job.state === 'failed' && job.error && <p className="queue-why">{job.error}</p>}
      {job.attention && (
        <div className="queue-attention" role="group" aria-label={`${job.shotLabel} needs a decision`}>
          <p className="queue-why">{job.attention.reason}</p>
          <div className="queue-choices">
            {job.attention.choices.map((c) => (
              <button
                key={c.choice}
                type="button"
                className={`btn btn-small${c.choice === 'submit_again' ? ' is-risky' : ''}`}
                title={c.detail}
                disabled={busy}
                onClick={() => resolve.mutate({ id: job.id, choice: c.choice })}
              >
                {c.label}
              </button>
            ))}
          </div>
        </div>
      )}
    </li>
  );
}
