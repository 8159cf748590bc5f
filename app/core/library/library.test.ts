import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { startRunwayFake } from '../../../test/fakes/runway/server';
import { refInfo } from '../../../shared/domain/library';
import { validateShot } from '../../../shared/domain/validation';
import { jobsRepo } from '../db/repos/jobsRepo';
import type { RequestSnapshot } from '../jobs/request';
import { makeClip } from '../media/clips.testkit';
import { insertTake } from '../takes/takes.testkit';
import { testCore } from '../testing/core.testkit';
import { useTmpDir } from '../testing/tmp.testkit';
import { sendImagesForShot } from './sendImage';
import * as img from './images.testkit';

const tmp = useTmpDir();
let t: ReturnType<typeof testCore>;
afterEach(() => t?.close());

async function project() {
  const dir = tmp();
  t = testCore(dir);
  const info = await t.call('project.create', { parentDir: path.join(dir, 'projects'), title: 'Lib' });
  const snap = await t.call('project.snapshot', {});
  const files = path.join(dir, 'files');
  const media = path.join(info.path, 'media');
  return { dir, info, files, media, scene: snap.scenes[0]!.id };
}

async function shot(scene: string, tool: string, action = '') {
  const s = await t.call('shot.add', { sceneId: scene });
  return t.call('shot.update', { id: s.id, patch: { tool, action, durationS: 5 } });
}

/** Stored media files, ignoring the temp folder (which must be empty anyway). */
const stored = (media: string) => img.filesUnder(media).filter((f) => !f.startsWith('.tmp'));

