import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../core/testing/tmp.testkit';
import { cli, cliFilm, writeFile } from './cli.testkit';

const tmp = useTmpDir('shotline-versions-');

const plan = (...actions: string[]) => ({ scenes: [{ shots: actions.map((action) => ({ action, durationS: 3, tool: 'local:animatic' })) }] });
const actions = async (cwd: string, dir: string) =>
  JSON.parse((await cli(['list', dir, '--json'], { cwd })).out).shots.map((s: { action: string }) => s.action);

describe('shotline versions', () => {
  it('saves and lists versions, restores one in place (saving the present first) and as a new project', async () => {
    const cwd = tmp();
    await cliFilm(cwd, plan('Mara waits'));
    expect((await cli(['versions', 'film.shotline'], { cwd })).out).toBe('No versions yet. Save one with: shotline versions film.shotline --save NAME\n');

    const saved = await cli(['versions', 'film.shotline', '--save', 'First cut', '--json'], { cwd });
    expect(saved).toMatchObject({ code: 0, err: '' });
    const first = JSON.parse(saved.out);
    expect(first).toMatchObject({ name: 'First cut', auto: false, shots: 1, scenes: 1 });
    expect((await cli(['import', 'film.shotline', writeFile(cwd, 'more.json', plan('Dee leaves'))], { cwd })).code).toBe(0);

    const restored = await cli(['versions', 'film.shotline', '--restore', first.id], { cwd });
    expect(restored).toMatchObject({ code: 0, err: '' });
    expect(restored.out).toMatch(
      /^Restored "First cut" \(1 shot in 1 scene\)\. Takes and jobs were kept\.\nThe project as it was is saved as version [0-9a-f]{8};/,
    );
    expect(await actions(cwd, 'film.shotline')).toEqual(['Mara waits']);

    const { versions } = JSON.parse((await cli(['versions', 'film.shotline', '--json'], { cwd })).out);
    expect(versions.map((v: { name: string; auto: boolean; shots: number }) => [v.name, v.auto, v.shots])).toEqual([
      ['Before restoring “First cut”', true, 2],
      ['First cut', false, 1],
    ]);
    const table = (await cli(['versions', 'film.shotline'], { cwd })).out.split('\n');
    expect(table[0]).toMatch(/^Id\s+Saved\s+Name\s+Shots\s+Scenes\s+Size$/);
    expect(table[2]).toMatch(
      new RegExp(`^${versions[0].id}\\s+\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d\\s+Before restoring “First cut” \\(auto\\)\\s+2\\s+2\\s+\\d+ KB$`),
    );

    const made = await cli(['versions', 'film.shotline', '--restore', versions[0].id, '--as-new'], { cwd });
    expect(made).toMatchObject({ code: 0, err: '' });
    const copy = path.join(cwd, 'film (Before restoring “First cut”).shotline');
    expect(made.out).toBe(`Made "film (Before restoring “First cut”)" from version "Before restoring “First cut”" (2 shots in 2 scenes):\n  ${copy}\n`);
    expect(await actions(cwd, copy)).toEqual(['Mara waits', 'Dee leaves']);
    expect(await actions(cwd, 'film.shotline')).toEqual(['Mara waits']);
    expect(fs.existsSync(path.join(copy, 'versions'))).toBe(false);
  });

  it('says what to do with an unknown id or a lone --as-new, and changes nothing', async () => {
    const cwd = tmp();
    await cliFilm(cwd, plan('Mara waits'));
    expect(await cli(['versions', 'film.shotline', '--restore', 'abcd0123'], { cwd })).toEqual({
      code: 1,
      out: '',
      err: 'shotline: This project has no version "abcd0123"; it may have been deleted. List the versions again and choose one of them.\n',
    });
    expect(await cli(['versions', 'film.shotline', '--as-new'], { cwd })).toMatchObject({
      code: 1,
      err: 'shotline: versions: --as-new goes with --restore ID; see the ids with: shotline versions film.shotline\n',
    });
    expect(fs.existsSync(path.join(cwd, 'film.shotline', 'versions'))).toBe(false);
  });
});
