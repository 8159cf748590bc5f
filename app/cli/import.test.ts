import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProject } from '../core/project/project';
import { useTmpDir } from '../core/testing/tmp.testkit';
import { addScene } from '../core/timeline/ops';
import { cli, writeFile } from './cli.testkit';

const tmp = useTmpDir('shotline-import-');

const shot = (over: Record<string, unknown> = {}) => ({ action: 'Mara waits', durationS: 5, tool: 'kling:kling-v2-6', camera: 'static', ...over });

async function newProject(title = 'Film') {
  const cwd = tmp();
  expect((await cli(['new', 'p.shotline', '--title', title], { cwd })).code).toBe(0);
  return cwd;
}

function snapshot(cwd: string) {
  const p = openProject(path.join(cwd, 'p.shotline'));
  try {
    const { project, scenes, shots } = p.snapshot();
    return { project, scenes, shots };
  } finally {
    p.close();
  }
}

async function importing(cwd: string, name: string, content: unknown) {
  return cli(['import', 'p.shotline', writeFile(cwd, name, content)], { cwd });
}

/** Imports `content` expecting failure; checks the project is untouched and returns stderr. */
async function rejected(content: unknown, name = 'shots.json') {
  const cwd = await newProject();
  await importing(cwd, 'first.json', { scenes: [{ name: 'Before', shots: [shot({ label: '1A' })] }] });
  const before = snapshot(cwd);
  const r = await importing(cwd, name, content);
  expect(r.code).toBe(1);
  expect(r.out).toBe('');
  expect(r.err.split('\n')).toHaveLength(2);
  expect(snapshot(cwd)).toEqual(before);
  return r.err;
}

describe('JSON import errors: named by path, nothing imported', () => {
  const two = (bad: Record<string, unknown>) => ({ title: 'Renamed', scenes: [{ name: 'S', shots: [shot(), shot(), bad] }] });

  it('an unknown key', async () => {
    expect(await rejected(two(shot({ colour: 'red' })))).toBe('shotline: shots.json: scenes[0].shots[2].colour: unknown key\n');
    expect(await rejected({ scenes: [], director: 'me' })).toBe('shotline: shots.json: director: unknown key\n');
    expect(await rejected({ scenes: [{ shots: [shot({ prompt: { camera: 'orbit' } })] }] })).toMatch(/scenes\[0\]\.shots\[0\]\.prompt\.camera: unknown key/);
  });

  it('a bad field, naming path and field', async () => {
    expect(await rejected(two(shot({ durationS: 'five' })))).toBe('shotline: shots.json: scenes[0].shots[2].durationS: expected number, got "five"\n');
    expect(await rejected(two(shot({ durationS: 0 })))).toMatch(/scenes\[0\]\.shots\[2\]\.durationS: must be more than 0\n$/);
    expect(await rejected(two(shot({ camera: 'zoom' })))).toMatch(/scenes\[0\]\.shots\[2\]\.camera: "zoom" is not one of static, push_in, .*handheld\n$/);
    expect(await rejected(two({ action: 'no tool', durationS: 5 }))).toMatch(/scenes\[0\]\.shots\[2\]\.tool: missing\n$/);
    expect(await rejected({ scenes: {} })).toMatch(/shots\.json: scenes: expected array, got an object\n$/);
    expect(await rejected({ budgetUsd: -1, scenes: [] })).toMatch(/budgetUsd: must be at least 0\n$/);
  });

  it('an unknown tool or provider', async () => {
    expect(await rejected(two(shot({ tool: 'runway:gen5' })))).toMatch(
      /scenes\[0\]\.shots\[2\]\.tool: "runway:gen5" is not in the catalog; runway models are gen4_turbo, gen4\.5/,
    );
    expect(await rejected(two(shot({ tool: 'pika:2.2' })))).toMatch(
      /scenes\[0\]\.shots\[2\]\.tool: unknown provider "pika" in "pika:2\.2"; use one of runway, kling, veo, luma, minimax, local\n$/,
    );
    expect(await rejected(two(shot({ tool: 'gen4_turbo' })))).toMatch(/tool: "gen4_turbo" is not a tool: write provider:model/);
  });

  it('a duplicate label, in the file or in the project', async () => {
    expect(await rejected({ scenes: [{ shots: [shot({ label: '2A' }), shot({ label: '2A' })] }] })).toMatch(
      /scenes\[0\]\.shots\[1\]\.label: "2A" is already used by scenes\[0\]\.shots\[0\]/,
    );
    expect(await rejected({ scenes: [{ shots: [shot({ label: '1A' })] }] })).toMatch(
      /^shotline: shots\.json: scenes\[0\]\.shots\[0\]\.label: "1A" is already used by a shot in this project/,
    );
  });

  it('a file that is not JSON', async () => {
    expect(await rejected('{"scenes": [', 'broken.json')).toMatch(/^shotline: broken\.json: not valid JSON: /);
  });

  it('a device, a folder or a file past the size limit, refused in one line before reading it', async () => {
    const cwd = await newProject();
    const huge = path.join(cwd, 'huge.csv');
    // Sparse: 300 MB on paper, nothing on disk; reading it would run Node out of memory.
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, 300 * 1024 * 1024);
    for (const [file, message] of [
      ['/dev/zero', /^shotline: "\/dev\/zero" is not a regular file; give the script \(\.fountain, \.fdx\) or shot list \(\.json, \.csv\) file\n$/],
      [cwd, /is a folder; give the script \(\.fountain, \.fdx\) or shot list/],
      [huge, /huge\.csv" is 300 MB; a script or shot list can be at most 50 MB\. Split it into several imports\.\n$/],
    ] as const) {
      const r = await cli(['import', 'p.shotline', file], { cwd });
      expect(r.code).toBe(1);
      expect(r.err).toMatch(message);
      expect(r.err.split('\n')).toHaveLength(2);
    }
  });
});