describe('import', () => {
  it('adds one item per file with a tag, upright sizes and a thumbnail, reporting progress', async () => {
    const p = await project();
    const files = [
      img.write(p.files, 'Mara.jpg', await img.jpeg(64, 48)),
      img.write(p.files, 'diner.png', await img.png(80, 40)),
      img.write(p.files, 'phone.jpg', await img.orientation6()),
    ];
    const summary = await t.call('library.import', {
      importId: 'i1',
      files: files.map((f) => ({ name: path.basename(f), path: f })),
      target: { to: 'items', kind: 'character' },
    });
    expect(summary.refused).toEqual([]);
    expect(summary.itemsCreated.map((i) => [i.tag, i.name])).toEqual([
      ['mara', 'Mara'],
      ['diner', 'Diner'],
      ['phone', 'Phone'],
    ]);
    const { items } = await t.call('library.list', {});
    expect(items.map((i) => [i.tag, i.images[0]!.width, i.images[0]!.height, i.images[0]!.primary])).toEqual([
      ['mara', 64, 48, true],
      ['diner', 80, 40, true],
      ['phone', 30, 40, true],
    ]);
    const thumb = await t.call('library.thumbnail', { sha256: items[0]!.images[0]!.thumbSha256 });
    expect(thumb.startsWith('data:image/webp;base64,')).toBe(true);
    const progress = t.events.filter((e) => e.event === 'library.importProgress').map((e) => e.payload as { done: number; total: number; importId: string });
    expect(progress.map((x) => x.done)).toEqual([1, 2, 3]);
    expect(progress.every((x) => x.total === 3 && x.importId === 'i1')).toBe(true);
    expect((await t.call('history.state', {})).undoLabel).toBe('Import 3 images');
  });

  it('takes bytes (base64) the same as a path', async () => {
    const p = await project();
    const bytes = await img.png(32, 32);
    const a = await t.call('library.import', { files: [{ name: 'a.png', bytes: bytes.toString('base64') }], target: { to: 'items', kind: 'prop' } });
    const b = await t.call('library.import', { files: [{ name: 'b.png', path: img.write(p.files, 'b.png', bytes) }], target: { to: 'items', kind: 'prop' } });
    const { items } = await t.call('library.list', {});
    expect(items.map((i) => i.images[0]!.sha256)).toEqual([items[0]!.images[0]!.sha256, items[0]!.images[0]!.sha256]);
    expect([a.added[0]!.stored, b.added[0]!.stored]).toEqual(['new', 'existing']);
  });

  it('stores a file imported twice once, and skips it in the same item', async () => {
    const p = await project();
    const file = img.write(p.files, 'mara.jpg', await img.photoJpeg(300, 200));
    const files = [{ name: 'mara.jpg', path: file }];
    await t.call('library.import', { files, target: { to: 'item', kind: 'character', name: 'Mara', tag: 'mara' } });
    const before = stored(p.media);
    const again = await t.call('library.import', { files, target: { to: 'item', kind: 'character', name: 'Mara', tag: 'mara' } });
    expect(again.added).toEqual([]);
    expect(again.skipped).toEqual([{ name: 'mara.jpg', reason: 'already in @mara (as mara.jpg).' }]);
    await t.call('library.import', { files: [{ name: 'copy.jpg', path: file }], target: { to: 'items', kind: 'prop' } });
    expect(stored(p.media)).toEqual(before);
    // original (already sRGB JPEG, so also the working copy) + thumbnail
    expect(before).toHaveLength(2);
  });

  it('refuses the bad files with a reason each, keeps the good ones, and leaves no stray files', async () => {
    const p = await project();
    const files = [
      { name: 'good.jpg', path: img.write(p.files, 'good.jpg', await img.jpeg()) },
      { name: 'notes.png', path: img.write(p.files, 'notes.png', 'just text') },
      { name: 'empty.jpg', path: img.write(p.files, 'empty.jpg', Buffer.alloc(0)) },
      { name: 'cut.jpg', path: img.write(p.files, 'cut.jpg', await img.truncatedJpeg()) },
      { name: 'bomb.png', path: img.write(p.files, 'bomb.png', img.pngBomb()) },
    ];
    const summary = await t.call('library.import', { files, target: { to: 'items', kind: 'prop' } });
    expect(summary.added.map((a) => a.name)).toEqual(['good.jpg']);
    expect(summary.refused.map((r) => r.name)).toEqual(['notes.png', 'empty.jpg', 'cut.jpg', 'bomb.png']);
    expect(summary.refused[0]!.reason).toContain('a text file, not an image');
    expect(summary.refused[3]!.reason).toContain('20000 × 20000');
    expect(img.filesUnder(path.join(p.media, '.tmp'))).toEqual([]);
    expect(stored(p.media)).toHaveLength(2);
  });

  it('refuses a file over 200 MB, from a path or as bytes, without copying it', async () => {
    const p = await project();
    const big = path.join(p.files, 'huge.tif');
    img.write(p.files, 'huge.tif', '');
    fs.truncateSync(big, 200 * 1024 * 1024 + 1); // sparse: no disk used
    const summary = await t.call('library.import', { files: [{ name: 'huge.tif', path: big }], target: { to: 'items', kind: 'prop' } });
    expect(summary.refused).toEqual([{ name: 'huge.tif', reason: 'it is 200.1 MB; Shotline takes images up to 200 MB. Export a smaller copy.' }]);
    expect(img.filesUnder(p.media)).toEqual([]);
  });

  it('creates nothing when every file is refused', async () => {
    const p = await project();
    const summary = await t.call('library.import', {
      files: [{ name: 'x.png', path: img.write(p.files, 'x.png', 'nope') }],
      target: { to: 'item', kind: 'character', name: 'Mara', tag: 'mara' },
    });
    expect(summary.refused).toHaveLength(1);
    expect((await t.call('library.list', {})).items).toEqual([]);
    expect(stored(p.media)).toEqual([]);
    expect((await t.call('history.state', {})).canUndo).toBe(false);
  });

  it('is undone and redone as one step', async () => {
    const p = await project();
    await t.call('library.import', { files: [{ name: 'a.jpg', path: img.write(p.files, 'a.jpg', await img.jpeg()) }], target: { to: 'items', kind: 'style' } });
    await t.call('history.undo', {});
    expect((await t.call('library.list', {})).items).toEqual([]);
    await t.call('history.redo', {});
    expect((await t.call('library.list', {})).items.map((i) => i.tag)).toEqual(['a_style']);
  });

  it('imports a dropped folder as one item with every image, primary first', async () => {
    const p = await project();
    const sheet = path.join(p.files, 'Mara sheet');
    img.write(sheet, '01-front.jpg', await img.jpeg());
    img.write(sheet, '02-side.png', await img.png());
    img.write(sheet, '.DS_Store', 'junk');
    const summary = await t.call('library.import', { files: [{ name: 'Mara sheet', path: sheet }], target: { to: 'items', kind: 'character' } });
    expect(summary.itemsCreated.map((i) => [i.name, i.tag])).toEqual([['Mara sheet', 'mara']]);
    const [item] = (await t.call('library.list', {})).items;
    expect(item!.images.map((i) => [i.name, i.primary])).toEqual([
      ['01-front.jpg', true],
      ['02-side.png', false],
    ]);
  });
});

