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
      measuredShots: 0,
      costUsd: expect.any(Number),
      costedShots: 9,
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
    const opened = openProject(path.join(cwd, 'film.shotline'));
    // The title page's author goes to the storyboard cover.
    expect(opened.info().credits).toBe('Ana Ruiz');
    opened.close();
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

describe('re-importing a revised draft', () => {
  it('keeps every shot with takes, marks the changed ones, rewrites and removes only shots without takes', async () => {
    const cwd = tmp();
    await project(cwd);
    const draft = story(3);
    fs.writeFileSync(path.join(cwd, 'draft1.fountain'), storyFountain(draft));
    expect((await cli(['import', 'film.shotline', 'draft1.fountain', '--breakdown', 'scene'], { cwd })).code).toBe(0);
    const gen = await cli(['generate', 'film.shotline', '--shot', '1A', '--takes', '1', '--wait'], { cwd });
    expect(gen).toMatchObject({ code: 0, err: '' });
    const takesBefore = () => {
      const p = openProject(path.join(cwd, 'film.shotline'));
      const takes = p.takes.all().map((t) => [t.id, t.shotId]);
      p.close();
      return takes;
    };
    const taken = takesBefore();
    expect(taken).toHaveLength(1);

    // Draft 2: scene 1 (with a take) rewritten, scene 2 (no takes) rewritten, scene 3 cut, scene 4 new.
    const revised = [
      { ...draft[0]!, action: 'MARA slams the door and walks out into the rain.' },
      { ...draft[1]!, action: 'DEE counts the till, twice.' },
      { ...story(4)[3]!, number: '4' },
    ];
    fs.writeFileSync(path.join(cwd, 'draft2.fountain'), storyFountain(revised));
    const dry = JSON.parse((await cli(['import', 'film.shotline', 'draft2.fountain', '--breakdown', 'scene', '--dry-run', '--json'], { cwd })).out);
    expect(dry.shots).toBe(3);
    // The rewritten and the new shot are costed; the one kept for its take is not.
    expect(dry.costedShots).toBe(2);
    const r = await cli(['import', 'film.shotline', 'draft2.fountain', '--breakdown', 'scene'], { cwd });
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain(
      'Against the draft imported before: 1 scenes added, 1 removed, 2 changed, 0 moved, 0 the same. 1 shot with takes kept and marked "Script changed".',
    );

    expect(takesBefore()).toEqual(taken);
    const p = openProject(path.join(cwd, 'film.shotline'));
    const snap = p.snapshot();
    p.close();
    expect(snap.scenes.map((s) => s.name)).toEqual(['1 EXT. DINER - NIGHT', '2 INT. PARKING LOT - DAY', '4 EXT. MOTEL ROOM - DAY']);
    const [kept, rewritten, added] = snap.shots;
    expect(kept!.id).toBe(taken[0]![1]);
    expect(kept!.action).toContain('MARA crosses the room');
    expect(kept!.notes).toMatch(/^Script changed\. Kept as it was because it has takes\.\nWas: MARA crosses the room.*\nNow: MARA slams the door/s);
    expect(rewritten!.action).toBe('DEE counts the till, twice.');
    expect(rewritten!.notes).not.toContain('Script changed');
    expect(added!.action).toContain('scene 4');

    // The same draft again changes nothing more.
    const again = await cli(['import', 'film.shotline', 'draft2.fountain', '--breakdown', 'scene'], { cwd });
    expect(again.out).toContain('0 scenes added, 0 removed, 0 changed, 0 moved, 3 the same.');
    expect(again.out).toContain('estimated $0.00 for 0 new or rewritten shots.');
  });
});
