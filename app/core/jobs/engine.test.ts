import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JobState } from '../../../shared/domain/jobs';
import { PEAKS_PER_SECOND } from '../../../shared/domain/sound';
import { attentionOf } from '../db/repos/jobsRepo';
import type { Project } from '../project/project';
import { makeClip } from '../media/clips.testkit';
import { ProviderError } from '../providers/types';
import { keptWaveformPath } from '../sound/waveform';
import { useTmpDir } from '../testing/tmp.testkit';
import { SETTINGS_KEY } from './settings';
import { enqueueTakes, jobsCtx, requestCancel, resolveAttention, retryJob, switchTool } from './enqueue';
import { drive, fixtureClip, makeProject, ManualClock, ScriptedProvider, shot, TEST_KEY, testEngine } from './jobs.testkit';

const tmp = useTmpDir();

let project: Project;
let clock: ManualClock;
let provider: ScriptedProvider;
let clip: string;

beforeEach(async () => {
  clip = await fixtureClip();
  project = makeProject(tmp());
  clock = new ManualClock();
  provider = new ScriptedProvider(clock, clip);
});
afterEach(() => project.close());

const ctx = () => jobsCtx(project, clock);
const job = (id: string) => project.jobs.get(id)!;
const states = (id: string) => project.jobs.events(id).map((e) => e.to_state);

async function run(opts: Parameters<typeof testEngine>[1] = { clock }) {
  const engine = testEngine(project, { provider, ...opts, clock });
  expect(engine.start({ loop: false }).running).toBe(true);
  await drive(engine, clock);
  await engine.stop();
  return engine;
}