describe('import without a kind', () => {
  it('guesses each item’s kind from its folder, then its file name, and tags it without the noise', async () => {
    const p = await project();
    const props = path.join(p.files, 'Props');
    img.write(props, 'lamp_ref_v2.png', await img.png(30, 30));
    const sheet = path.join(p.files, 'Maya turnaround');
    img.write(sheet, 'bg.png', await img.png(31, 30));
    const files = [
      { name: 'loc_diner_bg.png', path: img.write(p.files, 'loc_diner_bg.png', await img.png(32, 30)) },
      { name: 'lamp_ref_v2.png', path: path.join(props, 'lamp_ref_v2.png') },
      { name: 'Maya turnaround', path: sheet },
      { name: 'Maya_sheet_02.jpg', bytes: (await img.jpeg(33, 30)).toString('base64') },
    ];
    await t.call('library.import', { files, target: { to: 'items' } });
    const { items } = await t.call('library.list', {});
    expect(items.map((i) => [i.kind, i.tag])).toEqual([
      ['location', 'diner'],
      ['prop', 'lamp'],
      // The folder named no kind, so the first file that does decides.
      ['location', 'maya'],
      ['character', 'maya_2'],
    ]);
  });
});

describe('reference slots', () => {
  async function withItems(n: number) {
    const p = await project();
    const files = [];
    for (let i = 0; i < n; i++) files.push({ name: `ref${i + 1}.png`, path: img.write(p.files, `ref${i + 1}.png`, await img.png(40 + i, 40)) });
    const summary = await t.call('library.import', { files, target: { to: 'items', kind: 'character' } });
    return { ...p, items: summary.itemsCreated };
  }

  it('has as many slots as the catalog gives the model, and refuses more', async () => {
    const p = await withItems(5);
    const runway = await shot(p.scene, 'runway:gen4_turbo');
    const four = p.items.slice(0, 4).map((i) => ({ itemId: i.id }));
    await expect(t.call('refs.set', { shotId: runway.id, refs: four })).rejects.toThrow(
      'Runway Gen-4 Turbo takes up to 3 reference images; shot 1A would have 4. Clear a slot first, or pick a model that takes more.',
    );
    const set = await t.call('refs.set', { shotId: runway.id, refs: four.slice(0, 3) });
    expect(set.refs.map((r) => r.tag)).toEqual(['ref1', 'ref2', 'ref3']);

    const kling25 = await shot(p.scene, 'kling:kling-v2-5-turbo');
    await expect(t.call('refs.set', { shotId: kling25.id, refs: four.slice(0, 1) })).rejects.toThrow('takes no reference images');
    const kling16 = await shot(p.scene, 'kling:kling-v1-6');
    expect((await t.call('refs.set', { shotId: kling16.id, refs: four })).refs).toHaveLength(4);
  });

  it('refuses a fourth file dropped onto a full Runway shot, keeping the three', async () => {
    const p = await project();
    const s = await shot(p.scene, 'runway:gen4.5');
    const files = [];
    for (let i = 0; i < 4; i++) files.push({ name: `f${i}.png`, path: img.write(p.files, `f${i}.png`, await img.png(30 + i, 30)) });
    const first = await t.call('library.import', { files: files.slice(0, 3), target: { to: 'slot', shotId: s.id } });
    expect(first.added).toHaveLength(3);
    const before = stored(p.media);
    const fourth = await t.call('library.import', { files: files.slice(3), target: { to: 'slot', shotId: s.id } });
    expect(fourth.added).toEqual([]);
    expect(fourth.refused).toEqual([
      { name: 'f3.png', reason: 'Runway Gen-4.5 takes up to 3 reference images; shot 1A would have 4. Clear a slot first, or pick a model that takes more.' },
    ]);
    expect(stored(p.media)).toEqual(before);
    expect((await t.call('refs.all', {}))[s.id]!.refs.map((r) => r.name)).toEqual(['f0.png', 'f1.png', 'f2.png']);
  });

  it('puts a file dropped on a filled slot in its place, as one undo step, refusing what does not fit', async () => {
    const p = await withItems(2);
    const s = await shot(p.scene, 'runway:gen4.5');
    await t.call('refs.set', { shotId: s.id, refs: p.items.map((i) => ({ itemId: i.id })) });
    const files = [];
    for (const name of ['car.png', 'bus.png', 'van.png']) files.push({ name, path: img.write(p.files, name, await img.png(50 + files.length, 30)) });
    const summary = await t.call('library.import', { files, target: { to: 'slot', shotId: s.id, slot: 0 } });
    expect(summary.replaced).toEqual({ slot: 0, was: '@ref1', now: 'car.png' });
    expect(summary.refused).toEqual([
      { name: 'van.png', reason: 'Runway Gen-4.5 takes up to 3 reference images; shot 1A would have 4. Clear a slot first, or pick a model that takes more.' },
    ]);
    const names = async () => (await t.call('refs.all', {}))[s.id]!.refs.map((r) => r.tag ?? r.name);
    expect(await names()).toEqual(['car.png', 'bus.png', 'ref2']);
    expect((await t.call('history.state', {})).undoLabel).toBe('Replace reference in slot 1');
    await t.call('history.undo', {});
    expect(await names()).toEqual(['ref1', 'ref2']);

    // On a full shot, the file still takes the slot's place, naming a loose image by its file.
    await t.call('library.import', { files: files.slice(0, 1), target: { to: 'slot', shotId: s.id } });
    const onFull = await t.call('library.import', { files: files.slice(2), target: { to: 'slot', shotId: s.id, slot: 2 } });
    expect(onFull).toMatchObject({ refused: [], replaced: { slot: 2, was: 'car.png', now: 'van.png' } });
    expect(await names()).toEqual(['ref1', 'ref2', 'van.png']);
  });

  it('keeps references when the model changes to one with fewer, and marks the shot invalid', async () => {
    const p = await withItems(3);
    const s = await shot(p.scene, 'runway:gen4_turbo', 'ref1 and ref2');
    await t.call('refs.set', { shotId: s.id, refs: p.items.map((i) => ({ itemId: i.id })) });
    const switched = await t.call('shot.update', { id: s.id, patch: { tool: 'kling:kling-v2-5-turbo' } });
    const refs = (await t.call('refs.all', {}))[s.id];
    expect(refs!.refs).toHaveLength(3);
    const refIssues = validateShot(switched, refInfo(refs)).filter((i) => i.field === 'refs' && i.severity === 'error');
    expect(refIssues[0]?.message).toContain('takes no reference images; this shot has 3');
    // Trimming an over-full shot is allowed; growing it is not.
    expect((await t.call('refs.set', { shotId: s.id, refs: [] })).refs).toEqual([]);
  });

  it('copies slots and keyframes with a duplicated shot, in one undo step', async () => {
    const p = await withItems(3);
    const s = await shot(p.scene, 'runway:gen4_turbo', 'ref1 and ref2');
    await t.call('refs.set', { shotId: s.id, refs: p.items.slice(0, 2).map((i) => ({ itemId: i.id })) });
    await t.call('refs.setKeyframe', { shotId: s.id, which: 'start', source: { itemId: p.items[2]!.id } });
    const [copy] = await t.call('shot.duplicate', { ids: [s.id] });
    const all = await t.call('refs.all', {});
    const view = (r: (typeof all)[string] | undefined) => [r?.refs.map((x) => [x.slot, x.tag, x.imageId]), r?.start?.imageId, r?.start?.source, r?.end];
    expect(copy!.label).toBe('1B');
    expect(view(all[copy!.id])).toEqual(view(all[s.id]));
    expect(all[copy!.id]!.refs.map((x) => x.tag)).toEqual(['ref1', 'ref2']);
    await t.call('history.undo', {});
    const after = await t.call('refs.all', {});
    expect(after[copy!.id]).toBeUndefined();
    expect(view(after[s.id])).toEqual(view(all[s.id]));
  });

  it('refuses the same reference twice in one shot', async () => {
    const p = await withItems(1);
    const s = await shot(p.scene, 'runway:gen4_turbo');
    await expect(t.call('refs.set', { shotId: s.id, refs: [{ itemId: p.items[0]!.id }, { itemId: p.items[0]!.id }] })).rejects.toThrow(
      '@ref1 is in two slots of shot 1A',
    );
  });
});

