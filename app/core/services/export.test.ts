// The export channels through the contract, on a project with no takes at all (placeholders
// only): progress, the "exists — replace?" code, cancel, the shot list and the storyboard on their
// own, "Show in folder", and the round trip — export, edit the FCPXML as an editor would, preview,
// apply as one step, undo.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EXPORT_EXISTS, type ResolveExportProgress } from '../../../shared/domain/resolveExport';
import { SHOT_LIST_COLUMNS } from '../export/formats/csv';
import { csvRows } from '../export/tools.testkit';
import { testCore } from '../testing/core.testkit';
import { useTmpDir } from '../testing/tmp.testkit';

const tmp = useTmpDir('shotline-export-svc-');
let t: ReturnType<typeof testCore>;
afterEach(() => t?.close());

/** 1A 1B 1C in scene 1, 2A 2B in scene 2: one second each, the title full of trouble. */
async function project() {
  const dir = tmp();
  t = testCore(dir);
  await t.call('project.create', { parentDir: path.join(dir, 'projects'), title: 'Round/Trip: "Ö"' });
  const scene1 = (await t.call('project.snapshot', {})).scenes[0]!.id;
  for (let i = 0; i < 3; i++) await t.call('shot.add', { sceneId: scene1 });
  const scene2 = await t.call('scene.add', {});
  for (let i = 0; i < 2; i++) await t.call('shot.add', { sceneId: scene2.id });
  const { shots } = await t.call('project.snapshot', {});
  await t.call('shot.updateMany', { ids: shots.map((s) => s.id), patch: { durationS: 1 } });
  const out = path.join(dir, 'exports');
  fs.mkdirSync(out);
  return { dir, out };
}
const order = async () => (await t.call('project.snapshot', {})).shots.map((s) => `${s.label}:${s.durationS}`);