describe('job engine: the path of a take', () => {
  it('walks every state, logs each with a redacted reply, and writes the take with the ready', async () => {
    const s = shot(project);
    const { jobIds } = await enqueueTakes(ctx(), { shotIds: [s.id], takes: 1 });
    const seen: string[] = [];
    await run({ clock, onTransition: (_j, from, to) => from !== to && seen.push(to) });
    const id = jobIds[0]!;
    expect(seen).toEqual(['submitting', 'submitted', 'running', 'downloading', 'checking', 'ready']);
    expect(states(id)).toEqual(['queued', 'submitting', 'submitted', 'running', 'downloading', 'checking', 'ready']);
    const events = JSON.stringify(project.jobs.events(id));
    expect(events).not.toContain(TEST_KEY);
    expect(events).not.toMatch(/A{300}/);
    expect(events).not.toContain('sig=abc');

    const take = project.takes.byJob(id)!;
    expect(take).toMatchObject({ shotId: s.id, number: 1, provider: 'runway', model: 'gen4.5', tool: 'runway:gen4.5', costUsd: 0.6, width: 320, height: 180 });
    expect(take.prompt).toContain('Mara steps in out of the rain');
    expect(take.seed).toBe(job(id).seed);
    expect(fs.existsSync(path.join(project.folder, take.relPath))).toBe(true);
    expect(take.thumbRelPath).toMatch(/^media\/.+\.jpg$/);
    // The provider reported no charge: the job keeps none, the take is priced at the estimate.
    expect(job(id)).toMatchObject({ state: 'ready', cost_usd: null, cost_estimate_usd: 0.6, remote_id: 'task-1' });
    expect(provider.submits).toHaveLength(1);
    expect(fs.readdirSync(path.join(project.folder, 'media', '.tmp'))).toEqual([]);
  });

  it('keeps the waveform of a take with sound as it lands, and makes none for a silent one', async () => {
    const withSound = await makeClip(path.join(tmp(), 'with-sound.mp4'), { audio: true });
    const silent = shot(project);
    const heard = shot(project);
    await enqueueTakes(ctx(), { shotIds: [silent.id], takes: 1 });
    await run();
    provider = new ScriptedProvider(clock, withSound);
    await enqueueTakes(ctx(), { shotIds: [heard.id], takes: 1 });
    await run();
    const kept = (s: { id: string }) => keptWaveformPath(project.folder, project.takes.byShot(s.id)[0]!.relPath, PEAKS_PER_SECOND);
    expect(fs.existsSync(kept(silent))).toBe(false);
    const wave = JSON.parse(fs.readFileSync(kept(heard), 'utf8')) as { waveform: { peaks: number[]; durationS: number } };
    expect(wave.waveform.durationS).toBeCloseTo(1, 1);
    expect(Math.max(...wave.waveform.peaks)).toBeGreaterThan(0.1);
  });

  it('makes N takes with distinct seeds, numbered per shot, within the concurrency cap', async () => {
    const a = shot(project);
    const b = shot(project);
    await enqueueTakes(ctx(), { shotIds: [a.id, b.id], takes: 3 });
    await run({ clock, tuning: { concurrency: 2 } });
    const seeds = provider.submits.map((x) => x.req.seed);
    expect(new Set(seeds).size).toBe(6);
    expect(provider.maxConcurrent).toBeLessThanOrEqual(2);
    expect(project.takes.byShot(a.id).map((t) => t.number)).toEqual([1, 2, 3]);
    expect(project.takes.byShot(b.id)).toHaveLength(3);
  });

  it('polls no more often than the provider allows, unless the poll interval is overridden for a fake', async () => {
    await enqueueTakes(ctx(), { shotIds: [shot(project).id], takes: 1 });
    await run();
    const gaps = provider.pollsAt.slice(1).map((p, i) => p.at - provider.pollsAt[i]!.at);
    expect(gaps.length).toBeGreaterThan(1);
    for (const g of gaps) expect(g).toBeGreaterThanOrEqual(5000);

    const fast = new ScriptedProvider(clock, clip);
    provider = fast;
    await enqueueTakes(ctx(), { shotIds: [shot(project).id], takes: 1 });
    await run({ clock, pollIntervalS: 0.25, customEndpoint: () => true });
    expect(fast.pollsAt.slice(1).map((p, i) => p.at - fast.pollsAt[i]!.at)).toEqual([250, 250]);
  });

  it('spaces polls from one request to the next: a slow answer does not lengthen every wait', async () => {
    provider.pollLatencyMs = 100;
    await enqueueTakes(ctx(), { shotIds: [shot(project).id], takes: 1 });
    await run({ clock, pollIntervalS: 0.25, customEndpoint: () => true });
    expect(provider.pollsAt.slice(1).map((p, i) => p.at - provider.pollsAt[i]!.at)).toEqual([250, 250]);
  });

  it('puts a poll off towards the end its progress foretells, and keeps the cadence when progress stalls', async () => {
    const running = (progress: number) => ({ state: 'running' as const, progress });
    const done = { state: 'succeeded' as const, outputUrl: 'https://fake.test/out.mp4?sig=abc', costUsd: null };
    provider.taskScript = () => [running(0.1), running(0.2), running(0.9), done];
    await enqueueTakes(ctx(), { shotIds: [shot(project).id], takes: 1 });
    await run({ clock, pollIntervalS: 0.25, customEndpoint: () => true });
    // 0.1 → 0.2 in 250 ms says 2 s are left: the next poll comes just past that, not 250 ms later;
    // 0.2 → 0.9 in 2.1 s says 0.3 s, so the last one comes 315 ms on.
    expect(provider.pollsAt.slice(1).map((p, i) => p.at - provider.pollsAt[i]!.at)).toEqual([250, 2100, 315]);

    const stalled = new ScriptedProvider(clock, clip);
    stalled.taskScript = () => [running(0.3), running(0.3), running(0.3), done];
    provider = stalled;
    await enqueueTakes(ctx(), { shotIds: [shot(project).id], takes: 1 });
    await run({ clock, pollIntervalS: 0.25, customEndpoint: () => true });
    expect(stalled.pollsAt.slice(1).map((p, i) => p.at - stalled.pollsAt[i]!.at)).toEqual([250, 250, 250]);
  });

  it("aims a task's second poll from its first reading at the pace a like task ran", async () => {
    const running = (progress: number) => ({ state: 'running' as const, progress });
    const done = { state: 'succeeded' as const, outputUrl: 'https://fake.test/out.mp4?sig=abc', costUsd: null };
    const scripts = [
      [running(0.1), running(0.2), done],
      [running(0.1), done],
      [running(0.1), running(0.2), done],
    ];
    provider.taskScript = () => scripts.shift()!;
    const five = shot(project, { durationS: 5 });
    const other = shot(project, { durationS: 8 });
    // One engine throughout, each task queued once the one before is done.
    const engine = testEngine(project, { provider, clock, pollIntervalS: 0.25, customEndpoint: () => true });
    engine.start({ loop: false });
    for (const s of [five, five, other]) {
      await enqueueTakes(ctx(), { shotIds: [s.id], takes: 1 });
      await drive(engine, clock);
    }
    await engine.stop();
    const gaps = (remoteId: string) => {
      const at = provider.pollsAt.filter((p) => p.remoteId === remoteId).map((p) => p.at);
      return at.slice(1).map((t, i) => t - at[i]!);
    };
    const tasks = [...new Set(provider.pollsAt.map((p) => p.remoteId))];
    expect(tasks).toHaveLength(3);
    // The first reads twice: 0.1 → 0.2 in 250 ms is 0.4 a second, so 2 s left, polled 2.1 s on.
    expect(gaps(tasks[0]!)).toEqual([250, 2100]);
    // The second, the same model making the same length, goes by that pace from its first reading:
    // 0.9 left at 0.4 a second is 2.25 s, polled 2363 ms on, where it is done.
    expect(gaps(tasks[1]!)).toEqual([2363]);
    // An 8 s shot is not like them: it reads twice again.
    expect(gaps(tasks[2]!)).toEqual([250, 2100]);
  });

  it('renders local animatic takes through the same engine', async () => {
    const s = shot(project, { tool: 'local:animatic', durationS: 1, label: '9Z' });
    const { jobIds } = await enqueueTakes(ctx(), { shotIds: [s.id], takes: 2 });
    await run();
    expect(jobIds.map((id) => job(id).state)).toEqual(['ready', 'ready']);
    expect(states(jobIds[0]!)).toEqual(['queued', 'running', 'checking', 'ready']);
    const takes = project.takes.byShot(s.id);
    // At the timeline's size (1080p), so the Resolve export copies them.
    expect(takes.map((t) => [t.number, t.costUsd, t.width, t.height, t.fps])).toEqual([
      [1, 0, 1920, 1080, 24],
      [2, 0, 1920, 1080, 24],
    ]);
  });
});

