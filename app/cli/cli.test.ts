import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProject } from '../core/project/project';
import { useTmpDir } from '../core/testing/tmp.testkit';
import { cli, writeFile } from './cli.testkit';

const tmp = useTmpDir('shotline-cli-');

const shotList = {
  title: 'Night Diner',
  aspectRatio: '16:9',
  budgetUsd: 40,
  scenes: [
    {
      name: 'INT. DINER - NIGHT',
      shots: [
        {
          label: '1A',
          action: 'Mara steps in out of the rain',
          durationS: 5,
          tool: 'runway:gen4_turbo',
          camera: 'push_in',
          dialogue: '',
          notes: '',
          prompt: { subject: 'Mara', scene: 'a diner', motion: '', style: '', negative: '' },
          size: 'MCU',
          angle: 'low angle',
          lensMm: 35,
          equipment: 'dolly',
          location: 'Diner',
          cast: ['Mara'],
          setup: 1,
          custom: { Wardrobe: 'Wet coat' },
        },
        {
          action: 'Dee looks up',
          durationS: 10,
          tool: 'kling:kling-v2-5-turbo',
          camera: 'static',
          dialogue: [{ speaker: 'DEE', parenthetical: '(not looking up)', text: "Kitchen's closed." }],
        },
      ],
    },
    { name: 'EXT. LOT - NIGHT', shots: [{ action: 'Taillights recede', durationS: 4, tool: 'local:animatic', camera: 'pull_out' }] },
  ],
};

async function projectWithShots() {
  const cwd = tmp();
  expect((await cli(['new', 'film.shotline', '--title', 'Draft'], { cwd })).code).toBe(0);
  const file = writeFile(cwd, 'shots.json', shotList);
  const imported = await cli(['import', 'film.shotline', file], { cwd });
  expect(imported).toMatchObject({ code: 0, err: '' });
  return cwd;
}

describe('shotline new', () => {
  it('creates exactly DIR with the given title and no scenes', async () => {
    const cwd = tmp();
    const r = await cli(['new', 'nested/My Film.shotline', '--title', 'Night Diner'], { cwd });
    expect(r).toMatchObject({ code: 0, err: '' });
    const folder = path.join(cwd, 'nested/My Film.shotline');
    expect(r.out).toContain(folder);
    const p = openProject(folder);
    expect(p.info().title).toBe('Night Diner');
    expect(p.snapshot().scenes).toEqual([]);
    p.close();
  });

  it('takes the title from the folder name when --title is left off', async () => {
    const cwd = tmp();
    expect((await cli(['new', 'Night Diner.shotline'], { cwd })).code).toBe(0);
    const p = openProject(path.join(cwd, 'Night Diner.shotline'));
    expect(p.info().title).toBe('Night Diner');
    p.close();
  });

  it('refuses an existing folder and an empty title with one line on stderr', async () => {
    const cwd = tmp();
    fs.mkdirSync(path.join(cwd, 'taken'));
    const taken = await cli(['new', 'taken', '--title', 'X'], { cwd });
    expect(taken.code).toBe(1);
    expect(taken.err).toMatch(/^shotline: .*already exists.*\n$/);
    const blank = await cli(['new', 'x.shotline', '--title', '  '], { cwd });
    expect(blank).toMatchObject({ code: 1, err: 'shotline: --title: must not be empty\n' });
  });
});

