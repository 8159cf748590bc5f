// Job states and the moves between them. Every transition is written to the db (and to
// job_events) before the side effect it allows, so a crash anywhere leaves a state that says
// exactly what may or may not have happened at the provider.
import type { JobState } from '../../../shared/domain/jobs';

export type { JobState };
/** States that hold a slot of the provider's concurrency (a task exists or is being created). */
export const SLOT_STATES: readonly JobState[] = ['submitting', 'submitted', 'running'];

/** Allowed moves (a state to itself updates fields only); anything else is a bug. */
export const TRANSITIONS: Record<JobState, readonly JobState[]> = {
  // queued → running is the local renderer's path: no remote task, nothing to submit.
  queued: ['queued', 'submitting', 'running', 'failed', 'canceled', 'needs_attention'],
  // submitting → queued only when the provider proved no task exists (429, or a lookup by external id).
  // submitting → checking: a one-call provider (ElevenLabs speech) answered with the file itself.
  submitting: ['submitting', 'submitted', 'checking', 'queued', 'failed', 'canceled', 'needs_attention'],
  // submitted/running → queued: step one of a two-step job is done and step two is to be sent.
  submitted: ['submitted', 'running', 'downloading', 'queued', 'failed', 'canceled', 'needs_attention'],
  running: ['running', 'downloading', 'checking', 'queued', 'failed', 'canceled', 'needs_attention'],
  downloading: ['downloading', 'checking', 'failed', 'canceled', 'needs_attention'],
  // checking → queued/downloading: the file was gone or bad, so it is made or fetched again.
  checking: ['ready', 'downloading', 'queued', 'failed', 'canceled', 'needs_attention'],
  ready: [],
  failed: ['queued'],
  canceled: ['queued'],
  needs_attention: ['queued', 'submitted', 'failed', 'canceled'],
};

export function canMove(from: JobState, to: JobState): boolean {
  return TRANSITIONS[from].includes(to);
}
