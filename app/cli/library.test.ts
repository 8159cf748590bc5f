import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as img from '../core/library/images.testkit';
import { makeClip } from '../core/media/clips.testkit';
import { insertTake } from '../core/takes/takes.testkit';
import { openProject } from '../core/project/project';
import { useTmpDir } from '../core/testing/tmp.testkit';
import { cli, cliFilm } from './cli.testkit';

const tmp = useTmpDir('shotline-cli-lib-');

const shots = {
  title: 'Night Diner',
  scenes: [
    {
      name: 'INT. DINER',
      shots: [
        { label: '1A', action: '@mara walks into @diner', durationS: 5, tool: 'runway:gen4_turbo', camera: 'push_in' },
        { label: '1B', action: 'Dee looks up', durationS: 5, tool: 'kling:kling-v2-5-turbo', camera: 'static' },
      ],
    },
  ],
};

async function film() {
  const cwd = tmp();
  await cliFilm(cwd, shots);
  return cwd;
}

const listJson = async (cwd: string) => JSON.parse((await cli(['library', 'list', 'film.shotline', '--json'], { cwd })).out);

describe('shotline library add', () => {
  it('adds the good files, names each refused one with why, and exits 1', async () => {
    const cwd = await film();
    img.write(cwd, 'front.jpg', await img.orientation6());
    img.write(cwd, 'side.png', await img.png(50, 40));
    img.write(cwd, 'notes.png', 'this is text');
    img.write(cwd, 'cut.jpg', await img.truncatedJpeg());
    const r = await cli(
      ['library', 'add', 'film.shotline', '--kind', 'character', '--name', 'Mara', '--tag', 'mara', 'front.jpg', 'side.png', 'notes.png', 'cut.jpg'],
      { cwd },
    );
    expect(r.code).toBe(1);
    expect(r.out).toContain('added    front.jpg  30×40  @mara');
    expect(r.out).toContain('2 images added to @mara.');
    const errLines = r.err.trim().split('\n');
    expect(errLines).toHaveLength(3);
    expect(errLines[0]).toBe('shotline: notes.png: a text file, not an image. Shotline takes JPEG, PNG, WebP, TIFF or HEIC images.');
    expect(errLines[1]).toMatch(/^shotline: cut\.jpg: the JPEG is damaged or cut short/);
    expect(errLines[2]).toBe('shotline: 2 of 4 files refused; the others were added.');
  });

  it('adds to the item when the tag exists, and creates nothing when every file is refused', async () => {
    const cwd = await film();
    img.write(cwd, 'a.jpg', await img.jpeg());
    img.write(cwd, 'b.png', await img.png());
    img.write(cwd, 'bad.png', '');
    expect((await cli(['library', 'add', 'film.shotline', '--name', 'Mara', '--tag', 'mara', 'a.jpg'], { cwd })).code).toBe(0);
    expect((await cli(['library', 'add', 'film.shotline', '--tag', '@mara', 'b.png'], { cwd })).code).toBe(0);
    const failed = await cli(['library', 'add', 'film.shotline', '--name', 'Ghost', '--tag', 'ghost', 'bad.png'], { cwd });
    expect(failed.code).toBe(1);
    expect(failed.err).toContain('bad.png: the file is empty (0 bytes).');
    expect(failed.err).toContain('nothing was changed');
    const json = await listJson(cwd);
    expect(json.items.map((i: { tag: string; images: unknown[] }) => [i.tag, i.images.length])).toEqual([['mara', 2]]);
  });

  it('refuses a bad kind or tag before touching anything', async () => {
    const cwd = await film();
    img.write(cwd, 'a.jpg', await img.jpeg());
    const kind = await cli(['library', 'add', 'film.shotline', '--kind', 'actor', '--name', 'X', 'a.jpg'], { cwd });
    expect(kind).toMatchObject({ code: 1, err: 'shotline: --kind must be character, location, prop, style; got "actor".\n' });
    const tag = await cli(['library', 'add', 'film.shotline', '--name', 'X', '--tag', '1xy', 'a.jpg'], { cwd });
    expect(tag.code).toBe(1);
    expect(tag.err).toContain('must start with a letter');
    expect((await listJson(cwd)).items).toEqual([]);
  });
});

describe('shotline library list', () => {
  it('prints the documented JSON with sizes after orientation and who uses each item', async () => {
    const cwd = await film();
    img.write(cwd, 'mara.jpg', await img.orientation6());
    img.write(cwd, 'diner.png', await img.png(80, 40));
    await cli(['library', 'add', 'film.shotline', '--name', 'Mara', '--tag', 'mara', 'mara.jpg'], { cwd });
    await cli(['library', 'add', 'film.shotline', '--kind', 'location', '--name', 'Diner', '--tag', 'diner', 'diner.png'], { cwd });
    const json = await listJson(cwd);
    expect(Object.keys(json)).toEqual(['items']);
    const [mara, diner] = json.items;
    expect(Object.keys(mara)).toEqual(['tag', 'kind', 'name', 'voice', 'usedBy', 'images']);
    expect(mara).toMatchObject({ tag: 'mara', kind: 'character', name: 'Mara', usedBy: ['1A'] });
    expect(Object.keys(mara.images[0])).toEqual(['sha256', 'width', 'height', 'path']);
    expect([mara.images[0].width, mara.images[0].height]).toEqual([30, 40]);
    expect(fs.existsSync(mara.images[0].path)).toBe(true);
    expect(mara.images[0].path.startsWith(path.join(cwd, 'film.shotline', 'media'))).toBe(true);
    expect(diner).toMatchObject({ tag: 'diner', kind: 'location', usedBy: ['1A'] });
    const table = await cli(['library', 'list', 'film.shotline'], { cwd });
    expect(table.out).toMatch(/@mara\s+character\s+Mara\s+1\s+1A/);
  });
});

