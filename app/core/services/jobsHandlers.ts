// Generation behind the contract: the open project's job engine (started when a project opens,
// drained when it closes), the generate / cancel / retry / resolve channels, keys and
// generation settings. Engine events become contract events; the renderer never polls.
import path from 'node:path';
import { getModel, getProvider, modelsFor, takeKindOf } from '../../../shared/catalog';
import type { EventMap, EventName } from '../../../shared/contract';
import { DEFAULT_GENERATION_SETTINGS, type GenerateResult, type GenerationSettings, type SkippedShot } from '../../../shared/domain/jobs';
import type { ProviderId, Shot } from '../../../shared/domain/types';
import { jobView } from '../db/repos/jobsRepo';
import { UserError } from '../errors';
import { enqueueTakes, requestCancel, resolveAttention, retryJob, shotsNotGenerated, shotsWithoutFrames, toolForShot, type JobsCtx } from '../jobs/enqueue';
import { JobEngine, type EngineEvent } from '../jobs/engine';
import { costPlan } from '../jobs/plan';
import { checkFrameForTool, checkShotForTool } from '../jobs/request';
import { readSettings, SETTINGS_KEY } from '../jobs/settings';
import { createRunners } from '../jobs/runners';
import { systemClock } from '../jobs/timing';
import { baseUrlFor, envKeySource, type KeySource } from '../keys/keySource';
import { providerSettings } from '../keys/providerSettings';
import { ElevenLabsAdapter } from '../providers/elevenlabs/adapter';
import type { Project } from '../project/project';
import type { Handlers } from './types';

type JobChannels =
  | 'generate.takes'
  | 'generate.allDrafts'
  | 'frames.generate'
  | 'jobs.list'
  | 'jobs.events'
  | 'jobs.cancel'
  | 'jobs.retry'
  | 'jobs.resolve'
  | 'jobs.status'
  | 'cost.plan'
  | 'generation.takes'
  | 'settings.generation'
  | 'settings.setGeneration'
  | 'settings.keys'
  | 'settings.setKey'
  | 'settings.removeKey'
  | 'settings.checkKey'
  | 'settings.setBaseUrl';

export interface JobsServiceDeps {
  kind: 'electron' | 'devhost';
  userDataDir: string;
  keys?: KeySource;
  env?: Record<string, string | undefined>;
  confirm?: (message: string, detail: string) => Promise<boolean>;
  emit: <E extends EventName>(event: E, payload: EventMap[E]) => void;
}

