// Reviewing takes through the contract, as the UI does it: circle, rate, reject, delete, make
// final, fit, grab a frame, follow a chained keyframe — and undo where the user may undo.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EventMap } from '../../../shared/contract';
import type { Shot } from '../../../shared/domain/types';
import type { Project } from '../project/project';
import { testCore } from '../testing/core.testkit';
import { useTmpDir } from '../testing/tmp.testkit';
import { makeClip } from '../media/clips.testkit';
import { insertTake } from './takes.testkit';

const tmp = useTmpDir();
let t: ReturnType<typeof testCore>;
let project: Project;
const clips: Record<'bars' | 'moving' | 'long', string> = { bars: '', moving: '', long: '' };
let clipDir: string;

beforeAll(async () => {
  clipDir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'shotline-takes-clips-'));
  clips.moving = await makeClip(path.join(clipDir, 'moving.mp4'), { durationS: 1 });
  clips.bars = await makeClip(path.join(clipDir, 'bars.mp4'), { durationS: 1, source: 'smptebars=size=320x180:rate=24' });
  clips.long = await makeClip(path.join(clipDir, 'long.mp4'), { durationS: 2 });
});
afterAll(() => fs.rmSync(clipDir, { recursive: true, force: true }));

beforeEach(async () => {
  t = testCore(tmp());
  await t.call('project.create', { parentDir: tmp(), title: 'Takes' });
  project = t.core.session.current!.project;
});
afterEach(async () => {
  await t.core.session.drain();
  t.close();
});

async function addShot(fields: { durationS?: number; tool?: string; finalTool?: string | null } = {}): Promise<Shot> {
  const scene = (await t.call('project.snapshot', {})).scenes[0]!;
  const shot = await t.call('shot.add', { sceneId: scene.id });
  return t.call('shot.update', { id: shot.id, patch: { durationS: 1, action: 'A door opens', ...fields } });
}

const shotNow = (id: string) => project.timeline.shot(id)!;

describe('circling and rating', () => {
  it('circles a take as one undoable step, and the cut plays it', async () => {
    const shot = await addShot();
    const one = await insertTake(project, shot, clips.moving, { createdAt: '2026-01-01T00:00:00Z' });
    const two = await insertTake(project, shot, clips.bars, { createdAt: '2026-01-02T00:00:00Z' });
    expect((await t.call('cut.playback', {})).clips[0]).toMatchObject({ takeId: two, source: 'newest' });

    expect(await t.call('takes.select', { shotId: shot.id, takeId: one })).toEqual({ selectedTakeId: one, chained: [] });
    expect((await t.call('takes.list', { shotId: shot.id })).map((x) => x.selected)).toEqual([true, false]);
    expect((await t.call('cut.playback', {})).clips[0]).toMatchObject({ takeId: one, source: 'selected' });
    expect((await t.call('history.state', {})).undoLabel).toBe('Circle take 1 of 1A');

    await t.call('history.undo', {});
    expect((await t.call('takes.strips', {}))[shot.id]!.selectedTakeId).toBeNull();
    await t.call('history.redo', {});
    expect((await t.call('takes.strips', {}))[shot.id]!.selectedTakeId).toBe(one);
  });

  it('rates on the three criteria, keeps what is not given, and undoes', async () => {
    const shot = await addShot();
    const id = await insertTake(project, shot, clips.moving);
    expect(await t.call('takes.rate', { takeId: id, fidelity: 4, consistency: 3, adherence: 5 })).toEqual({
      fidelity: 4,
      consistency: 3,
      adherence: 5,
      notes: '',
    });
    expect(await t.call('takes.rate', { takeId: id, adherence: null, notes: 'hand morphs at 2 s' })).toEqual({
      fidelity: 4,
      consistency: 3,
      adherence: null,
      notes: 'hand morphs at 2 s',
    });
    await t.call('history.undo', {});
    expect((await t.call('takes.list', { shotId: shot.id }))[0]!.rating).toEqual({ fidelity: 4, consistency: 3, adherence: 5, notes: '' });
    expect((await t.core.handle('takes.rate', { takeId: id, fidelity: 6 })).ok).toBe(false);
  });

  it('hides a rejected take, uncircles it, and the cut falls back to another take', async () => {
    const shot = await addShot();
    const one = await insertTake(project, shot, clips.moving, { createdAt: '2026-01-01T00:00:00Z' });
    const two = await insertTake(project, shot, clips.bars, { createdAt: '2026-01-02T00:00:00Z' });
    await t.call('takes.select', { shotId: shot.id, takeId: two });
    await t.call('takes.reject', { takeId: two, rejected: true });
    expect((await t.call('takes.list', { shotId: shot.id })).map((x) => x.id)).toEqual([one]);
    expect((await t.call('takes.list', { shotId: shot.id, includeRejected: true })).map((x) => [x.number, x.rejected, x.selected])).toEqual([
      [1, false, false],
      [2, true, false],
    ]);
    expect((await t.call('cut.playback', {})).clips[0]).toMatchObject({ takeId: one, source: 'newest' });
    expect((await t.core.handle('takes.select', { shotId: shot.id, takeId: two })).ok).toBe(false);
    await t.call('history.undo', {});
    expect((await t.call('takes.list', { shotId: shot.id })).find((x) => x.id === two)).toMatchObject({ rejected: false, selected: true });
  });
});

