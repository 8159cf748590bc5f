import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventMap } from '../../../shared/contract';
import { testCore } from '../testing/core.testkit';
import { useTmpDir } from '../testing/tmp.testkit';

const tmp = useTmpDir();
let t: ReturnType<typeof testCore>;
afterEach(async () => {
  await t.core.session.drain();
  t.close();
});

function nextEvent<E extends keyof EventMap>(name: E, match: (p: EventMap[E]) => boolean = () => true): Promise<EventMap[E]> {
  return new Promise((resolve) => {
    const off = t.core.on((event, payload) => {
      if ((event as string) === name && match(payload as EventMap[E])) {
        off();
        resolve(payload as EventMap[E]);
      }
    });
  });
}

describe('generation through the contract', () => {
  it('generates local takes, reports them by events, and shows spent vs planned', async () => {
    t = testCore(tmp());
    const info = await t.call('project.create', { parentDir: tmp(), title: 'Gen' });
    const scene = (await t.call('project.snapshot', {})).scenes[0]!;
    const shot = await t.call('shot.add', { sceneId: scene.id });
    await t.call('shot.update', { id: shot.id, patch: { durationS: 1, action: 'A door opens' } });
    expect((await t.call('jobs.status', {})).engine).toEqual({ running: true, heldBy: null });

    const finished = nextEvent('jobs.batchFinished');
    const result = await t.call('generate.takes', { shotIds: [shot.id], takes: 2 });
    expect(result).toMatchObject({ shots: 1 });
    expect(result.jobIds).toHaveLength(2);
    expect(await finished).toMatchObject({ batchId: result.batchId, kind: 'video', ready: 2, failed: 0 });
    expect(t.events.some((e) => e.event === 'jobs.changed' && (e.payload as EventMap['jobs.changed']).takes)).toBe(true);

    const jobs = await t.call('jobs.list', {});
    expect(jobs.map((j) => [j.state, j.shotLabel, j.tool, j.costUsd])).toEqual([
      ['ready', '1A', 'local:animatic', 0],
      ['ready', '1A', 'local:animatic', 0],
    ]);
    const takes = await t.call('generation.takes', { shotId: shot.id });
    expect(takes.map((x) => x.number)).toEqual([1, 2]);
    expect(new Set(takes.map((x) => x.seed)).size).toBe(2);
    const events = await t.call('jobs.events', { id: jobs[0]!.id });
    expect(events.map((e) => e.to)).toEqual(['queued', 'running', 'checking', 'ready']);

    const status = await t.call('jobs.status', {});
    expect(status.spend).toMatchObject({ spentUsd: 0, inFlightUsd: 0, budgetUsd: null });
    await expect(t.call('generate.allDrafts', {})).rejects.toThrow(/Every shot already has a take/);
    expect(info.schemaVersion).toBeGreaterThanOrEqual(5);
  });

  it("says shot by shot how far a click's images are prepared, and queues the shots in the order given", async () => {
    t = testCore(tmp());
    await t.call('project.create', { parentDir: tmp(), title: 'Prep' });
    const scene = (await t.call('project.snapshot', {})).scenes[0]!;
    const shots = [];
    for (const action of ['One', 'Two', 'Three']) {
      const shot = await t.call('shot.add', { sceneId: scene.id });
      await t.call('shot.update', { id: shot.id, patch: { durationS: 1, action } });
      shots.push(shot);
    }
    const ids = [shots[2]!.id, shots[0]!.id, shots[1]!.id];
    const finished = nextEvent('jobs.batchFinished');
    const result = await t.call('generate.takes', { shotIds: ids, takes: 1 });
    const preparing = t.events.filter((e) => e.event === 'jobs.preparing').map((e) => e.payload as EventMap['jobs.preparing']);
    expect(preparing).toEqual([0, 1, 2, 3].map((done) => ({ done, total: 3 })));
    await finished;
    const jobs = await t.call('jobs.list', {});
    expect(result.jobIds.map((id) => jobs.find((j) => j.id === id)!.shotLabel)).toEqual(['1C', '1A', '1B']);
  });

  it('refuses a remote tool without a key, saying where to set it', async () => {
    t = testCore(tmp());
    await t.call('project.create', { parentDir: tmp(), title: 'Keys' });
    const scene = (await t.call('project.snapshot', {})).scenes[0]!;
    const shot = await t.call('shot.add', { sceneId: scene.id });
    await t.call('shot.update', { id: shot.id, patch: { tool: 'runway:gen4.5', durationS: 5, action: 'Rain on the window' } });
    await expect(t.call('generate.takes', { shotIds: [shot.id], takes: 1 })).rejects.toThrow(
      /No Runway key is set\. Add it in Settings \(or set RUNWAYML_API_SECRET for the CLI\), or generate with the local animatic\./,
    );
    expect(await t.call('jobs.list', {})).toEqual([]);
  });

  it('queues every shot Generate all drafts can run and lists the rest with the reason and the fix', async () => {
    t = testCore(tmp());
    await t.call('project.create', { parentDir: tmp(), title: 'Skips' });
    const scene = (await t.call('project.snapshot', {})).scenes[0]!;
    const local = await t.call('shot.add', { sceneId: scene.id });
    await t.call('shot.update', { id: local.id, patch: { durationS: 1, action: 'A door opens' } });
    const runway = await t.call('shot.add', { sceneId: scene.id, afterShotId: local.id });
    await t.call('shot.update', { id: runway.id, patch: { tool: 'runway:gen4_turbo', durationS: 5, action: 'Rain on the window' } });

    const plan = await t.call('cost.plan', {});
    // Gen-4 Turbo from text makes its start frame first: 5 s at $0.05/s plus a gen4_image frame.
    expect(plan.shots[runway.id]).toMatchObject({ tool: 'runway:gen4_turbo', takeUsd: 0.3, frameUsd: 0.05, takesUsd: 0.6, pending: true });
    expect(plan).toMatchObject({ takes: 2, draftPlanUsd: 0.6, spentUsd: 0, inFlightUsd: 0 });

    const finished = nextEvent('jobs.batchFinished');
    const result = await t.call('generate.allDrafts', {});
    expect(result).toMatchObject({ shots: 1, skipped: [{ shotId: runway.id, label: '1B', provider: 'runway', fix: 'key' }] });
    expect(result.skipped[0]!.reason).toMatch(/No Runway key is set/);
    expect(result.jobIds).toHaveLength(2);
    await finished;
    expect((await t.call('jobs.list', {})).every((j) => j.shotId === local.id)).toBe(true);
    // The local shot is generated now: the plan's drafts are the Runway shot's alone.
    expect((await t.call('cost.plan', {})).shots[local.id]!.pending).toBe(false);

    // With only unrunnable shots left, nothing is queued and the list comes back.
    const again = await t.call('generate.allDrafts', {});
    expect(again).toMatchObject({ batchId: null, jobIds: [], shots: 0 });
    expect(again.skipped.map((s) => s.label)).toEqual(['1B']);
  });

  it('shows only the last four characters of a key, and checks it with the provider', async () => {
    t = testCore(tmp());
    const secret = 'key_abcdefghijklmnop4f2a';
    const statuses = await t.call('settings.setKey', { provider: 'runway', values: { RUNWAYML_API_SECRET: ` ${secret} ` } });
    const runway = statuses.find((s) => s.provider === 'runway')!;
    expect(runway).toMatchObject({ set: true, last4: '4f2a', source: 'session' });
    expect(JSON.stringify(await t.call('settings.keys', {}))).not.toContain(secret);
    await expect(t.call('settings.setKey', { provider: 'kling', values: { KLING_ACCESS_KEY: 'ak' } })).rejects.toThrow(/Enter KLING_SECRET_KEY for Kling/);
    await t.call('settings.setBaseUrl', { provider: 'runway', baseUrl: 'http://127.0.0.1:9' });
    const check = await t.call('settings.checkKey', { provider: 'runway' });
    expect(check.ok).toBe(false);
    await expect(t.call('settings.setBaseUrl', { provider: 'runway', baseUrl: 'http://example.com' })).rejects.toThrow(/https/);
    const removed = await t.call('settings.removeKey', { provider: 'runway' });
    expect(removed.find((s) => s.provider === 'runway')).toMatchObject({ set: false, last4: null });
    await expect(t.call('settings.checkKey', { provider: 'runway' })).rejects.toThrow(/No Runway key is set/);
  });

  it('moves a key to another address only when the user confirms it in the main process, and never shows the key back', async () => {
    const asked: string[] = [];
    let answer = false;
    t = testCore(tmp(), { confirm: async (message) => (asked.push(message), answer) });
    const secret = 'key_0123456789abcdef0123456789abcdef0123';
    await t.call('settings.setKey', { provider: 'runway', values: { RUNWAYML_API_SECRET: secret } });
    const echo = http.createServer((req, res) => res.writeHead(401).end(JSON.stringify({ error: `bad key ${req.headers.authorization}` })));
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
    try {
      await expect(t.call('settings.setBaseUrl', { provider: 'runway', baseUrl: url })).rejects.toThrow(/Kept Runway's address as it was/);
      expect(asked).toEqual([`Send your Runway key to ${url}?`]);
      expect((await t.call('settings.keys', {})).find((s) => s.provider === 'runway')!.baseUrl).not.toBe(url);
      answer = true;
      await t.call('settings.setBaseUrl', { provider: 'runway', baseUrl: url });
      const check = await t.call('settings.checkKey', { provider: 'runway' });
      expect(check.ok).toBe(false);
      expect(check.detail).toMatch(/bad key Bearer \[redacted/);
      expect(JSON.stringify(check)).not.toContain(secret);
    } finally {
      echo.close();
    }
  });

  it('keeps generation settings per project', async () => {
    t = testCore(tmp());
    await t.call('project.create', { parentDir: tmp(), title: 'Settings' });
    expect(await t.call('settings.generation', {})).toEqual({ defaultTakes: 2, pollIntervalS: null, allowFallback: false, frameTool: 'local:frame' });
    expect(await t.call('settings.setGeneration', { defaultTakes: 3, allowFallback: true, frameTool: 'runway:gen4_image' })).toEqual({
      defaultTakes: 3,
      pollIntervalS: null,
      allowFallback: true,
      frameTool: 'runway:gen4_image',
    });
    // Frames need an image model: a video model is refused with what to pick.
    await expect(t.call('settings.setGeneration', { frameTool: 'runway:gen4_turbo' })).rejects.toThrow(/makes video, not still frames/);
  });
});