export function jobsService(deps: JobsServiceDeps) {
  const env = deps.env ?? process.env;
  const keys = deps.keys ?? envKeySource(env);
  const saved = providerSettings(deps.userDataDir);
  const runners = createRunners({ keys, env, baseUrls: saved.baseUrls, stagingDir: path.join(deps.userDataDir, 'staging') });
  const label = deps.kind === 'electron' ? 'the Shotline app' : 'the Shotline devhost';
  let open: { project: Project; engine: JobEngine } | null = null;
  /** The engine being drained, so a reopened project waits for it before taking the lease. */
  let draining: Promise<void> = Promise.resolve();

  const forward = (e: EngineEvent) => {
    switch (e.type) {
      case 'changed':
        deps.emit('jobs.changed', { jobIds: [e.jobId], shotIds: [e.shotId], takes: e.state === 'ready' });
        // A frame circled by itself changed the shot's start keyframe (and the library's loose images).
        if (e.keyframe) deps.emit('project.changed', { tables: ['shots', 'shot_keyframes', 'library_images'] });
        return;
      case 'progress':
        return deps.emit('jobs.progress', { jobId: e.jobId, shotId: e.shotId, progress: e.progress });
      case 'batch':
        return deps.emit('jobs.batchFinished', e);
      default:
        return deps.emit('jobs.engine', e.status);
    }
  };

  function current() {
    if (!open) throw new UserError('No project is open. Create a new project or open one first.');
    return open;
  }

  function ctx(): JobsCtx {
    const { project } = current();
    return { db: project.db, folder: project.folder, repo: current().engine.repo, timeline: project.timeline, clock: systemClock };
  }

  /** After a user action: tell the renderer, and let the engine look at once. */
  function changed(jobIds: string[], shotIds: string[]) {
    deps.emit('jobs.changed', { jobIds, shotIds, takes: false });
    open?.engine.wake();
  }

  function customEndpoint(provider: ProviderId): boolean {
    return baseUrlFor(provider, env, saved.baseUrls()) !== getProvider(provider)?.defaultBaseUrl;
  }

  function keyStatus() {
    return keys.status().map((s) => ({ ...s, baseUrl: baseUrlFor(s.provider, env, saved.baseUrls()) }));
  }

  async function generate(shotIds: string[], takes: number | undefined, tool?: string) {
    const n = takes ?? readSettings(current().engine.repo).defaultTakes;
    // Say now, not as a failed job later, when a tool has no key or no adapter here.
    const tools = new Set(
      tool
        ? [tool]
        : shotIds
            .map((id) => current().project.timeline.shot(id))
            .filter((s) => !!s)
            .map((s) => toolForShot(s)),
    );
    for (const t of tools) runners.runner(t);
    const { batchId, jobIds } = await enqueueTakes(ctx(), { shotIds, takes: n, tool }, (done, total) => deps.emit('jobs.preparing', { done, total }));
    changed(jobIds, shotIds);
    return { batchId, jobIds, shots: shotIds.length, skipped: [] };
  }

  /** Why a batch leaves a shot out (no key, no adapter, a request its tool refuses), or null when it can run. */
  function whySkipped(shot: Shot, tool: string): SkippedShot | null {
    try {
      runners.runner(tool);
      const images = current().engine.repo.shotImages(shot.id);
      if (takeKindOf(tool) === 'frame') checkFrameForTool(shot, tool, images);
      else checkShotForTool(shot, tool, images);
      return null;
    } catch (err) {
      if (!(err instanceof UserError)) throw err;
      const provider = getModel(tool)?.provider ?? null;
      const fix = provider && getProvider(provider)?.keyEnv.length && !keys.get(provider) ? 'key' : 'tool';
      return { shotId: shot.id, label: shot.label, tool, provider, reason: err.message, fix };
    }
  }

  /** Queues every shot of `shots` that can run on its tool; the rest come back with the reason and the fix. */
  async function generateRunnable(shots: Shot[], toolOf: (shot: Shot) => string, takes: number | undefined, tool?: string): Promise<GenerateResult> {
    const skipped = shots.map((s) => whySkipped(s, toolOf(s))).filter((s) => s !== null);
    const runnable = shots.filter((s) => !skipped.some((k) => k.shotId === s.id));
    if (runnable.length === 0) return { batchId: null, jobIds: [], shots: 0, skipped };
    return {
      ...(await generate(
        runnable.map((s) => s.id),
        takes,
        tool,
      )),
      skipped,
    };
  }

  async function allDrafts(takes: number | undefined): Promise<GenerateResult> {
    const shots = shotsNotGenerated(ctx());
    if (shots.length === 0) throw new UserError('Every shot already has a take or one on its way. Select shots and use Generate to make more.');
    return generateRunnable(shots, toolForShot, takes);
  }

  /** Storyboard frames for the shots given, or for every shot without one. */
  async function frames(input: { shotIds?: string[]; missing?: true; takes?: number; tool?: string }): Promise<GenerateResult> {
    const tool = input.tool ?? readSettings(current().engine.repo).frameTool;
    if (input.shotIds) return generate(input.shotIds, input.takes, tool);
    const shots = shotsWithoutFrames(ctx());
    if (shots.length === 0) throw new UserError('Every shot already has a frame or one on its way. Select shots and use Redo frames to make more.');
    return generateRunnable(shots, () => tool, input.takes, tool);
  }

  const handlers: Pick<Handlers, JobChannels> = {
    'generate.takes': ({ shotIds, takes, tool }) => generate(shotIds, takes, tool),
    'generate.allDrafts': ({ takes }) => allDrafts(takes),
    'frames.generate': (input) => frames(input),
    'jobs.list': ({ shotId, limit }) => {
      const { engine, project } = current();
      const rows = shotId ? engine.repo.byShot(shotId).reverse() : engine.repo.recent(limit ?? 500);
      const takeIds = engine.takes.takeIdsByJob();
      const labels = new Map(project.timeline.shots().map((s) => [s.id, s.label]));
      return rows.map((r) => jobView(r, takeIds.get(r.id) ?? null, labels.get(r.shot_id)));
    },
    'jobs.events': ({ id }) =>
      current()
        .engine.repo.events(id)
        .map((e) => ({ at: e.at, from: e.from_state, to: e.to_state, message: e.message })),
    'jobs.cancel': ({ id }) => {
      const state = requestCancel(ctx(), id);
      changed([id], [current().engine.repo.get(id)!.shot_id]);
      return { state };
    },
    'jobs.retry': ({ id }) => {
      const row = retryJob(ctx(), id);
      changed([id], [row.shot_id]);
      return jobView(row, null);
    },
    'jobs.resolve': ({ id, choice }) => {
      const row = resolveAttention(ctx(), id, choice);
      changed([id], [row.shot_id]);
      return jobView(row, null);
    },
    'jobs.status': () => {
      const { engine, project } = current();
      const spent = engine.repo.spend();
      return {
        engine: engine.status(),
        spend: { ...spent, budgetUsd: project.timeline.project().budgetUsd },
        active: engine.repo.activeCount(),
      };
    },
    'cost.plan': () => costPlan(ctx()),
    'generation.takes': ({ shotId }) => {
      const { engine } = current();
      return shotId ? engine.takes.byShot(shotId) : engine.takes.all();
    },
    'settings.generation': () => (open ? readSettings(open.engine.repo) : DEFAULT_GENERATION_SETTINGS),
    'settings.setGeneration': (patch) => {
      const { engine } = current();
      if (patch.frameTool && takeKindOf(patch.frameTool) !== 'frame')
        throw new UserError(`${getModel(patch.frameTool)?.name ?? patch.frameTool} makes video, not still frames. Pick an image model for frames.`);
      const next: GenerationSettings = { ...readSettings(engine.repo), ...patch };
      engine.repo.setting.set(SETTINGS_KEY, next);
      engine.wake();
      return next;
    },
    'settings.keys': () => keyStatus(),
    'settings.setKey': async ({ provider, values }) => {
      await keys.set(provider, values);
      open?.engine.wake();
      return keyStatus();
    },
    'settings.removeKey': async ({ provider }) => {
      await keys.remove(provider);
      return keyStatus();
    },
    'settings.checkKey': async ({ provider }) => {
      const name = getProvider(provider)?.name ?? provider;
      // ElevenLabs speaks lines and makes effects, not clips: its own adapter checks its key.
      if (provider === 'elevenlabs') {
        const values = keys.get(provider);
        if (!values) throw new UserError(`No ${name} key is set. Add it in Settings (or set ELEVENLABS_API_KEY for the CLI).`);
        return new ElevenLabsAdapter({ baseUrl: baseUrlFor(provider, env, saved.baseUrls()), keys: values }).checkKey();
      }
      const model = runnerToolFor(provider);
      if (!model) throw new UserError(`${name} needs no key.`);
      const runner = runners.runner(model);
      if (runner.kind !== 'remote') throw new UserError(`${name} needs no key.`);
      return runner.adapter.checkKey();
    },
    'settings.setBaseUrl': async ({ provider, baseUrl }) => {
      const url = baseUrl?.trim() || null;
      // The key goes wherever this points. A page that was made to call this (a script injected
      // into the renderer) must not be able to send it elsewhere: the user confirms, outside the page.
      if (url && deps.confirm) {
        const name = getProvider(provider)?.name ?? provider;
        const yes = await deps.confirm(
          `Send your ${name} key to ${url}?`,
          `Shotline will send ${name} requests, with your key, to this address instead of ${name}'s own. Only do this for a proxy or test server you trust.`,
        );
        if (!yes) throw new UserError(`Kept ${name}'s address as it was; your key was not sent anywhere new.`);
      }
      saved.setBaseUrl(provider, url);
      return keyStatus();
    },
  };

  return {
    handlers,
    /** For services that queue audio jobs: the open project's jobs context, the nudge after queuing, and whether a key is set. */
    queue: { ctx, changed, hasKey: (provider: ProviderId) => !!keys.get(provider) },
    /** Starts the project's engine (after the previous project's has drained). */
    attach(project: Project) {
      const engine = new JobEngine({ db: project.db, folder: project.folder, runners, label, emit: forward, customEndpoint });
      open = { project, engine };
      void draining.then(() => {
        if (open?.engine === engine) engine.start();
      });
    },
    /** Stops the engine: renders and polls are interrupted (they resume next time), creates in flight are awaited. */
    detach(): Promise<void> {
      const closing = open;
      open = null;
      if (closing) draining = closing.engine.stop();
      return draining;
    },
  };
}

/** Any model of the provider, to reach its adapter for a key check. */
function runnerToolFor(provider: ProviderId): string | null {
  const spec = getProvider(provider);
  if (!spec || spec.keyEnv.length === 0) return null;
  return modelsFor(provider)[0]?.tool ?? null;
}
