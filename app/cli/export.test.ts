import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHOT_LIST_COLUMNS } from '../core/export/formats/csv';
import { csvRows } from '../core/export/tools.testkit';
import { makeProject, shot } from '../core/jobs/jobs.testkit';
import { useTmpDir } from '../core/testing/tmp.testkit';
import { cli } from './cli.testkit';

const tmp = useTmpDir('shotline-cli-export-');

/** A project of three one-second shots with no takes; returns its folder. */
function project(dir: string): string {
  const p = makeProject(dir);
  for (const label of ['1A', '1B', '1C']) shot(p, { label, durationS: 1, action: `Action ${label}` });
  const folder = p.folder;
  p.close();
  return folder;
}
const lastLine = (text: string) => text.trimEnd().split('\n').at(-1);

describe('shotline export', () => {
  it('writes the shot list on its own, before any take exists', async () => {
    const cwd = tmp();
    const folder = project(cwd);
    const r = await cli(['export', folder, '--shotlist', 'list.csv'], { cwd });
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toBe(`Wrote the shot list (3 shots) to ${path.join(cwd, 'list.csv')}\n`);
    const rows = csvRows(fs.readFileSync(path.join(cwd, 'list.csv'), 'utf8'));
    expect(rows[0]).toEqual([...SHOT_LIST_COLUMNS]);
    expect(rows.slice(1).map((row) => row[1])).toEqual(['1A', '1B', '1C']);
  });

  it('writes OUT/<Title>_Resolve and prints its path last; refuses to overwrite it without --replace', async () => {
    const cwd = tmp();
    const folder = project(cwd);
    fs.mkdirSync(path.join(cwd, 'out'));
    const r = await cli(['export', folder, '--resolve', 'out'], { cwd });
    expect(r).toMatchObject({ code: 0, err: '' });
    const target = path.join(cwd, 'out', 'Jobs_test_Resolve');
    expect(lastLine(r.out)).toBe(target);
    expect(r.out).toContain('Exported 3 shots for DaVinci Resolve (0 takes, 3 placeholders): 1920x1080, 24 fps, H.264 MP4.');
    expect(fs.existsSync(path.join(target, 'Jobs_test.fcpxml'))).toBe(true);

    const again = await cli(['export', folder, '--resolve', 'out', '--format', 'prores'], { cwd });
    expect(again.code).toBe(1);
    expect(again.err).toBe(`shotline: "${target}" already exists. Add --replace to replace it, or choose another --resolve folder.\n`);
    const replaced = await cli(['export', folder, '--resolve', 'out', '--format', 'prores', '--fit', 'crop', '--replace'], { cwd });
    expect(replaced.code).toBe(0);
    expect(fs.readdirSync(path.join(target, 'Placeholders'))).toEqual(['SC01_SH010_PH.mov', 'SC01_SH020_PH.mov', 'SC01_SH030_PH.mov']);
  }, 300_000);

  it('says what is missing or wrong in its options', async () => {
    const cwd = tmp();
    const folder = project(cwd);
    expect((await cli(['export', folder], { cwd })).err).toMatch(/^shotline: export needs --resolve OUT, --shotlist FILE, or both/);
    expect((await cli(['export', folder, '--resolve', cwd, '--format', 'avi'], { cwd })).err).toBe('shotline: --format must be one of h264, dnxhr, prores\n');
    expect((await cli(['export', folder, '--resolve', 'nowhere'], { cwd })).err).toMatch(/does not exist/);
  });
});

describe('shotline import-cut', () => {
  it('prints the diff of an edit from Resolve, and applies it with --apply', async () => {
    const cwd = tmp();
    const folder = project(cwd);
    const edl = [
      'TITLE: EDIT',
      'FCM: NON-DROP FRAME',
      '',
      '001  AX       V     C        02:01:00:00 02:01:00:12 01:00:00:00 01:00:00:12',
      '* FROM CLIP NAME:  SC01_SH020_PH.mp4',
      '002  AX       V     C        02:00:00:00 02:00:01:00 01:00:00:12 01:00:01:12',
      '* FROM CLIP NAME:  SC01_SH010_PH.mp4',
      '003  AX       V     C        00:00:00:00 00:00:01:00 01:00:01:12 01:00:02:12',
      '* FROM CLIP NAME:  Rain.mov',
      '',
    ].join('\n');
    fs.writeFileSync(path.join(cwd, 'edit.edl'), edl);
    const preview = await cli(['import-cut', folder, 'edit.edl'], { cwd });
    expect(preview.code).toBe(0);
    expect(preview.out).toBe(
      [
        'edit.edl: 3 clips on the main track.',
        'Reordered (1):',
        '  1B: from place 2 to 1',
        'Trimmed or lengthened (1):',
        '  1B: 1.00 s -> 0.50 s (-0.50 s)',
        'Not in the edit (kept; delete them yourself if you mean to) (1):',
        '  1C',
        'Clips Shotline does not know (ignored) (1):',
        '  #3 Rain.mov (1.00 s)',
        'Run again with --apply to apply the order and lengths.',
        '',
      ].join('\n'),
    );
    const applied = await cli(['import-cut', folder, 'edit.edl', '--apply'], { cwd });
    expect(lastLine(applied.out)).toBe('Applied: 1 shot moved, 1 length changed.');
    const list = JSON.parse((await cli(['list', folder, '--json'], { cwd })).out) as { shots: Array<{ label: string; durationS: number }> };
    // 1C, dropped by the edit, is kept after the shot it followed (applyCutDiff).
    expect(list.shots.map((s) => `${s.label}:${s.durationS}`)).toEqual(['1B:0.5', '1C:1', '1A:1']);
  });
});

describe('shotline demo', () => {
  it('ends by writing the Resolve folder of the sample project and printing its path', async () => {
    const cwd = tmp();
    const r = await cli(['demo', '--no-render'], { cwd });
    expect(r).toMatchObject({ code: 0, err: '' });
    const target = path.join(cwd, 'Night_Diner_Resolve');
    expect(lastLine(r.out)).toBe(target);
    expect(fs.readdirSync(path.join(target, 'Placeholders'))).toHaveLength(12);
    expect(fs.existsSync(path.join(target, 'Night_Diner.fcpxml'))).toBe(true);
  }, 600_000);
});