describe('tags', () => {
  it('renames a tag everywhere it is used, in one undoable step', async () => {
    const p = await project();
    const item = await t.call('library.createItem', { kind: 'character', name: 'Mara', tag: 'mara' });
    const a = await shot(p.scene, 'runway:gen4.5', '@mara runs past @marathon posters');
    const b = await shot(p.scene, 'runway:gen4.5', 'Empty street');
    await t.call('shot.update', { id: b.id, patch: { prompt: { subject: '@Mara, soaked', beats: '0-2s: @mara stops' } } });
    const c = await shot(p.scene, 'runway:gen4.5', 'No one here');
    const { rewritten } = await t.call('library.updateItem', { id: item.id, patch: { tag: 'heroine' } });
    expect(rewritten).toEqual(['1A', '1B']);
    const shots = (await t.call('project.snapshot', {})).shots;
    expect(shots.find((s) => s.id === a.id)!.action).toBe('@heroine runs past @marathon posters');
    expect(shots.find((s) => s.id === b.id)!.prompt).toMatchObject({ subject: '@heroine, soaked', beats: '0-2s: @heroine stops' });
    expect(shots.find((s) => s.id === c.id)!.action).toBe('No one here');
    await t.call('history.undo', {});
    const undone = (await t.call('project.snapshot', {})).shots;
    expect(undone.find((s) => s.id === a.id)!.action).toBe('@mara runs past @marathon posters');
    expect((await t.call('library.list', {})).items[0]!.tag).toBe('mara');
  });

  it('refuses a bad or taken tag with a reason', async () => {
    await project();
    await t.call('library.createItem', { kind: 'character', name: 'Mara', tag: 'mara' });
    await expect(t.call('library.createItem', { kind: 'prop', name: 'Other', tag: '@MARA' })).rejects.toThrow(
      '@mara is already the tag of "Mara" (character). Pick another tag.',
    );
    await expect(t.call('library.createItem', { kind: 'prop', name: 'Cup', tag: 'a cup' })).rejects.toThrow('only letters, digits and _');
  });
});