describe('job engine: errors', () => {
  it('retries transient poll errors within the budget, then asks; check again carries on', async () => {
    const { jobIds } = await enqueueTakes(ctx(), { shotIds: [shot(project).id], takes: 1 });
    provider.pollErrors = Array.from({ length: 3 }, () => new ProviderError('transient', 'Runway answered 503.'));
    await run({ clock, tuning: { maxTransientRetries: 2 } });
    const id = jobIds[0]!;
    expect(job(id).state).toBe('needs_attention');
    const attention = attentionOf(job(id))!;
    expect(attention.choices.map((c) => c.choice)).toEqual(['check_again', 'mark_failed']);
    expect(attention.reason).toMatch(/Runway has the task/);
    resolveAttention(ctx(), id, 'check_again');
    await run();
    expect(job(id).state).toBe('ready');
    expect(provider.submits).toHaveLength(1);
  });

  it('honours Retry-After on a 429 at create, which made no task, and sends again', async () => {
    const { jobIds } = await enqueueTakes(ctx(), { shotIds: [shot(project).id], takes: 1 });
    provider.submitErrors = [new ProviderError('rate_limited', 'Too many requests.', { status: 429, retryAfterS: 30 })];
    await run();
    expect(provider.submits).toHaveLength(2);
    expect(provider.submits[1]!.at - provider.submits[0]!.at).toBeGreaterThanOrEqual(30_000);
    expect(job(jobIds[0]!).state).toBe('ready');
  });

  it("fails at once, in the provider's words, on a permanent error or a failed task", async () => {
    const a = (await enqueueTakes(ctx(), { shotIds: [shot(project).id], takes: 1 })).jobIds[0]!;
    provider.submitErrors = [new ProviderError('permanent', 'promptText must be 1000 characters or fewer.', { status: 400 })];
    await run();
    expect(job(a)).toMatchObject({ state: 'failed', error: 'promptText must be 1000 characters or fewer.' });

    provider.taskScript = () => [{ state: 'failed', reason: 'Input failed moderation.', code: 'SAFETY.INPUT.TEXT', retryable: false }];
    const b = (await enqueueTakes(ctx(), { shotIds: [shot(project).id], takes: 1 })).jobIds[0]!;
    await run();
    expect(job(b)).toMatchObject({ state: 'failed', error: 'Runway: Input failed moderation.' });
    expect(provider.submits).toHaveLength(2);
  });

  it('never resubmits a create that timed out without proof: it asks, and sends again only when told', async () => {
    const id = (await enqueueTakes(ctx(), { shotIds: [shot(project).id], takes: 1 })).jobIds[0]!;
    provider.createThenFail = [new ProviderError('transient', 'Runway answered 502 Bad Gateway.', { status: 502 })];
    await run();
    expect(job(id).state).toBe('needs_attention');
    expect(provider.submits).toHaveLength(1);
    const attention = attentionOf(job(id))!;
    expect(attention.choices.map((c) => c.choice)).toEqual(['mark_failed', 'submit_again']);
    expect(attention.choices[1]!.detail).toMatch(/you pay twice/);
    await run();
    expect(provider.submits).toHaveLength(1);
    const before = job(id).external_id;
    resolveAttention(ctx(), id, 'submit_again');
    expect(job(id).external_id).not.toBe(before);
    await run();
    expect(job(id).state).toBe('ready');
    expect(provider.submits).toHaveLength(2);
  });

  it('looks a lost create up by its external id where the API has one', async () => {
    provider = new ScriptedProvider(clock, clip, { lookup: true });
    provider.createThenFail = [new ProviderError('transient', 'timed out')];
    const made = (await enqueueTakes(ctx(), { shotIds: [shot(project).id], takes: 1 })).jobIds[0]!;
    await run();
    expect(job(made)).toMatchObject({ state: 'ready', remote_id: 'task-1' });
    expect(provider.submits).toHaveLength(1);

    provider.submitErrors = [new ProviderError('transient', 'connection reset')];
    const notMade = (await enqueueTakes(ctx(), { shotIds: [shot(project).id], takes: 1 })).jobIds[0]!;
    await run();
    expect(job(notMade).state).toBe('ready');
    expect(provider.submits).toHaveLength(3);
    expect(states(notMade)).toContain('queued');
  });

  it('treats a job found in submitting after a crash as possibly billed', async () => {
    const id = (await enqueueTakes(ctx(), { shotIds: [shot(project).id], takes: 1 })).jobIds[0]!;
    project.jobs.move(id, 'queued', 'submitting', { now: clock.now() });
    await run();
    expect(job(id).state).toBe('needs_attention');
    expect(job(id).error).toBe('Shotline stopped while sending it');
    expect(provider.submits).toHaveLength(0);
  });

  it('runs a two-step job (start frame, then video), and never resends step two blindly', async () => {
    const twoStep = () => {
      let n = 0;
      const plain = provider.taskScript;
      provider.taskScript = () =>
        n++ % 2 === 0
          ? [
              { state: 'queued', progress: null },
              { state: 'step_done', outputUrl: 'https://fake.test/frame.png', costUsd: null },
            ]
          : plain();
    };
    twoStep();
    const ok = (await enqueueTakes(ctx(), { shotIds: [shot(project).id], takes: 1 })).jobIds[0]!;
    await run();
    expect(job(ok)).toMatchObject({ state: 'ready', step: 2, step_remote_id: 'task-1', remote_id: 'task-2' });
    expect(states(ok)).toEqual(['queued', 'submitting', 'submitted', 'queued', 'submitting', 'submitted', 'running', 'downloading', 'checking', 'ready']);

    // Step two's create gets a 502: the video task may exist, so the user decides.
    provider.createThenFail = [];
    const lost = (await enqueueTakes(ctx(), { shotIds: [shot(project).id], takes: 1 })).jobIds[0]!;
    const realSubmit = provider.submitNext.bind(provider);
    provider.submitNext = async (remoteId, req) => {
      provider.createThenFail = [new ProviderError('transient', 'Runway answered 502.', { status: 502 })];
      return realSubmit(remoteId, req);
    };
    await run();
    expect(job(lost)).toMatchObject({ state: 'needs_attention', step: 2 });
    expect(provider.submits).toHaveLength(4);
  });

  it("records what the provider charged for both steps as the job's and the take's cost, beside the estimate", async () => {
    let n = 0;
    provider.taskScript = () =>
      n++ % 2 === 0
        ? [{ state: 'step_done', outputUrl: 'https://fake.test/frame.png', costUsd: 0.05 }]
        : [{ state: 'succeeded', outputUrl: 'https://fake.test/out.mp4?sig=abc', costUsd: 0.2 }];
    const id = (await enqueueTakes(ctx(), { shotIds: [shot(project).id], takes: 1 })).jobIds[0]!;
    await run();
    expect(job(id)).toMatchObject({ state: 'ready', cost_usd: 0.25 });
    expect(project.takes.byJob(id)).toMatchObject({ costUsd: 0.25, chargedUsd: 0.25, estimateUsd: job(id).cost_estimate_usd });
    expect(project.jobs.spend()).toMatchObject({ chargedUsd: 0.25, chargedEstimateUsd: job(id).cost_estimate_usd });

    // A provider that reports nothing leaves the estimate, marked as such.
    provider.taskScript = () => [{ state: 'succeeded', outputUrl: 'https://fake.test/out.mp4?sig=abc', costUsd: null }];
    const other = (await enqueueTakes(ctx(), { shotIds: [shot(project).id], takes: 1 })).jobIds[0]!;
    await run();
    expect(project.takes.byJob(other)).toMatchObject({ chargedUsd: null, costUsd: job(other).cost_estimate_usd });
  });

  it('asks the user when a key is refused while following a task', async () => {
    const id = (await enqueueTakes(ctx(), { shotIds: [shot(project).id], takes: 1 })).jobIds[0]!;
    provider.pollErrors = [new ProviderError('auth', 'Runway rejected the API key.', { status: 401 })];
    await run();
    expect(job(id).state).toBe('needs_attention');
    expect(attentionOf(job(id))!.reason).toMatch(/Fix the key in Settings/);
  });

  it('renews an expired download link by polling again', async () => {
    const id = (await enqueueTakes(ctx(), { shotIds: [shot(project).id], takes: 1 })).jobIds[0]!;
    provider.downloadErrors = [new ProviderError('transient', 'The link has expired.', { code: 'url_expired', status: 403 })];
    await run();
    expect(job(id).state).toBe('ready');
    expect(provider.pollsAt.length).toBe(4);
  });
});

