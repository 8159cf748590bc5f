// Jobs, generation settings and keys as react-query data. The core pushes every change
// (`jobs.changed`, `jobs.progress`, `jobs.batchFinished`, `jobs.engine`, handled in coreEvents.ts);
// nothing here polls.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { plural } from '../../../../shared/domain/words';
import type { ChannelInput, ChannelOutput, EventMap } from '../../../../shared/contract';
import { isJobActive, type CostPlan, type JobView, type ShotPlan } from '../../../../shared/domain/jobs';
import { call, errorMessage } from '../../api/client';
import { readQuery } from '../../api/queries';
import { useJobProgressStore } from '../../stores/jobProgress';
import { useUi } from '../../stores/ui';
import { useQueueUi } from './store';

export const jobKeys = {
  all: ['jobs'] as const,
  list: ['jobs', 'list'] as const,
  status: ['jobs', 'status'] as const,
  /** Under 'jobs' so every job command refreshes it too. */
  plan: ['jobs', 'plan'] as const,
  generation: ['settings', 'generation'] as const,
  keys: ['settings', 'keys'] as const,
};

const jobsQuery = readQuery(jobKeys.list, 'jobs.list', { limit: 500 });
const jobStatusQuery = readQuery(jobKeys.status, 'jobs.status', {});
const costPlanQuery = readQuery(jobKeys.plan, 'cost.plan', {});
const generationSettingsQuery = readQuery(jobKeys.generation, 'settings.generation', {});

export function useJobs() {
  return useQuery(jobsQuery);
}

export function useJobStatus() {
  return useQuery(jobStatusQuery);
}

/** What the buttons will spend (see app/core/jobs/plan.ts); refreshed after every edit and job change. */
export function useCostPlan() {
  return useQuery(costPlanQuery);
}

/** One shot's part of the plan with the takes setting, once it has loaded. */
export function useShotPlan(shotId: string): { shot: ShotPlan; takes: number } | undefined {
  return shotPlanOf(useCostPlan().data, shotId);
}

/** One shot's part of `plan` with the takes setting; undefined until the plan has loaded. */
export function shotPlanOf(plan: CostPlan | undefined, shotId: string): { shot: ShotPlan; takes: number } | undefined {
  const shot = plan?.shots[shotId];
  return plan && shot ? { shot, takes: plan.takes } : undefined;
}

/** jobId → 0–1, fed by `jobs.progress` events only. */
export function useJobProgress(): Record<string, number> {
  return useJobProgressStore((s) => s.byJob);
}

export function useGenerationSettings() {
  return useQuery(generationSettingsQuery);
}

export function useKeyStatus() {
  return useQuery({ queryKey: jobKeys.keys, queryFn: () => call('settings.keys', {}) });
}

/** What a shot's card shows while its jobs run: how many, and how far the furthest one is. */
export interface ShotJobs {
  active: number;
  queued: number;
  progress: number | null;
  attention: number;
}

let lastShotJobs: { jobs: JobView[] | undefined; progress: Record<string, number>; map: Map<string, ShotJobs> } | null = null;

/** Per shot, from the one job list: computed once per change however many cards ask. */
export function shotJobsOf(jobs: JobView[] | undefined, progress: Record<string, number>): Map<string, ShotJobs> {
  if (lastShotJobs && lastShotJobs.jobs === jobs && lastShotJobs.progress === progress) return lastShotJobs.map;
  const map = new Map<string, ShotJobs>();
  for (const j of jobs ?? []) {
    const live = isJobActive(j.state);
    if (!live && j.state !== 'needs_attention') continue;
    const s = map.get(j.shotId) ?? { active: 0, queued: 0, progress: null, attention: 0 };
    if (j.state === 'needs_attention') s.attention += 1;
    else if (j.state === 'queued') s.queued += 1;
    else s.active += 1;
    const p = progress[j.id] ?? j.progress;
    if (live && j.state !== 'queued' && p !== null && p !== undefined) s.progress = Math.max(s.progress ?? 0, p);
    map.set(j.shotId, s);
  }
  lastShotJobs = { jobs, progress, map };
  return map;
}

export function useShotJobs(shotId: string): ShotJobs | undefined {
  return shotJobsOf(useJobs().data, useJobProgress()).get(shotId);
}

/** What a batch of each kind makes, and what its toast is titled. */
const BATCH_WORDS: Record<EventMap['jobs.batchFinished']['kind'], { one: string; title: string }> = {
  video: { one: 'take', title: 'Generation' },
  frame: { one: 'frame', title: 'Frames' },
  line: { one: 'line', title: 'Dialogue' },
  sfx: { one: 'effect', title: 'Effects' },
};

/** Says, in a toast and (in the background) a system notification, how a Generate click ended. */
export function announceBatch({ kind, ready, failed, attention, canceled }: EventMap['jobs.batchFinished']): void {
  const words = BATCH_WORDS[kind];
  const parts = [
    ready && `${plural(ready, words.one)} ready`,
    failed && `${failed} failed`,
    attention && `${attention} need${attention === 1 ? 's' : ''} you`,
    canceled && `${canceled} canceled`,
  ];
  const text = `${words.title} finished: ${parts.filter(Boolean).join(', ') || 'nothing to do'}.`;
  useUi.getState().notify(failed || attention ? 'error' : 'info', text);
  notifyOs(text);
}

/** A system notification as well, when the window is in the background and the user allowed it. */
function notifyOs(text: string) {
  if (typeof Notification === 'undefined' || !document.hidden || Notification.permission !== 'granted') return;
  new Notification('Shotline', { body: text });
}

type JobChannel =
  | 'generate.takes'
  | 'generate.allDrafts'
  | 'frames.generate'
  | 'sound.generateLines'
  | 'sfx.generate'
  | 'jobs.cancel'
  | 'jobs.retry'
  | 'jobs.resolve'
  | 'settings.setGeneration';

/** A job command; a refusal (over budget, no key…) becomes a toast that says what to do. */
export function useJobAction<C extends JobChannel>(channel: C, onDone?: (value: ChannelOutput<C>) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ChannelInput<C>) => call(channel, input),
    onSuccess: (value) => onDone?.(value),
    onError: (err) => useUi.getState().notify('error', errorMessage(err)),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: jobKeys.all });
      if (channel === 'settings.setGeneration') void qc.invalidateQueries({ queryKey: jobKeys.generation });
    },
  });
}

/** "Generate N takes" for some shots, with a toast for what was queued. */
export function useGenerate() {
  return useJobAction('generate.takes', (r) => useUi.getState().notify('info', `Queued ${plural(r.jobIds.length, 'take')} of ${plural(r.shots, 'shot')}.`));
}

export function useGenerateAllDrafts() {
  return useJobAction('generate.allDrafts', (r) => {
    if (r.shots > 0) useUi.getState().notify('info', `Queued ${plural(r.jobIds.length, 'draft take')} for ${plural(r.shots, 'shot')} with none yet.`);
    if (r.skipped.length > 0) useQueueUi.getState().setSkipped(r.skipped, r.shots);
  });
}

export function jobElapsedS(j: JobView, now: number): number | null {
  if (!j.startedAt) return null;
  return Math.max(0, ((j.finishedAt ?? now) - j.startedAt) / 1000);
}