describe('shotline import, list and cost', () => {
  it('imports a JSON shot list, updating the project and assigning missing labels', async () => {
    const cwd = await projectWithShots();
    const p = openProject(path.join(cwd, 'film.shotline'));
    const snap = p.snapshot();
    p.close();
    expect(snap.project).toMatchObject({ title: 'Night Diner', aspectRatio: '16:9', budgetUsd: 40 });
    expect(snap.scenes.map((s) => [s.number, s.name])).toEqual([
      [1, 'INT. DINER - NIGHT'],
      [2, 'EXT. LOT - NIGHT'],
    ]);
    expect(snap.shots.map((s) => s.label)).toEqual(['1A', '1B', '2A']);
    expect(snap.shots[0]!.prompt).toMatchObject({ subject: 'Mara', scene: 'a diner', camera: 'push_in' });
  });

  it('list --json prints the shots in timeline order in the documented shape', async () => {
    const cwd = await projectWithShots();
    const r = await cli(['list', 'film.shotline', '--json'], { cwd });
    expect(r).toMatchObject({ code: 0, err: '' });
    const none = { size: null, angle: null, lensMm: null, equipment: null, location: '', cast: [], setup: null, custom: {} };
    expect(JSON.parse(r.out)).toEqual({
      title: 'Night Diner',
      customColumns: ['Wardrobe'],
      shots: [
        {
          label: '1A',
          scene: 'INT. DINER - NIGHT',
          sceneNumber: 1,
          durationS: 5,
          tool: 'runway:gen4_turbo',
          camera: 'push_in',
          action: 'Mara steps in out of the rain',
          dialogue: [],
          size: 'MCU',
          angle: 'low',
          lensMm: 35,
          equipment: 'dolly',
          location: 'Diner',
          cast: ['Mara'],
          setup: 1,
          custom: { Wardrobe: 'Wet coat' },
          estimate: { usd: 0.25, credits: 25 },
        },
        {
          label: '1B',
          scene: 'INT. DINER - NIGHT',
          sceneNumber: 1,
          durationS: 10,
          tool: 'kling:kling-v2-5-turbo',
          camera: 'static',
          action: 'Dee looks up',
          dialogue: [
            {
              speaker: 'DEE',
              extension: null,
              parenthetical: '(not looking up)',
              text: "Kitchen's closed.",
              offsetS: null,
              startS: 0,
              takeId: null,
              audio: null,
              durationS: null,
            },
          ],
          ...none,
          estimate: { usd: 0.42, credits: null },
        },
        {
          label: '2A',
          scene: 'EXT. LOT - NIGHT',
          sceneNumber: 2,
          durationS: 4,
          tool: 'local:animatic',
          camera: 'pull_out',
          action: 'Taillights recede',
          dialogue: [],
          ...none,
          estimate: { usd: 0, credits: null },
        },
      ],
    });
  });

  it('cost --json prints totals, budget, provider and scene breakdowns and the alternatives', async () => {
    const cwd = await projectWithShots();
    const r = await cli(['cost', 'film.shotline', '--json'], { cwd });
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(JSON.parse(r.out)).toEqual({
      totalUsd: 0.67,
      // Two takes a shot (the default), the Turbo shot's start frame (5 credits) made first.
      draftPlanUsd: 1.44,
      finalPlanUsd: 0.72,
      spentUsd: 0,
      budgetUsd: 40,
      byProvider: { runway: { usd: 0.25, credits: 25 }, kling: { usd: 0.42, credits: 0 }, local: { usd: 0, credits: 0 } },
      byScene: [
        { scene: 'INT. DINER - NIGHT', sceneNumber: 1, shots: 2, durationS: 15, usd: 0.67, credits: 25 },
        { scene: 'EXT. LOT - NIGHT', sceneNumber: 2, shots: 1, durationS: 4, usd: 0, credits: 0 },
      ],
      alternatives: { allRunway: 0.95, allKling: 0.84 },
      totalCredits: 25,
      totalDurationS: 19,
      overBudget: false,
      // The one line has no voice yet: nothing to speak, nothing planned.
      dialogue: { lines: 0, missing: 0, unvoiced: 1, planUsd: 0, spentUsd: 0 },
      effects: { cues: 0, missing: 0, tool: 'elevenlabs:eleven_text_to_sound_v2', planUsd: 0, spentUsd: 0 },
    });
  });

  it('prints aligned human tables with totals at the bottom', async () => {
    const cwd = await projectWithShots();
    const list = await cli(['list', 'film.shotline'], { cwd });
    expect(list.code).toBe(0);
    const lines = list.out.split('\n');
    const header = lines.find((l) => l.startsWith('Label'))!;
    expect(header).toMatch(/^Label\s+Scene\s+Duration\s+Tool\s+Camera\s+Estimate$/);
    const total = lines.find((l) => l.startsWith('Total'))!;
    expect(total).toMatch(/^Total\s+3 shots\s+0:19\s+\$0\.67$/);
    // Right-aligned money: every figure, the total's too, ends in the same column.
    const rows = lines.filter((l) => /^\d[A-Z]\s/.test(l));
    expect(rows).toHaveLength(3);
    expect(new Set([...rows, total].map((row) => row.trimEnd().length)).size).toBe(1);
    expect(list.out).toContain('Budget: $39.33 left of $40.00');

    const cost = await cli(['cost', 'film.shotline'], { cwd });
    expect(cost.code).toBe(0);
    expect(cost.out).toContain('Night Diner: $0.67 for 3 shots');
    expect(cost.out).toMatch(/all on Runway Gen-4 Turbo:\s+\$0\.95/);
    expect(cost.out).toMatch(/all on Kling 2\.5 Turbo:\s+\$0\.84/);
  });

  it('says how to start when a project has no shots', async () => {
    const cwd = tmp();
    await cli(['new', 'empty.shotline'], { cwd });
    const r = await cli(['list', 'empty.shotline'], { cwd });
    expect(r.out).toContain('has no shots yet');
    expect(JSON.parse((await cli(['list', 'empty.shotline', '--json'], { cwd })).out)).toEqual({ title: 'empty', customColumns: [], shots: [] });
  });
});

describe('exit codes and help', () => {
  it('prints help for the CLI and for each command with exit 0', async () => {
    const cwd = tmp();
    const main = await cli(['--help'], { cwd });
    expect(main.code).toBe(0);
    for (const name of ['new', 'import', 'list', 'cost', 'demo']) {
      expect(main.out).toContain(`  ${name} `);
      const r = await cli([name, '--help'], { cwd });
      expect(r.code).toBe(0);
      expect(r.out).toMatch(new RegExp(`^Usage: shotline ${name}`));
      expect((await cli(['help', name], { cwd })).out).toBe(r.out);
    }
  });

  it('exits 1 with one line on stderr for user errors', async () => {
    const cwd = tmp();
    for (const argv of [['bogus'], ['list'], ['list', 'a', 'b'], ['list', 'nowhere'], ['cost', '.', '--colour'], ['import', '.', 'missing.json']]) {
      const r = await cli(argv, { cwd });
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/^shotline: [^\n]+\n$/);
    }
  });

  it('exits 2 on an internal error, with the stack only under SHOTLINE_DEBUG=1', async () => {
    const cwd = tmp();
    await cli(['new', 'p.shotline'], { cwd });
    const broken = async (env: Record<string, string>) => {
      let err = '';
      const { run } = await import('./run');
      const code = await run(['list', 'p.shotline'], {
        out: () => {
          throw new Error('stdout is closed');
        },
        err: (text) => void (err += text),
        cwd,
        env,
      });
      return { code, err };
    };
    const quiet = await broken({});
    expect(quiet).toEqual({ code: 2, err: 'shotline: internal error: stdout is closed (run with SHOTLINE_DEBUG=1 for details)\n' });
    const debug = await broken({ SHOTLINE_DEBUG: '1' });
    expect(debug.code).toBe(2);
    expect(debug.err).toMatch(/^shotline: internal error: stdout is closed\nError: stdout is closed\n\s+at /);
  });
});
