import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { testCore } from '../testing/core.testkit';
import { useTmpDir } from '../testing/tmp.testkit';

const tmp = useTmpDir();
let t: ReturnType<typeof testCore>;
afterEach(() => t?.close());

async function project() {
  const dir = tmp();
  t = testCore(dir);
  const info = await t.call('project.create', { parentDir: path.join(dir, 'projects'), title: 'Test' });
  const snap = await t.call('project.snapshot', {});
  return { info, scene1: snap.scenes[0]!.id };
}
const labels = async () => (await t.call('project.snapshot', {})).shots.map((s) => s.label);

describe('timeline through the contract', () => {
  it('starts with one scene and labels new shots 1A, 1B, then 2A in scene 2', async () => {
    const { scene1 } = await project();
    await t.call('shot.add', { sceneId: scene1 });
    await t.call('shot.add', { sceneId: scene1 });
    const scene2 = await t.call('scene.add', {});
    expect(scene2.number).toBe(2);
    await t.call('shot.add', { sceneId: scene2.id });
    expect(await labels()).toEqual(['1A', '1B', '2A']);
  });

  it('keeps labels through reorders until Renumber', async () => {
    const { scene1 } = await project();
    const a = await t.call('shot.add', { sceneId: scene1 });
    await t.call('shot.add', { sceneId: scene1 });
    const c = await t.call('shot.add', { sceneId: scene1 });
    await t.call('shot.move', { ids: [c.id], toSceneId: scene1, toIndex: 0 });
    expect(await labels()).toEqual(['1C', '1A', '1B']);
    const scene2 = await t.call('scene.add', {});
    await t.call('shot.move', { ids: [a.id], toSceneId: scene2.id, toIndex: 0 });
    expect(await labels()).toEqual(['1C', '1B', '1A']);
    await t.call('shot.renumber', {});
    expect(await labels()).toEqual(['1A', '1B', '2A']);
  });

  it('moves a multi-selection as a block in timeline order', async () => {
    const { scene1 } = await project();
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await t.call('shot.add', { sceneId: scene1 })).id);
    await t.call('shot.move', { ids: [ids[3]!, ids[1]!], toSceneId: scene1, toIndex: 3 });
    expect(await labels()).toEqual(['1A', '1C', '1E', '1B', '1D']);
    const snap = await t.call('project.snapshot', {});
    expect(snap.shots.map((s) => s.position)).toEqual([0, 1, 2, 3, 4]);
  });

  it('undoes and redoes every kind of edit, one step at a time', async () => {
    const { scene1 } = await project();
    const a = await t.call('shot.add', { sceneId: scene1 });
    await t.call('shot.update', { id: a.id, patch: { action: 'Mara enters', prompt: { camera: 'push_in' } } });
    const [copy] = await t.call('shot.duplicate', { ids: [a.id] });
    await t.call('shot.delete', { ids: [a.id] });
    await t.call('project.update', { budgetUsd: 40 });
    const done = await t.call('project.snapshot', {});
    expect(done.shots.map((s) => s.label)).toEqual([copy!.label]);
    expect(done.project.budgetUsd).toBe(40);

    const history = await t.call('history.state', {});
    expect(history).toMatchObject({ canUndo: true, canRedo: false, undoLabel: 'Edit project' });

    await t.call('history.undo', {}); // budget
    await t.call('history.undo', {}); // delete
    let snap = await t.call('project.snapshot', {});
    expect(snap.project.budgetUsd).toBeNull();
    expect(snap.shots.map((s) => s.label)).toEqual(['1A', '1B']);
    expect(snap.shots[0]).toMatchObject({ action: 'Mara enters', prompt: { camera: 'push_in' } });

    await t.call('history.undo', {}); // duplicate
    await t.call('history.undo', {}); // update
    snap = await t.call('project.snapshot', {});
    expect(snap.shots).toHaveLength(1);
    expect(snap.shots[0]!.action).toBe('');
    expect(snap.shots[0]!.prompt.camera).toBe('static');

    await t.call('history.undo', {}); // add
    expect(await labels()).toEqual([]);
    expect((await t.call('history.state', {})).canUndo).toBe(false);

    for (let i = 0; i < 5; i++) await t.call('history.redo', {});
    snap = await t.call('project.snapshot', {});
    expect(snap.shots.map((s) => s.label)).toEqual([copy!.label]);
    expect(snap.project.budgetUsd).toBe(40);
    expect((await t.call('history.state', {})).canRedo).toBe(false);
  });

  it('undoes a scene delete with its shots, and a new edit clears redo', async () => {
    const { scene1 } = await project();
    await t.call('shot.add', { sceneId: scene1 });
    await t.call('shot.add', { sceneId: scene1 });
    await t.call('scene.delete', { ids: [scene1] });
    expect((await t.call('project.snapshot', {})).scenes).toHaveLength(0);
    await t.call('history.undo', {});
    const snap = await t.call('project.snapshot', {});
    expect(snap.scenes).toHaveLength(1);
    expect(snap.shots.map((s) => s.label)).toEqual(['1A', '1B']);
    await t.call('scene.rename', { id: scene1, name: 'INT. DINER - NIGHT' });
    expect((await t.call('history.state', {})).canRedo).toBe(false);
  });

  it('tells listeners which tables changed', async () => {
    const { scene1 } = await project();
    t.events.length = 0;
    await t.call('shot.add', { sceneId: scene1 });
    expect(t.events.map((e) => e.event)).toEqual(['project.changed', 'history.changed']);
    expect(t.events[0]!.payload).toEqual({ tables: ['shots'] });
  });

  it('names exactly the tables an edit, its undo and its redo wrote, read off the undo log', async () => {
    const { scene1 } = await project();
    await t.call('shot.add', { sceneId: scene1 });
    const changed = () => t.events.filter((e) => e.event === 'project.changed').map((e) => [...(e.payload as { tables: string[] }).tables].sort());
    t.events.length = 0;
    await t.call('scene.rename', { id: scene1, name: 'EXT. PIER - DAWN' });
    await t.call('scene.delete', { ids: [scene1] });
    await t.call('history.undo', {});
    await t.call('project.update', { title: 'Pier' });
    expect(changed()).toEqual([['scenes'], ['scenes', 'shots'], ['scenes', 'shots'], ['project']]);
  });

  it('rejects bad input with a clear error and changes nothing', async () => {
    const { scene1 } = await project();
    const a = await t.call('shot.add', { sceneId: scene1 });
    const r = await t.core.handle('shot.update', { id: a.id, patch: { durationS: -1 } });
    expect(r.ok).toBe(false);
    const bogus = await t.core.handle('shot.update', { id: a.id, patch: { colour: 'red' } });
    expect(bogus.ok).toBe(false);
    const missing = await t.core.handle('shot.update', { id: 'nope', patch: { action: 'x' } });
    expect(missing).toMatchObject({ ok: false, error: { kind: 'user' } });
    expect((await t.call('project.snapshot', {})).shots[0]!.durationS).toBe(5);
  });

  it('remembers recent projects and reopens them', async () => {
    const { info } = await project();
    await t.call('project.close', {});
    expect(await t.call('project.current', {})).toBeNull();
    const recent = await t.call('project.recent', {});
    expect(recent[0]).toMatchObject({ title: 'Test', path: info.path });
    expect((await t.call('project.open', { path: info.path })).title).toBe('Test');
  });
});