describe('export channels', () => {
  it('exports, asks before replacing, and reports progress step by step', async () => {
    const { out } = await project();
    const info = await t.call('export.info', {});
    expect(info).toMatchObject({ width: 1920, height: 1080, fps: 24, folderName: 'Round_Trip_O_Resolve' });
    const summary = await t.call('export.resolve', { exportId: 'e1', outDir: out, format: 'h264', fit: 'letterbox', alternates: false });
    expect(summary).toMatchObject({ shots: 5, takes: 0, placeholders: 5, folder: path.join(out, 'Round_Trip_O_Resolve') });
    const progress = t.events.filter((e) => e.event === 'export.progress').map((e) => e.payload as ResolveExportProgress);
    expect(new Set(progress.map((p) => p.step))).toEqual(new Set(['prepare', 'media', 'timelines', 'metadata', 'storyboard', 'manifest', 'finish']));
    expect(progress.some((p) => p.detail.includes('Placeholders/SC01_SH010_PH.mp4'))).toBe(true);
    expect(progress.at(-1)!.fraction).toBe(1);

    const again = await t.core.handle('export.resolve', { exportId: 'e2', outDir: out, format: 'h264', fit: 'letterbox', alternates: false });
    expect(again).toMatchObject({ ok: false, error: { kind: 'user', code: EXPORT_EXISTS } });
    const replaced = await t.call('export.resolve', { exportId: 'e3', outDir: out, format: 'h264', fit: 'crop', alternates: false, replace: true });
    expect(replaced.folder).toBe(summary.folder);
  });

  it('cancels an export and leaves nothing behind', async () => {
    const { out } = await project();
    t.core.on((event, payload) => {
      if (event === 'export.progress' && (payload as ResolveExportProgress).step === 'media') void t.call('export.cancel', { exportId: 'c1' });
    });
    const r = await t.core.handle('export.resolve', { exportId: 'c1', outDir: out, format: 'h264', fit: 'letterbox', alternates: false });
    expect(r).toMatchObject({ ok: false, error: { kind: 'user', message: expect.stringMatching(/canceled/) } });
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('writes the storyboard PDF on its own, and says where it is when the host cannot show it', async () => {
    const { out } = await project();
    const r = await t.call('export.storyboard', { path: out, perPage: 6 });
    // Six a page: scene 1's three shots on one row, scene 2's two on the next; one page and the cover.
    expect(r).toEqual({ path: path.join(out, 'Round_Trip_O_storyboard.pdf'), pages: 2, shots: 5 });
    expect(await t.core.handle('export.storyboard', { path: out, perPage: 4 as 6 })).toMatchObject({ ok: false });
    expect(await t.core.handle('app.showInFolder', { path: r.path })).toMatchObject({
      ok: false,
      error: { kind: 'user', message: `This window cannot open a file manager. The file is at ${r.path}` },
    });
    expect(await t.core.handle('app.showInFolder', { path: path.join(out, 'gone.pdf') })).toMatchObject({
      ok: false,
      error: { kind: 'user', message: expect.stringMatching(/is no longer there: it was moved or deleted/) },
    });
  });

  it('asks the host to show a file in its folder', async () => {
    const shown: string[] = [];
    const dir = tmp();
    t = testCore(dir, { showInFolder: async (file) => void shown.push(file) });
    const file = path.join(dir, 'board.pdf');
    fs.writeFileSync(file, '');
    await t.call('app.showInFolder', { path: file });
    expect(shown).toEqual([file]);
  });

  it('writes the shot list on its own, before any take exists', async () => {
    const { out } = await project();
    const r = await t.call('export.shotList', { path: out });
    expect(r).toEqual({ path: path.join(out, 'Round_Trip_O_shotlist.csv'), shots: 5 });
    const rows = csvRows(fs.readFileSync(r.path, 'utf8'));
    expect(rows[0]).toEqual([...SHOT_LIST_COLUMNS]);
    expect(rows.map((row) => row[1])).toEqual(['Shot', '1A', '1B', '1C', '2A', '2B']);
    await expect(t.call('export.shotList', { path: path.join(out, 'nope', 'x.csv') })).rejects.toThrow(/does not exist/);
  });

  it('round-trips: an edit that swaps two clips and trims one is previewed, applied in one step, and undone', async () => {
    const { dir, out } = await project();
    const { fcpxml } = await t.call('export.resolve', { exportId: 'r1', outDir: out, format: 'h264', fit: 'letterbox', alternates: false });
    // The editor swaps 1A and 1B, and trims 2A from 24 to 12 frames.
    let xml = fs.readFileSync(fcpxml, 'utf8');
    const clips = [...xml.matchAll(/<asset-clip [\s\S]*?<\/asset-clip>/g)].map((m) => m[0]);
    const trimmed = clips[3]!.replace(/duration="[^"]+"/, 'duration="12/24s"');
    xml = xml
      .replace(clips[0]!, '@0')
      .replace(clips[1]!, '@1')
      .replace(clips[3]!, '@3')
      .replace('@0', clips[1]!)
      .replace('@1', clips[0]!)
      .replace('@3', trimmed);
    const edited = path.join(dir, 'edited.fcpxml');
    fs.writeFileSync(edited, xml);

    const before = await order();
    const preview = await t.call('cut.importPreview', { path: edited });
    expect(preview.clips).toBe(5);
    expect(preview.unchanged).toBe(false);
    expect(preview.diff.reordered.map((r) => r.label)).toEqual(['1B']);
    expect(preview.diff.durations).toMatchObject([{ label: '2A', beforeFrames: 24, afterFrames: 12, deltaSeconds: -0.5 }]);
    expect([preview.diff.removed, preview.diff.unknown]).toEqual([[], []]);
    expect(await order()).toEqual(before);

    const history = (await t.call('history.state', {})).undoLabel;
    const result = await t.call('cut.importApply', { path: edited });
    expect(result).toEqual({ moved: 1, durations: 1, removed: [] });
    expect(await order()).toEqual(['1B:1', '1A:1', '1C:1', '2A:0.5', '2B:1']);
    expect((await t.call('history.state', {})).undoLabel).toBe('Apply cut from Resolve');

    await t.call('history.undo', {});
    expect(await order()).toEqual(before);
    expect((await t.call('history.state', {})).undoLabel).toBe(history);

    // The previewed diff can be applied as it is, too.
    await t.call('cut.importApply', { diff: preview.diff });
    expect(await order()).toEqual(['1B:1', '1A:1', '1C:1', '2A:0.5', '2B:1']);
  }, 120_000);

  it('reports shots the edit dropped and clips it does not know, and deletes nothing', async () => {
    const { dir } = await project();
    const edl = [
      'TITLE: EDIT',
      'FCM: NON-DROP FRAME',
      '',
      '001  AX       V     C        02:01:00:00 02:01:01:00 01:00:00:00 01:00:01:00',
      '* FROM CLIP NAME:  SC01_SH020_PH.mp4',
      '002  AX       V     C        00:00:00:00 00:00:02:00 01:00:01:00 01:00:03:00',
      '* FROM CLIP NAME:  B-roll rain.mov',
      '003  AX       V     C        02:00:00:00 02:00:01:00 01:00:03:00 01:00:04:00',
      '* FROM CLIP NAME:  SC01_SH010_PH.mp4',
      '',
    ].join('\n');
    fs.writeFileSync(path.join(dir, 'back.edl'), edl);
    const preview = await t.call('cut.importPreview', { path: path.join(dir, 'back.edl') });
    expect(preview.diff.removed.map((r) => r.label)).toEqual(['1C', '2A', '2B']);
    expect(preview.diff.unknown).toMatchObject([{ name: 'B-roll rain.mov', durationFrames: 48 }]);
    const result = await t.call('cut.importApply', { path: path.join(dir, 'back.edl') });
    expect(result.removed.map((r) => r.label)).toEqual(['1C', '2A', '2B']);
    // Kept shots in the edit's order; dropped ones stay after the shot they followed (applyCutDiff).
    expect(await order()).toEqual(['1B:1', '1C:1', '2A:1', '2B:1', '1A:1']);
    await expect(t.call('cut.importPreview', { path: path.join(dir, 'missing.fcpxml') })).rejects.toThrow(/There is no file/);
  });
});