describe('deleting', () => {
  it('needs confirming, refuses the circled take without force, and keeps a file another take uses', async () => {
    const shot = await addShot();
    const one = await insertTake(project, shot, clips.moving);
    const twin = await insertTake(project, shot, clips.moving);
    const file = path.join(project.folder, ...(await t.call('takes.list', { shotId: shot.id }))[0]!.relPath.split('/'));
    expect((await t.core.handle('takes.delete', { takeId: one })).ok).toBe(false);
    await t.call('takes.select', { shotId: shot.id, takeId: one });
    const refused = await t.core.handle('takes.delete', { takeId: one, confirm: true });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'user', message: expect.stringMatching(/^Take 1 of 1A is the circled take/) } });

    expect(await t.call('takes.delete', { takeId: one, confirm: true, force: true })).toEqual({ fileRemoved: false });
    expect(fs.existsSync(file)).toBe(true);
    expect(await t.call('takes.delete', { takeId: twin, confirm: true })).toEqual({ fileRemoved: true });
    expect(fs.existsSync(file)).toBe(false);
    expect(await t.call('takes.list', { shotId: shot.id, includeRejected: true })).toEqual([]);
    expect((await t.call('cut.playback', {})).clips[0]!.source).toBe('title');
  });
});

describe('draft to final', () => {
  it('re-runs the draft’s request on the final tool with its seed, and the final take links to it (checked on arrival)', async () => {
    const shot = await addShot({ finalTool: 'local:animatic' });
    const draft = await insertTake(project, shot, clips.moving, { tool: 'local:animatic', seed: 777 });
    const done = new Promise<void>((resolve) => {
      const off = t.core.on((event, payload) => {
        if (event === 'jobs.changed' && (payload as EventMap['jobs.changed']).takes) {
          off();
          resolve();
        }
      });
    });
    const result = await t.call('takes.makeFinal', { takeId: draft });
    expect(result).toMatchObject({ tool: 'local:animatic', estimateUsd: 0 });
    const job = (await t.call('jobs.list', { shotId: shot.id })).find((j) => j.id === result.jobId)!;
    expect(job.seed).toBe(777);
    await done;
    const final = (await t.call('takes.list', { shotId: shot.id })).find((x) => x.jobId === result.jobId)!;
    expect(final).toMatchObject({ fromTakeId: draft, number: 2 });
    expect(final.qc?.map((r) => r.check)).toEqual(['frame_rate', 'duration', 'resolution', 'black_frames', 'frozen', 'hard_cuts', 'audio']);
  });

  it('quotes the proposal with the budget left before anything is queued, and queues exactly that', async () => {
    const shot = await addShot({ tool: 'kling:kling-v2-5-turbo', durationS: 5 });
    const draft = await insertTake(project, shot, clips.moving, { tool: 'kling:kling-v2-5-turbo', seed: 5 });
    await t.call('project.update', { budgetUsd: 5 });
    const jobsBefore = (await t.call('jobs.list', { shotId: shot.id })).length;
    const quote = await t.call('takes.finalQuote', { takeId: draft });
    // No final tool: the same Kling model at 1080p, 5 s at $0.07/s.
    expect(quote).toEqual({ tool: 'kling:kling-v2-5-turbo', resolution: '1080p', estimateUsd: 0.35, budgetUsd: 5, budgetLeftUsd: 5 });
    expect(await t.call('jobs.list', { shotId: shot.id })).toHaveLength(jobsBefore);
    const picked = await t.call('takes.finalQuote', { takeId: draft, tool: 'runway:gen4.5' });
    expect(picked).toMatchObject({ tool: 'runway:gen4.5', estimateUsd: 0.6 });
  });

  it('says what to do when the shot has no final tool', async () => {
    const shot = await addShot();
    const draft = await insertTake(project, shot, clips.moving);
    const r = await t.core.handle('takes.makeFinal', { takeId: draft });
    expect(r).toMatchObject({ ok: false, error: { kind: 'user', message: expect.stringContaining('has no final tool') } });
  });
});

