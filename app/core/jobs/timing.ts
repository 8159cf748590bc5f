// How long the engine waits: between polls (the provider's documented floor, then slower, with
// jitter so a hundred jobs do not poll in step; put off towards a task's likely end when its
// progress tells it), and before retrying after an error
// (Retry-After when the provider gives one, else exponential backoff with jitter). Pure.
import os from 'node:os';
import type { ToolId } from '../../../shared/domain/types';

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export interface PollTiming {
  /** The provider's documented minimum, in seconds (Runway: 5). */
  minPollS: number;
  /** The poll-interval setting, in seconds; null = the provider's own cadence. */
  overrideS: number | null;
  /** True when the URL is not the provider's public API (a fake or a proxy): the floor is ours to drop. */
  customEndpoint: boolean;
  /** Polls of this task so far. */
  polls: number;
  maxS: number;
  /** Seconds the task likely has left (`remainingS`), or null when its progress says nothing. */
  remainingS?: number | null;
}

/**
 * Where a poll is put off to: just past the task's likely end. A poll before the end finds nothing
 * and the next one comes a whole cadence later (5 s or more at Runway), so aiming short costs a
 * request and is seen later than aiming a twentieth past.
 */
const AIM = 1.05;

/** Milliseconds until the next poll. */
export function pollDelayMs(t: PollTiming, random: () => number = Math.random): number {
  const cadenceMs = cadenceDelayMs(t, random);
  // A poll that cannot find the task done is a request for nothing (and counts against rate limits):
  // wait until just past its likely end, never sooner than the cadence, never longer than its longest wait.
  if (t.remainingS === null || t.remainingS === undefined) return cadenceMs;
  return Math.round(Math.max(cadenceMs, Math.min(t.maxS, AIM * t.remainingS) * 1000));
}

function cadenceDelayMs(t: PollTiming, random: () => number): number {
  const floorS = t.customEndpoint ? 0 : t.minPollS;
  if (t.overrideS !== null) return Math.max(t.overrideS, floorS) * 1000;
  const baseS = Math.max(t.minPollS, 2);
  const grownS = Math.min(t.maxS, baseS * 1.25 ** Math.max(0, t.polls - 1));
  // Up to 25 % later, never earlier: the floor is a floor.
  return Math.round(Math.max(grownS * (1 + 0.25 * random()), floorS) * 1000);
}

/** A running task's progress (0–1) as read at `at` (ms). */
export interface ProgressReading {
  at: number;
  progress: number;
}

/** Progress per second between two readings; null when they show none (or it went back). */
export function progressRate(prev: ProgressReading, cur: ProgressReading): number | null {
  if (cur.at <= prev.at || cur.progress <= prev.progress) return null;
  return (cur.progress - prev.progress) / ((cur.at - prev.at) / 1000);
}

/**
 * Seconds a task likely has left: at the rate between its last two progress readings; at its first
 * reading, at `likeRate`, the rate last seen in a task like it (one reading alone cannot tell when
 * the task began: it may have waited in the provider's queue). Null when nothing can be said: no
 * rate to go by, or readings that show no progress.
 */
export function remainingS(prev: ProgressReading | null, cur: ProgressReading, likeRate: number | null = null): number | null {
  const perS = prev ? progressRate(prev, cur) : likeRate;
  return perS ? Math.max(0, 1 - cur.progress) / perS : null;
}

export interface RetryTiming {
  /** 1 for the first retry. */
  attempt: number;
  /** What the provider asked for (429 Retry-After), in seconds. */
  retryAfterS?: number;
  baseS: number;
  maxS: number;
}

/** Milliseconds until the next attempt after an error. */
export function retryDelayMs(t: RetryTiming, random: () => number = Math.random): number {
  if (t.retryAfterS !== undefined && t.retryAfterS >= 0) {
    // Honour the ask exactly, plus a little spread so waiting jobs do not all return at once.
    return Math.round(t.retryAfterS * 1000 * (1 + 0.1 * random()));
  }
  const s = Math.min(t.maxS, t.baseS * 2 ** Math.max(0, t.attempt - 1));
  // Runway's docs: exponential backoff with up to 50 % random delay added.
  return Math.round(s * 1000 * (1 + 0.5 * random()));
}

/** The engine's limits and rhythms; tests and benchmarks override some. */
export interface EngineTuning {
  maxTransientRetries: number;
  maxRateLimitRetries: number;
  retryBaseS: number;
  retryMaxS: number;
  pollMaxS: number;
  /** Override every model's cap (benchmarks), or some. */
  concurrency: number | Partial<Record<ToolId, number>> | null;
  /** Consecutive transport errors after which a provider counts as down. */
  providerDownAfter: number;
  providerCooldownS: number;
  heartbeatMs: number;
  staleMs: number;
  leaseRetryMs: number;
  /** Longest sleep: how soon jobs queued by another process (the CLI) are noticed. */
  rescanMs: number;
  progressEmitMs: number;
  /** Takes checked and stored at once (each runs ffprobe and ffmpeg). */
  checkConcurrency: number;
  /** Least time between two passes over the db, so a burst of finished steps makes one pass. */
  passGapMs: number;
}

export const DEFAULT_TUNING: EngineTuning = {
  maxTransientRetries: 8,
  maxRateLimitRetries: 30,
  retryBaseS: 2,
  retryMaxS: 120,
  pollMaxS: 20,
  concurrency: null,
  providerDownAfter: 3,
  providerCooldownS: 60,
  heartbeatMs: 5_000,
  staleMs: 30_000,
  leaseRetryMs: 5_000,
  rescanMs: 1_000,
  progressEmitMs: 250,
  checkConcurrency: Math.max(4, os.availableParallelism()),
  passGapMs: 15,
};