describe('JSON import', () => {
  it('appends scenes to a project that has shots, numbering on', async () => {
    const cwd = await newProject();
    await importing(cwd, 'a.json', { scenes: [{ name: 'One', shots: [shot(), shot()] }] });
    const r = await importing(cwd, 'b.json', { scenes: [{ name: 'Two', shots: [shot({ label: '2B' }), shot()] }] });
    expect(r.out).toContain('Imported 2 shots in 1 scene');
    const { scenes, shots } = snapshot(cwd);
    expect(scenes.map((s) => `${s.number} ${s.name}`)).toEqual(['1 One', '2 Two']);
    // 2B is named in the file, so the unlabelled shot after it is not given 2B.
    expect(shots.map((s) => s.label)).toEqual(['1A', '1B', '2B', '2A']);
  });

  it('replaces the empty first scene of a project made in the app', async () => {
    const cwd = await newProject();
    const p = openProject(path.join(cwd, 'p.shotline'));
    p.db.transaction(() => addScene(p.timeline))();
    p.close();
    await importing(cwd, 'a.json', { scenes: [{ name: 'Diner', shots: [shot()] }] });
    const { scenes, shots } = snapshot(cwd);
    expect(scenes.map((s) => `${s.number} ${s.name}`)).toEqual(['1 Diner']);
    expect(shots.map((s) => s.label)).toEqual(['1A']);
  });

  it('takes the documented extra keys', async () => {
    const cwd = await newProject();
    const extra = shot({
      tool: 'kling:kling-v2-5-turbo',
      aspectRatio: '9:16',
      resolution: '1080p',
      finalTool: 'runway:gen4.5',
      tier: 'final',
      prompt: { subject: 'Mara', cameraText: 'low angle', beats: '0-2s: rain\n2-5s: door' },
    });
    expect((await importing(cwd, 'a.json', { aspectRatio: '21:9', budgetUsd: null, scenes: [{ shots: [extra, shot()] }] })).code).toBe(0);
    const { project, scenes, shots } = snapshot(cwd);
    expect(project).toMatchObject({ title: 'Film', aspectRatio: '21:9', budgetUsd: null });
    expect(scenes[0]!.name).toBe('Scene 1');
    expect(shots[0]).toMatchObject({ aspectRatio: '9:16', resolution: '1080p', finalTool: 'runway:gen4.5', tier: 'final' });
    expect(shots[0]!.prompt).toMatchObject({ subject: 'Mara', cameraText: 'low angle', beats: '0-2s: rain\n2-5s: door', camera: 'static' });
    expect(shots[1]!.aspectRatio).toBe('21:9');
  });

  it('imports a shot its model cannot make, and says what to fix', async () => {
    const cwd = await newProject();
    const r = await importing(cwd, 'a.json', { scenes: [{ shots: [shot({ durationS: 7 })] }] });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1 problem to fix before generating:\n {2}1A {2}Kling 2\.6 accepts 5 or 10 s; this shot is 7 s/);
  });
});