describe('fitting a take to its slot, and cost per usable second', () => {
  it('trims, holds, or makes the plan follow the take', async () => {
    const shot = await addShot({ durationS: 1.5 });
    const id = await insertTake(project, shot, clips.long, { costUsd: 3 });
    await t.call('takes.select', { shotId: shot.id, takeId: id });
    expect((await t.call('cut.playback', {})).clips[0]).toMatchObject({
      takeFrames: 48,
      plannedFrames: 36,
      mismatchFrames: 12,
      sourceInFrames: 0,
      sourceOutFrames: 36,
    });

    expect(await t.call('cut.setFit', { shotId: shot.id, mode: 'trim', trimInS: 0.5 })).toEqual({ shotId: shot.id, mode: 'trim', trimInS: 0.5 });
    expect((await t.call('cut.playback', {})).clips[0]).toMatchObject({ sourceInFrames: 12, sourceOutFrames: 48, holdFrames: 0 });
    expect((await t.call('cut.usableCost', {})).shots[0]).toMatchObject({ spentUsd: 3, usableS: 1.5, usdPerUsableS: 2 });

    await t.call('cut.setFit', { shotId: shot.id, mode: 'retime-plan' });
    expect(shotNow(shot.id).durationS).toBe(2);
    expect((await t.call('cut.playback', {})).clips[0]).toMatchObject({ plannedFrames: 48, sourceOutFrames: 48, mismatchFrames: 0 });
    await t.call('history.undo', {});
    expect(shotNow(shot.id).durationS).toBe(1.5);
  });
});

describe('frames of takes', () => {
  it('grabs a frame into the library and as a keyframe', async () => {
    const shot = await addShot();
    const id = await insertTake(project, shot, clips.moving);
    const { imageId } = await t.call('takes.grabFrame', { takeId: id, atS: 0.5, target: { to: 'library' } });
    expect((await t.call('library.list', {})).loose.map((i) => i.id)).toContain(imageId);
    const next = await addShot();
    await t.call('takes.grabFrame', { takeId: id, atS: 0.5, target: { to: 'keyframe', shotId: next.id, which: 'start' } });
    expect((await t.call('refs.all', {}))[next.id]?.start).toMatchObject({ source: 'take 1 of 1A, 0.50 s', width: 320, height: 180 });
  });

  it('keeps a chained keyframe on the circled take, marks the takes made from the old frame stale, and undoes it all', async () => {
    const a = await addShot();
    const b = await addShot();
    const first = await insertTake(project, a, clips.moving);
    await t.call('refs.setKeyframe', { shotId: b.id, which: 'start', source: { fromShotId: a.id, frame: 'last' } });
    const before = (await t.call('refs.all', {}))[b.id]!.start!;
    expect(before.source).toBe('shot 1A, last frame');
    const bTake = await insertTake(project, shotNow(b.id), clips.moving);
    const second = await insertTake(project, a, clips.bars);

    expect(await t.call('takes.select', { shotId: a.id, takeId: second })).toEqual({ selectedTakeId: second, chained: ['1B'] });
    const after = (await t.call('refs.all', {}))[b.id]!.start!;
    expect(after.imageId).not.toBe(before.imageId);
    expect(after.source).toBe('shot 1A, last frame');
    expect((await t.call('takes.list', { shotId: b.id }))[0]).toMatchObject({ id: bTake, continuityStale: true });

    // Circling the first take again brings back the frame 1B's take was made from: no longer stale.
    await t.call('takes.select', { shotId: a.id, takeId: first });
    expect((await t.call('takes.list', { shotId: b.id }))[0]!.continuityStale).toBe(false);
    await t.call('history.undo', {});
    await t.call('history.undo', {});
    expect((await t.call('refs.all', {}))[b.id]!.start!.imageId).toBe(before.imageId);
    expect((await t.call('takes.list', { shotId: b.id }))[0]!.continuityStale).toBe(false);
  });
});