describe('use and delete', () => {
  it('shows where an item is used, and deleting it clears its slots until undone', async () => {
    const p = await project();
    const sum = await t.call('library.import', {
      files: [{ name: 'mara.png', path: img.write(p.files, 'mara.png', await img.png()) }],
      target: { to: 'item', kind: 'character', name: 'Mara', tag: 'mara' },
    });
    const itemId = sum.itemsCreated[0]!.id;
    const a = await shot(p.scene, 'runway:gen4.5', '@mara waits');
    const b = await shot(p.scene, 'runway:gen4.5', 'rain');
    await t.call('refs.set', { shotId: a.id, refs: [{ itemId }] });
    await t.call('refs.setKeyframe', { shotId: b.id, which: 'start', source: { itemId } });
    const [item] = (await t.call('library.list', {})).items;
    expect(item!.usedBy.map((u) => `${u.label}:${u.as}`)).toEqual(['1A:ref', '1A:prompt', '1B:start']);
    await t.call('library.deleteItem', { id: itemId });
    expect(await t.call('refs.all', {})).toEqual({});
    await t.call('history.undo', {});
    const refs = await t.call('refs.all', {});
    expect(refs[a.id]!.refs.map((r) => r.tag)).toEqual(['mara']);
    expect(refs[b.id]!.start?.source).toBe('@mara');
  });
});