describe('shotline refs set', () => {
  it('fills the slots in order, notes tag mismatches, and refuses more than the model takes', async () => {
    const cwd = await film();
    for (const t of ['mara', 'diner', 'neon', 'car']) {
      img.write(cwd, `${t}.png`, await img.png(40, 40));
      await cli(['library', 'add', 'film.shotline', '--name', t, '--tag', t, `${t}.png`], { cwd });
    }
    const r = await cli(['refs', 'set', 'film.shotline', '--shot', '1A', '@mara', '@diner', 'neon'], { cwd });
    expect(r.code).toBe(0);
    expect(r.out).toContain('1A: @mara, @diner, @neon (3 of 3 slots on Runway Gen-4 Turbo)');
    expect(r.out).toContain('note: Slot 3 holds @neon, but the prompt never mentions it.');
    const four = await cli(['refs', 'set', 'film.shotline', '--shot', '1A', '@mara', '@diner', '@neon', '@car'], { cwd });
    expect(four).toMatchObject({
      code: 1,
      err: 'shotline: Runway Gen-4 Turbo takes up to 3 reference images; shot 1A would have 4. Clear a slot first, or pick a model that takes more.\n',
    });
    const kling = await cli(['refs', 'set', 'film.shotline', '--shot', '1B', '@mara'], { cwd });
    expect(kling.code).toBe(1);
    expect(kling.err).toContain('Kling 2.5 Turbo takes no reference images');
    expect((await cli(['refs', 'set', 'film.shotline', '--shot', '1A', '@nobody'], { cwd })).err).toContain('No library item is tagged @nobody');
    const p = openProject(path.join(cwd, 'film.shotline'));
    const rows = p.db.prepare('SELECT slot FROM shot_refs ORDER BY slot').pluck().all();
    p.close();
    expect(rows).toEqual([0, 1, 2]);
    expect((await cli(['refs', 'set', 'film.shotline', '--shot', '1A'], { cwd })).out).toContain('1A: no references (0 of 3 slots');
  });
});

describe('shotline keyframe', () => {
  it('sets keyframes from a file and a @tag, refuses a bad file, and says a take is missing', async () => {
    const cwd = await film();
    img.write(cwd, 'start.jpg', await img.jpeg(64, 48));
    img.write(cwd, 'diner.png', await img.png(80, 40));
    img.write(cwd, 'bad.jpg', 'text');
    await cli(['library', 'add', 'film.shotline', '--kind', 'location', '--name', 'Diner', '--tag', 'diner', 'diner.png'], { cwd });
    const r = await cli(['keyframe', 'film.shotline', '--shot', '1B', '--start', 'start.jpg', '--end', '@diner'], { cwd });
    expect(r.code).toBe(0);
    expect(r.out).toContain('1B start: start.jpg (64×48)');
    expect(r.out).toContain('1B end: @diner (80×40)');
    const bad = await cli(['keyframe', 'film.shotline', '--shot', '1B', '--start', 'bad.jpg'], { cwd });
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('bad.jpg: a text file, not an image');
    const take = await cli(['keyframe', 'film.shotline', '--shot', '1A', '--start', 'shot:1B:last'], { cwd });
    expect(take).toMatchObject({ code: 1, err: 'shotline: shot 1B has no take yet. Generate it first, or use an image file or a @tag.\n' });
    expect((await cli(['keyframe', 'film.shotline', '--shot', '1B', '--end', 'none'], { cwd })).out).toBe('1B end: none\n');
    expect((await cli(['keyframe', 'film.shotline', '--shot', '1B'], { cwd })).code).toBe(1);
  });

  it('takes shot:1A:last from the shot’s take once it has one', async () => {
    const cwd = await film();
    const p = openProject(path.join(cwd, 'film.shotline'));
    const shot = p.snapshot().shots.find((s) => s.label === '1A')!;
    await insertTake(p, shot, await makeClip(path.join(cwd, 'take.mp4'), { width: 320, height: 180 }));
    p.close();
    const r = await cli(['keyframe', 'film.shotline', '--shot', '1B', '--start', 'shot:1A:last'], { cwd });
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('1B start: shot 1A, last frame (320×180)');
  });

  it('tells "library" alone which subcommands exist', async () => {
    const r = await cli(['library'], { cwd: tmp() });
    expect(r).toMatchObject({ code: 1, err: 'shotline: library needs one of: add, list (see shotline library add --help)\n' });
    expect((await cli(['help', 'library', 'add'], { cwd: tmp() })).out).toContain('Usage: shotline library add DIR FILE...');
  });
});
