// The job engine as the CLI runs it: keys and base URLs from the environment, the project's
// lease (so the app and the CLI never both run its jobs), live progress on a terminal, and the
// job list as tables and JSON.
import path from 'node:path';
import { getProvider } from '../../shared/catalog';
import { JOB_STATE_LABELS, type JobState } from '../../shared/domain/jobs';
import type { ProviderId } from '../../shared/domain/types';
import { attentionOf, type JobRow } from '../core/db/repos/jobsRepo';
import { UserError } from '../core/errors';
import { JobEngine } from '../core/jobs/engine';
import { createRunners, type RunnerSource } from '../core/jobs/runners';
import { baseUrlFor, envKeySource } from '../core/keys/keySource';
import type { Project } from '../core/project/project';
import type { Io } from './command';
import { usd } from './format';

export function cliRunners(io: Io): RunnerSource {
  return createRunners({ keys: envKeySource(io.env), env: io.env });
}

export function cliEngine(project: Project, io: Io, label: string): JobEngine {
  const interval = io.env.SHOTLINE_POLL_INTERVAL_S ? Number(io.env.SHOTLINE_POLL_INTERVAL_S) : undefined;
  return new JobEngine({
    db: project.db,
    folder: project.folder,
    runners: cliRunners(io),
    label,
    ...(interval !== undefined && interval > 0 ? { pollIntervalS: interval } : {}),
    customEndpoint: (p: ProviderId) => baseUrlFor(p, io.env) !== getProvider(p)?.defaultBaseUrl,
    emit: io.status ? progressLine(io) : undefined,
  });
}

/** One line on stderr, redrawn in place: how many jobs are in each state. */
function progressLine(io: Io) {
  const latest = new Map<string, string>();
  return (e: Parameters<NonNullable<ConstructorParameters<typeof JobEngine>[0]['emit']>>[0]) => {
    if (e.type === 'changed') latest.set(e.jobId, JOB_STATE_LABELS[e.state]);
    else if (e.type === 'progress') latest.set(e.jobId, `${JOB_STATE_LABELS.running} ${Math.round(e.progress * 100)}%`);
    else return;
    const counts = new Map<string, number>();
    for (const s of latest.values()) {
      const key = s.replace(/ \d+%$/, '');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    io.status?.([...counts].map(([s, n]) => `${n} ${s.toLowerCase()}`).join(' · '));
  };
}

/**
 * Runs the project's jobs until none is active. Refuses (naming the holder) when another process
 * runs this project. Ctrl-C stops gracefully: creates in flight are recorded before exiting.
 */
export async function runUntilIdle(engine: JobEngine, io: Io, whenHeld?: (heldBy: string) => Promise<void>): Promise<void> {
  const status = engine.start();
  if (!status.running) {
    await engine.stop();
    if (whenHeld) return whenHeld(status.heldBy ?? 'another process');
    throw new UserError(`This project's jobs are being run by ${status.heldBy}. Let it finish, or close the project there, then run shotline resume.`);
  }
  const onSigint = () => {
    io.err('\nStopping: waiting for requests already sent to be recorded…\n');
    void engine.stop();
  };
  process.once('SIGINT', onSigint);
  try {
    await engine.whenIdle();
  } finally {
    process.off('SIGINT', onSigint);
    await engine.stop();
    io.status?.('');
  }
}

export interface JobLine {
  id: string;
  shot: string;
  tool: string;
  state: JobState;
  remoteId: string | null;
  /** Absolute path of the take's media once ready. */
  output: string | null;
  error: string | null;
  /** Frozen when queued: what the take was expected to cost, frames made first included. */
  estimateUsd: number;
  /** What the provider charged, once known. */
  costUsd: number | null;
}

export function jobLines(project: Project, rows: JobRow[]): JobLine[] {
  const takes = project.takes;
  const labels = new Map(project.timeline.shots().map((s) => [s.id, s.label]));
  return rows.map((r) => {
    const take = r.state === 'ready' ? takes.byJob(r.id) : undefined;
    const attention = attentionOf(r)?.reason ?? null;
    return {
      id: r.id,
      shot: labels.get(r.shot_id) ?? r.shot_label,
      tool: r.tool,
      state: r.state,
      remoteId: r.remote_id,
      output: take ? path.join(project.folder, ...take.relPath.split('/')) : null,
      error: attention ?? r.error,
      estimateUsd: r.cost_estimate_usd,
      costUsd: r.cost_usd,
    };
  });
}

/** "2 ready, 1 failed" */
export function stateCounts(lines: Array<{ state: JobState }>): string {
  const counts = new Map<JobState, number>();
  for (const l of lines) counts.set(l.state, (counts.get(l.state) ?? 0) + 1);
  return [...counts].map(([s, n]) => `${n} ${JOB_STATE_LABELS[s].toLowerCase()}`).join(', ');
}

export function costText(n: number | null): string {
  return n === null ? '' : usd(n);
}