describe('keyframes', () => {
  it('sets a keyframe from a file, from a @tag, and says a take is missing', async () => {
    const p = await project();
    const a = await shot(p.scene, 'kling:kling-v2-5-turbo', 'x');
    const b = await shot(p.scene, 'kling:kling-v2-5-turbo', 'y');
    await t.call('library.import', {
      files: [{ name: 'start.jpg', path: img.write(p.files, 'start.jpg', await img.jpeg()) }],
      target: { to: 'keyframe', shotId: a.id, which: 'start' },
    });
    expect((await t.call('refs.all', {}))[a.id]!.start).toMatchObject({ source: 'start.jpg', width: 64, height: 48 });
    const item = await t.call('library.import', {
      files: [{ name: 'end.png', path: img.write(p.files, 'end.png', await img.png()) }],
      target: { to: 'item', kind: 'location', name: 'Diner', tag: 'diner' },
    });
    const set = await t.call('refs.setKeyframe', { shotId: a.id, which: 'end', source: { itemId: item.itemsCreated[0]!.id } });
    expect(set.end?.source).toBe('@diner');
    await expect(t.call('refs.setKeyframe', { shotId: a.id, which: 'start', source: { fromShotId: b.id, frame: 'last' } })).rejects.toThrow(
      'shot 1B has no take yet',
    );
    const cleared = await t.call('refs.setKeyframe', { shotId: a.id, which: 'end', source: null });
    expect(cleared.end).toBeNull();
  });

  it('prices every shot from its own images, read for all shots at once', async () => {
    const p = await project();
    const framed = await shot(p.scene, 'runway:gen4_turbo', 'x');
    const bare = await shot(p.scene, 'runway:gen4_turbo', 'y');
    const referenced = await shot(p.scene, 'runway:gen4_image', 'z');
    await t.call('library.import', {
      files: [{ name: 'start.jpg', path: img.write(p.files, 'start.jpg', await img.jpeg()) }],
      target: { to: 'keyframe', shotId: framed.id, which: 'start' },
    });
    const item = await t.call('library.import', {
      files: [{ name: 'mara.png', path: img.write(p.files, 'mara.png', await img.png()) }],
      target: { to: 'item', kind: 'character', name: 'Mara', tag: 'mara' },
    });
    await t.call('refs.set', { shotId: referenced.id, refs: [{ itemId: item.itemsCreated[0]!.id }] });

    const repo = jobsRepo(t.core.session.current!.project.db);
    const all = repo.imagesByShot();
    for (const s of [framed, bare, referenced]) expect(all.get(s.id) ?? []).toEqual(repo.shotImages(s.id));
    expect([...all.keys()].sort()).toEqual([framed.id, referenced.id].sort());
    // Gen-4 Turbo animates the start keyframe it has; without one it makes a frame first.
    const plan = await t.call('cost.plan', {});
    expect(plan.shots[framed.id]).toMatchObject({ takeUsd: 0.25, frameUsd: 0 });
    expect(plan.shots[bare.id]).toMatchObject({ takeUsd: 0.3, frameUsd: 0.05 });
  });
});

describe('keyframes from a take', () => {
  it('takes the first or last frame of the previous shot’s take', async () => {
    const p = await project();
    const a = await shot(p.scene, 'kling:kling-v2-5-turbo', 'x');
    const b = await shot(p.scene, 'kling:kling-v2-5-turbo', 'y');
    const clip = await makeClip(path.join(p.dir, 'clip.mp4'), { width: 320, height: 180, durationS: 1 });
    await insertTake(
      t.core.session.current!.project,
      (await t.call('project.snapshot', {})).shots.find((s) => s.id === a.id)!,
      clip,
    );
    const last = await t.call('refs.setKeyframe', { shotId: b.id, which: 'start', source: { fromShotId: a.id, frame: 'last' } });
    expect(last.start).toMatchObject({ source: 'shot 1A, last frame', width: 320, height: 180 });
    const first = await t.call('refs.setKeyframe', { shotId: b.id, which: 'end', source: { fromShotId: a.id, frame: 'first' } });
    // testsrc2 moves every frame, so the two frames are different images.
    expect(first.end!.imageId).not.toBe(first.start!.imageId);
    expect(first.end!.thumbSha256).not.toBe(first.start!.thumbSha256);
    expect((await t.call('history.state', {})).undoLabel).toBe('Set end keyframe');
  });
});

