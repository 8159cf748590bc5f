import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProject } from '../core/project/project';
import { story, storyFdx, storyFountain } from '../core/script/script.testkit';
import { useTmpDir } from '../core/testing/tmp.testkit';
import { cli } from './cli.testkit';

const tmp = useTmpDir();

async function project(cwd: string) {
  expect((await cli(['new', 'film.shotline', '--title', 'Draft'], { cwd })).code).toBe(0);
}

describe('shotline import of a screenplay', () => {
  it('--dry-run --json prints the documented summary and writes nothing; the same story as FDX gives the same', async () => {
    const cwd = tmp();
    await project(cwd);
    const scenes = story(4);
    fs.writeFileSync(path.join(cwd, 'night.fountain'), storyFountain(scenes));
    fs.writeFileSync(path.join(cwd, 'night.fdx'), storyFdx(scenes));
    const dry = await cli(['import', 'film.shotline', 'night.fountain', '--dry-run', '--json', '--tool', 'kling:kling-v2-5-turbo'], { cwd });
    expect(dry).toMatchObject({ code: 0, err: '' });
    const summary = JSON.parse(dry.out);
    expect(summary).toEqual({
      title: 'The Long Night',
      scenes: [
        { heading: '1 EXT. DINER - NIGHT', shots: 3 },
        { heading: '2 INT. PARKING LOT - DAY', shots: 2 },
        { heading: '3 INT. MARA’S CAR - NIGHT', shots: 2 },
        { heading: '4 EXT. MOTEL ROOM - DAY', shots: 2 },
      ],
      shots: 9,
      characters: ['MARA', 'DEE', 'OLD TRUCKER', 'SAM'],
      locations: ['DINER', 'PARKING LOT', 'MARA’S CAR', 'MOTEL ROOM'],
      dialogueLines: 8,
      runningTimeS: expect.any(Number),
      costUsd: expect.any(Number),
    });
    // Kling makes 5 or 10 s clips: the running time is a sum of those, and the cost follows.
    expect(summary.runningTimeS % 5).toBe(0);
    expect(summary.costUsd).toBeGreaterThan(0);
    const fdx = JSON.parse((await cli(['import', 'film.shotline', 'night.fdx', '--dry-run', '--json', '--tool', 'kling:kling-v2-5-turbo'], { cwd })).out);
    expect(fdx).toEqual(summary);
    const p = openProject(path.join(cwd, 'film.shotline'));
    expect(p.snapshot().shots).toEqual([]);
    p.close();
  });

  it('imports scenes, shots with dialogue lines and library items; list --json shows the lines', async () => {
    const cwd = tmp();
    await project(cwd);
    fs.writeFileSync(path.join(cwd, 'night.fountain'), storyFountain(story(2)));
    const r = await cli(['import', 'film.shotline', 'night.fountain', '--breakdown', 'scene'], { cwd });
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('Imported 2 shots in 2 scenes');
    expect(r.out).toContain('Added to the library: @mara @dee @old_trucker @diner @parking_lot');
    const list = JSON.parse((await cli(['list', 'film.shotline', '--json'], { cwd })).out);
    expect(list.title).toBe('The Long Night');
    expect(list.shots[0]).toMatchObject({
      label: '1A',
      action: expect.stringContaining('MARA crosses the room'),
      camera: 'push_in',
      dialogue: [
        { speaker: 'MARA', extension: 'O.S.', parenthetical: null, text: 'We should have left an hour ago, dee.' },
        { speaker: 'DEE', extension: null, parenthetical: '(not looking up)', text: 'Then go. Nobody is stopping you.' },
      ],
    });
    const lib = JSON.parse((await cli(['library', 'list', 'film.shotline', '--json'], { cwd })).out);
    expect(lib.items.map((i: { kind: string; name: string; tag: string }) => [i.kind, i.name, i.tag])).toEqual([
      ['character', 'Mara', 'mara'],
      ['character', 'Dee', 'dee'],
      ['character', 'Old Trucker', 'old_trucker'],
      ['location', 'Diner', 'diner'],
      ['location', 'Parking Lot', 'parking_lot'],
    ]);
  });

  it('refuses a file that is not a script or shot list with one line, and bad options before reading', async () => {
    const cwd = tmp();
    await project(cwd);
    fs.writeFileSync(path.join(cwd, 'script.pdf'), '%PDF-1.4 …');
    const pdf = await cli(['import', 'film.shotline', 'script.pdf'], { cwd });
    expect(pdf.code).toBe(1);
    expect(pdf.err).toBe(
      'shotline: "script.pdf" is a PDF, not a script. Export the script from your writing app as Fountain (.fountain) or Final Draft (.fdx), or the shot list as CSV or JSON.\n',
    );
    fs.writeFileSync(path.join(cwd, 'night.fountain'), storyFountain(story(1)));
    expect((await cli(['import', 'film.shotline', 'night.fountain', '--breakdown', 'beat'], { cwd })).err).toMatch(/--breakdown must be scene .* or paragraph/);
    expect((await cli(['import', 'film.shotline', 'night.fountain', '--tool', 'runway:gen4_image'], { cwd })).err).toMatch(/makes still frames, not shots/);
  });
});