describe("job engine: the user's controls", () => {
  it('refuses a batch past the budget, with the figures', async () => {
    project.timeline.updateProject({ ...project.timeline.project(), budgetUsd: 1 });
    const s = shot(project);
    await enqueueTakes(ctx(), { shotIds: [s.id], takes: 1 });
    await expect(enqueueTakes(ctx(), { shotIds: [s.id], takes: 2 })).rejects.toThrow(
      'Over budget: 2 takes of 1A are estimated at $1.20, and $0.60 is already spent or on its way, which would make $1.80 of the $1.00 budget.',
    );
    expect(project.jobs.recent()).toHaveLength(1);
  });

  it('cancels a queued job at once and a running one at the provider', async () => {
    const [a, b] = (await enqueueTakes(ctx(), { shotIds: [shot(project).id], takes: 2 })).jobIds as [string, string];
    expect(requestCancel(ctx(), a)).toBe('canceled');
    const engine = testEngine(project, { provider, clock });
    engine.start({ loop: false });
    await engine.runOnce();
    expect(job(b).state).toBe('submitted');
    expect(requestCancel(ctx(), b)).toBe('requested');
    await drive(engine, clock);
    expect(job(b).state).toBe('canceled');
    expect(provider.cancels).toEqual(['task-1']);
    expect(project.jobs.events(b).at(-1)!.message).toBe('Canceled; Runway confirmed.');
    expect(provider.submits).toHaveLength(1);
    expect(() => requestCancel(ctx(), b)).toThrow(/already canceled/);
  });

  it('retries a failed job as a fresh submission', async () => {
    const id = (await enqueueTakes(ctx(), { shotIds: [shot(project).id], takes: 1 })).jobIds[0]!;
    provider.submitErrors = [new ProviderError('auth', 'Runway rejected the API key.')];
    await run();
    expect(job(id).state).toBe('failed');
    expect(() => retryJob(ctx(), 'nope')).toThrow(/no longer exists/);
    retryJob(ctx(), id);
    await run();
    expect(job(id).state).toBe('ready');
    expect(provider.submits[0]!.req.externalId).not.toBe(provider.submits[1]!.req.externalId);
  });

  it("offers the shot's fallback when its provider is down, or switches with standing permission", async () => {
    const fallback = new ScriptedProvider(clock, clip);
    const failing = () => Array.from({ length: 100 }, () => new ProviderError('transient', 'Runway answered 503.'));
    const opts = { clock, fallback, tuning: { concurrency: 1, maxTransientRetries: 3 } };
    // Every poll fails: after three errors in a row Runway counts as down.
    provider.pollErrors = failing();
    const ids = (await enqueueTakes(ctx(), { shotIds: [shot(project, { fallbackTool: 'kling:kling-v2-5-turbo' }).id], takes: 3 })).jobIds;
    await run(opts);
    const [sent, ...waiting] = ids.map((id) => job(id));
    expect(sent!.state).toBe('needs_attention');
    for (const j of waiting) {
      expect(j.state).toBe('needs_attention');
      const attention = attentionOf(j)!;
      expect(attention.reason).toMatch(/Runway is not answering \(\d errors in a row\)\. This take has not been sent yet/);
      expect(attention.choices[0]).toMatchObject({ choice: 'switch', label: 'Switch to Kling 2.5 Turbo' });
    }
    resolveAttention(ctx(), waiting[0]!.id, 'switch');
    await run(opts);
    expect(job(waiting[0]!.id)).toMatchObject({ state: 'ready', tool: 'kling:kling-v2-5-turbo', switched_from: 'runway:gen4.5' });

    // With standing permission the engine switches by itself.
    project.jobs.setting.set(SETTINGS_KEY, { allowFallback: true });
    provider.pollErrors = failing();
    const [first, second] = (await enqueueTakes(ctx(), { shotIds: [shot(project, { fallbackTool: 'kling:kling-v2-5-turbo' }).id], takes: 2 })).jobIds as [
      string,
      string,
    ];
    await run(opts);
    expect(job(first).state).toBe('needs_attention');
    expect(job(second)).toMatchObject({ state: 'ready', tool: 'kling:kling-v2-5-turbo', switched_from: 'runway:gen4.5' });
    expect(
      project.jobs
        .events(second)
        .map((e) => e.message)
        .join(' '),
    ).toMatch(/switched to Kling 2.5 Turbo, as the settings allow/);
    expect(provider.submits).toHaveLength(2);
    expect(fallback.submits).toHaveLength(2);
  });

  it('does not switch to a fallback that refuses the images made for the first tool', async () => {
    const id = (await enqueueTakes(ctx(), { shotIds: [shot(project, { fallbackTool: 'kling:kling-v2-5-turbo' }).id], takes: 1 })).jobIds[0]!;
    const snap = JSON.parse(job(id).request_json);
    // As Runway would have been sent a small start frame: fine there, under Kling's 300 px.
    snap.startFrame = { relPath: 'media/ab/small.jpg', mime: 'image/jpeg', width: 256, height: 144, tag: null };
    project.db.prepare('UPDATE jobs SET request_json = ? WHERE id = ?').run(JSON.stringify(snap), id);
    expect(() => switchTool(ctx(), job(id), 'kling:kling-v2-5-turbo', 'test')).toThrow(
      'An image of shot 1A is 256 × 144 px as sent to Runway Gen-4.5; Kling 2.5 Turbo needs at least 300 px on each side.',
    );
    expect(job(id)).toMatchObject({ state: 'queued', tool: 'runway:gen4.5' });
  });

  it('a content refusal never counts as the provider being down', async () => {
    provider.taskScript = () => [{ state: 'failed', reason: 'Output failed moderation.', code: 'SAFETY.OUTPUT.VIDEO', retryable: true }];
    const ids = (await enqueueTakes(ctx(), { shotIds: [shot(project, { fallbackTool: 'kling:kling-v2-5-turbo' }).id], takes: 4 })).jobIds;
    await run({ clock, tuning: { concurrency: 1 } });
    expect(ids.map((id) => job(id).state)).toEqual(['failed', 'failed', 'failed', 'failed']);
  });
});