describe('send-time images', () => {
  it('crops to the ratio and fits Runway’s size, never upscaling', async () => {
    const p = await project();
    const files = [
      { name: 'big.jpg', path: img.write(p.files, 'big.jpg', await img.photoJpeg(4000, 3000)) },
      { name: 'small.png', path: img.write(p.files, 'small.png', await img.png(400, 300)) },
    ];
    const { added } = await t.call('library.import', { files, target: { to: 'items', kind: 'location' } });
    const big = await t.call('library.sendPreview', { imageId: added[0]!.imageId, tool: 'runway:gen4_turbo', ratio: '16:9' });
    expect([big.width, big.height, big.short]).toEqual([1280, 720, false]);
    const square = await t.call('library.sendPreview', { imageId: added[0]!.imageId, tool: 'runway:gen4_turbo', ratio: '1:1' });
    expect([square.width, square.height]).toEqual([720, 720]);
    const small = await t.call('library.sendPreview', { imageId: added[1]!.imageId, tool: 'runway:gen4_turbo', ratio: '16:9' });
    expect([small.width, small.height, small.short]).toEqual([400, 225, true]);
    expect(small.notes[0]).toContain('not upscaled');
    await expect(t.call('library.sendPreview', { imageId: added[1]!.imageId, tool: 'kling:kling-v1-6', ratio: '16:9' })).rejects.toThrow(
      'small.png is 400 × 225 px after the 16:9 crop; Kling 1.6 needs at least 300 px on each side.',
    );
  });

  it('follows the focus rectangle set for that ratio', async () => {
    const p = await project();
    // Left half red, right half blue, 200 × 100.
    const left = await sharp({ create: { width: 100, height: 100, channels: 3, background: '#ff0000' } })
      .png()
      .toBuffer();
    const two = await sharp({ create: { width: 200, height: 100, channels: 3, background: '#0000ff' } })
      .composite([{ input: left, left: 0, top: 0 }])
      .png()
      .toBuffer();
    const { added } = await t.call('library.import', {
      files: [{ name: 'two.png', path: img.write(p.files, 'two.png', two) }],
      target: { to: 'items', kind: 'prop' },
    });
    const id = added[0]!.imageId;
    const colour = async () => {
      const r = await t.call('library.sendPreview', { imageId: id, tool: 'runway:gen4_turbo', ratio: '1:1' });
      const { data } = await sharp(Buffer.from(r.dataUrl.split(',')[1]!, 'base64'))
        .resize(1, 1)
        .raw()
        .toBuffer({ resolveWithObject: true });
      return data[0]! > data[2]! ? 'red' : 'blue';
    };
    await t.call('library.setFocus', { imageId: id, ratio: '1:1', rect: { x: 0, y: 0, w: 0.5, h: 1 } });
    expect(await colour()).toBe('red');
    const fitted = await t.call('library.setFocus', { imageId: id, ratio: '1:1', rect: { x: 0.6, y: 0, w: 0.5, h: 1 } });
    expect(fitted).toEqual({ x: 0.5, y: 0, w: 0.5, h: 1 });
    expect(await colour()).toBe('blue');
    expect((await t.call('library.list', {})).items[0]!.images[0]!.focus['1:1']).toEqual(fitted);
    // The same crop sent again is the same stored file, not a new one.
    const before = stored(p.media);
    await colour();
    expect(stored(p.media)).toEqual(before);
  });

  it('gives the generation request every image of a shot, cropped, sized and tagged', async () => {
    const p = await project();
    const s = await shot(p.scene, 'runway:gen4_turbo', '@mara at the @diner');
    const add = async (name: string, tag: string, w: number, h: number) =>
      (
        await t.call('library.import', {
          files: [{ name, path: img.write(p.files, name, await img.photoJpeg(w, h)) }],
          target: { to: 'item', kind: 'character', name: tag, tag },
        })
      ).itemsCreated[0]!.id;
    const mara = await add('mara.jpg', 'mara', 2000, 2000);
    const diner = await add('diner.jpg', 'diner', 3000, 1000);
    await t.call('refs.set', { shotId: s.id, refs: [{ itemId: mara }, { itemId: diner }] });
    await t.call('refs.setKeyframe', { shotId: s.id, which: 'start', source: { itemId: diner } });
    const open = t.core.session.current!.project;
    const sent = await sendImagesForShot(open.db, open.folder, open.timeline.shot(s.id)!);
    expect(sent.references.map((r) => [r.tag, r.width, r.height, r.mime])).toEqual([
      ['mara', 1280, 720, 'image/jpeg'],
      ['diner', 1280, 720, 'image/jpeg'],
    ]);
    expect([sent.startFrame?.width, sent.startFrame?.height]).toEqual([1280, 720]);
    expect(sent.endFrame).toBeNull();
    const meta = await sharp(sent.references[0]!.path).metadata();
    expect([meta.width, meta.height]).toEqual([1280, 720]);
    expect(sent.references[0]!.relPath.startsWith('media/')).toBe(true);
  });
});