const CSV_HEADER = 'scene,label,action,duration_s,tool,camera,dialogue,subject';

describe('CSV import', () => {
  it('reads quoted commas, quotes and newlines and groups rows into scenes in first-appearance order', async () => {
    const cwd = await newProject();
    const csv = [
      '\uFEFFScene,Label,Action,Duration_S,Tool,Camera,Dialogue,Subject',
      '"INT. DINER, NIGHT",,"Dee says ""hi""",6,runway:gen4.5,static,"Kitchen\'s closed, hon.",Dee',
      'EXT. LOT,,"Mara walks out',
      'into the rain",5,luma:ray-2,tracking,,',
      '"INT. DINER, NIGHT",1Z,Mugs,5,kling:kling-v2-6,push_in,,',
      '',
    ].join('\r\n');
    const r = await importing(cwd, 'shots.csv', csv);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('Imported 3 shots in 2 scenes');
    const { scenes, shots } = snapshot(cwd);
    expect(scenes.map((s) => s.name)).toEqual(['INT. DINER, NIGHT', 'EXT. LOT']);
    expect(shots.map((s) => [s.label, s.action, s.dialogue, s.prompt.subject, s.prompt.camera])).toEqual([
      ['1A', 'Dee says "hi"', [{ speaker: '', extension: null, parenthetical: null, text: "Kitchen's closed, hon." }], 'Dee', 'static'],
      ['1Z', 'Mugs', [], '', 'push_in'],
      ['2A', 'Mara walks out\ninto the rain', [], '', 'tracking'],
    ]);
  });

  it('names the line and column of a bad row, and imports nothing', async () => {
    const rows = [CSV_HEADER, 'A,,"one,\ntwo",5,kling:kling-v2-6,static,,', 'A,,three,five,kling:kling-v2-6,static,,'];
    expect(await rejected(rows.join('\n'), 'shots.csv')).toBe('shotline: shots.csv: line 4, column duration_s: expected number, got "five"\n');
    const badTool = [CSV_HEADER, 'A,,x,5,kling:v9,static,,'].join('\n');
    expect(await rejected(badTool, 'shots.csv')).toMatch(/^shotline: shots\.csv: line 2, column tool: "kling:v9" is not in the catalog/);
    const badPrompt = 'scene,label,action,duration_s,tool,camera,scene_description\nA,,x,5,kling:kling-v2-6,static,"' + 'y'.repeat(20_001) + '"';
    expect(await rejected(badPrompt, 'shots.csv')).toMatch(/line 2, column scene_description: is too long/);
  });

  it('checks the header and the shape of each row', async () => {
    expect(await rejected('scene,label,action,duration_s,tool\nA,,x,5,kling:kling-v2-6\n', 'shots.csv')).toMatch(/line 1: missing column camera/);
    expect(await rejected(`${CSV_HEADER},colour\n`, 'shots.csv')).toMatch(/line 1, column 9: unknown column "colour"/);
    expect(await rejected(`${CSV_HEADER}\nA,,x,5,kling:kling-v2-6,static\n`, 'shots.csv')).toMatch(/line 2: 6 fields, but the header has 8 columns/);
    expect(await rejected(`${CSV_HEADER}\n,,x,5,kling:kling-v2-6,static,,\n`, 'shots.csv')).toMatch(/line 2, column scene: missing/);
    expect(await rejected(`${CSV_HEADER}\nA,1A,x,5,kling:kling-v2-6,static,,\n`, 'shots.csv')).toMatch(
      /^shotline: shots\.csv: line 2, column label: "1A" is already used/,
    );
  });

  it('is told from JSON by content when the extension says nothing', async () => {
    const cwd = await newProject();
    expect((await importing(cwd, 'list.txt', `${CSV_HEADER}\nA,,x,5,kling:kling-v2-6,static,,\n`)).code).toBe(0);
    expect((await importing(cwd, 'list.data', { scenes: [{ shots: [shot()] }] })).code).toBe(0);
    expect(snapshot(cwd).shots.map((s) => s.label)).toEqual(['1A', '2A']);
  });
});