describe('job engine: one engine per project', () => {
  it('says who holds the project, and takes it over when that process is gone', async () => {
    const first = testEngine(project, { provider, clock, label: 'Shotline app' });
    expect(first.start({ loop: false }).running).toBe(true);
    const second = testEngine(project, { provider, clock, label: 'shotline resume' });
    const status = second.start({ loop: false });
    expect(status.running).toBe(false);
    expect(status.heldBy).toMatch(/^Shotline app \(process \d+ on .+\)$/);
    // Silent for longer than the stale limit: presumed dead.
    clock.advance(31_000);
    expect(second.start({ loop: false }).running).toBe(true);
    // The old holder can no longer make a move that precedes a side effect.
    const id = (await enqueueTakes(ctx(), { shotIds: [shot(project).id], takes: 1 })).jobIds[0]!;
    expect(project.jobs.move(id, 'queued', 'submitting', { now: clock.now(), leaseHolder: 'someone-else' })).toBe(false);
  });

  it('takes over at once from a dead process on this host', () => {
    const repo = project.jobs;
    repo.lease.take(undefined, { holder: 'crashed', pid: 999_999_999, host: os.hostname(), label: 'shotline resume', now: clock.now() });
    const engine = testEngine(project, { provider, clock });
    expect(engine.start({ loop: false }).running).toBe(true);
  });
});

describe('job engine: states are written before their side effects', () => {
  it('the create is sent only after submitting is committed, the download only after downloading', async () => {
    const id = (await enqueueTakes(ctx(), { shotIds: [shot(project).id], takes: 1 })).jobIds[0]!;
    const atSubmit: JobState[] = [];
    const realSubmit = provider.submit.bind(provider);
    provider.submit = async (req) => {
      atSubmit.push(job(id).state);
      return realSubmit(req);
    };
    const atDownload: JobState[] = [];
    const realDownload = provider.download.bind(provider);
    provider.download = async (url, dest) => {
      atDownload.push(job(id).state);
      return realDownload(url, dest);
    };
    await run();
    expect(atSubmit).toEqual(['submitting']);
    expect(atDownload).toEqual(['downloading']);
  });
});