describe('send-time images in generation', () => {
  it('refuses to queue, in plain words, when a stored image is damaged, and queues nothing', async () => {
    const p = await project();
    const s = await shot(p.scene, 'local:animatic', '@mara waits');
    const added = (
      await t.call('library.import', {
        files: [{ name: 'mara.jpg', path: img.write(p.files, 'mara.jpg', await img.photoJpeg(800, 600)) }],
        target: { to: 'item', kind: 'character', name: 'Mara', tag: 'mara' },
      })
    ).added[0]!;
    await t.call('refs.setKeyframe', { shotId: s.id, which: 'start', source: { itemId: added.itemId! } });
    const working = (await t.call('library.list', {})).items[0]!.images[0]!;
    const file = stored(p.media).find((f) => f.includes(working.imageSha256))!;
    fs.writeFileSync(path.join(p.media, file), 'not an image any more');
    await expect(t.call('generate.takes', { shotIds: [s.id], takes: 1 })).rejects.toThrow(
      /^user: mara\.jpg could not be read from the project's media folder \(.+\)\. Import the image again\.$/,
    );
    expect(await t.call('jobs.list', {})).toEqual([]);
  });

  it('freezes the cropped, scaled images in the queued job and sends those to the provider', async () => {
    const fake = await startRunwayFake({ apiKey: 'rw_send_test_key_0123456789' });
    try {
      const p = await project();
      await t.call('settings.setKey', { provider: 'runway', values: { RUNWAYML_API_SECRET: 'rw_send_test_key_0123456789' } });
      await t.call('settings.setBaseUrl', { provider: 'runway', baseUrl: fake.url });
      const s = await shot(p.scene, 'runway:gen4_turbo', '@mara at the @diner');
      // Mara: 400 × 100, left half red, right half blue; her 16:9 focus is on the blue side.
      const red = await sharp({ create: { width: 200, height: 100, channels: 3, background: '#ff0000' } })
        .png()
        .toBuffer();
      const mara = await sharp({ create: { width: 400, height: 100, channels: 3, background: '#0000ff' } })
        .composite([{ input: red, left: 0, top: 0 }])
        .png()
        .toBuffer();
      const add = async (name: string, tag: string, bytes: Buffer) =>
        (
          await t.call('library.import', {
            files: [{ name, path: img.write(p.files, name, bytes) }],
            target: { to: 'item', kind: 'character', name: tag, tag },
          })
        ).added[0]!;
      const m = await add('mara.png', 'mara', mara);
      const d = await add('diner.jpg', 'diner', await img.photoJpeg(3000, 1000));
      await t.call('library.setFocus', { imageId: m.imageId, ratio: '16:9', rect: { x: 0.5, y: 0, w: 0.5, h: 1 } });
      await t.call('refs.set', { shotId: s.id, refs: [{ itemId: m.itemId! }, { itemId: d.itemId! }] });

      const { jobIds } = await t.call('generate.takes', { shotIds: [s.id], takes: 1 });
      const open = t.core.session.current!.project;
      const snap = JSON.parse(jobsRepo(open.db).get(jobIds[0]!)!.request_json) as RequestSnapshot;
      const working = (await t.call('library.list', {})).items.map((i) => i.images[0]!);
      expect(snap.references.map((r) => [r.tag, r.width, r.height])).toEqual([
        ['mara', 178, 100],
        ['diner', 1280, 720],
      ]);
      for (const r of snap.references) expect(working.some((w) => r.relPath.includes(w.imageSha256))).toBe(false);

      // Refocusing after queueing does not change what the queued take sends.
      await t.call('library.setFocus', { imageId: m.imageId, ratio: '16:9', rect: { x: 0, y: 0, w: 0.5, h: 1 } });
      while (!fake.requests.some((r) => r.path === '/v1/text_to_image')) await new Promise((r) => setTimeout(r, 20));
      const body = fake.requests.find((r) => r.path === '/v1/text_to_image')!.body as { referenceImages: Array<{ uri: string; tag: string }> };
      const sent = await Promise.all(
        body.referenceImages.map(async (r) => {
          const bytes = Buffer.from(r.uri.split(',')[1]!, 'base64');
          const meta = await sharp(bytes).metadata();
          const { data } = await sharp(bytes).resize(1, 1).raw().toBuffer({ resolveWithObject: true });
          return [r.tag, meta.width, meta.height, data[2]! > data[0]! ? 'blue' : 'not blue'];
        }),
      );
      expect(sent).toEqual([
        ['mara', 178, 100, 'blue'],
        ['diner', 1280, 720, 'not blue'],
      ]);
    } finally {
      await fake.close();
    }
  });
});
