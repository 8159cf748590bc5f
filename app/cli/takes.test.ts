import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProject } from '../core/project/project';
import { makeClip } from '../core/media/clips.testkit';
import { insertTake } from '../core/takes/takes.testkit';
import { useTmpDir } from '../core/testing/tmp.testkit';
import { ffprobe } from '../core/media/ffmpeg';
import { cli, cliFilm } from './cli.testkit';

const tmp = useTmpDir('shotline-cli-takes-');

const plan = {
  title: 'Takes',
  scenes: [
    {
      name: 'INT. DINER',
      shots: [
        { label: '1A', action: 'Mara walks in', durationS: 1, tool: 'local:animatic', camera: 'static' },
        { label: '1B', action: 'Dee looks up', durationS: 0.5, tool: 'local:animatic', camera: 'static' },
      ],
    },
  ],
};

/** A project whose 1A has two takes (the second 30 fps, to fail a check); 1B has none. */
async function film() {
  const cwd = tmp();
  await cliFilm(cwd, plan);
  const project = openProject(path.join(cwd, 'film.shotline'));
  try {
    const shot = project.timeline.shots().find((s) => s.label === '1A')!;
    const ids = [
      await insertTake(project, shot, await makeClip(path.join(cwd, 'a.mp4'), { durationS: 1, width: 1920, height: 1080 }), { tool: 'local:animatic' }),
      await insertTake(project, shot, await makeClip(path.join(cwd, 'b.mp4'), { durationS: 1, width: 1920, height: 1080, fps: 30 }), {
        tool: 'local:animatic',
      }),
    ];
    return { cwd, ids };
  } finally {
    project.close();
  }
}

const json = (out: string) => JSON.parse(out) as { takes: Array<Record<string, unknown>> };

describe('shotline takes, select, rate, qc', () => {
  it('lists a shot’s takes as JSON in exactly the documented shape', async () => {
    const { cwd, ids } = await film();
    const r = await cli(['takes', 'film.shotline', '--shot', '1A', '--json'], { cwd });
    expect(r.code).toBe(0);
    const { takes } = json(r.out);
    expect(takes).toHaveLength(2);
    expect(Object.keys(takes[0]!)).toEqual(['id', 'kind', 'shot', 'number', 'selected', 'rating', 'durationS', 'path', 'tool', 'qc']);
    expect(takes[0]).toMatchObject({ id: ids[0], shot: '1A', number: 1, selected: false, durationS: 1, tool: 'local:animatic', qc: [] });
    expect(takes[0]!.rating).toEqual({ fidelity: null, consistency: null, adherence: null, notes: '' });
    expect(path.isAbsolute(takes[0]!.path as string) && fs.existsSync(takes[0]!.path as string)).toBe(true);
  });

  it('circles a take by number and rates one by id or LABEL:N', async () => {
    const { cwd, ids } = await film();
    expect(await cli(['select', 'film.shotline', '--shot', '1A', '--take', '2'], { cwd })).toMatchObject({ code: 0, out: '1A: take 2 circled.\n' });
    expect((await cli(['rate', 'film.shotline', '--take', ids[0]!, '--fidelity', '4', '--consistency', '3', '--adherence', '5'], { cwd })).out).toBe(
      'Fidelity 4, consistency 3, adherence 5.\n',
    );
    expect((await cli(['rate', 'film.shotline', '--take', '1A:1', '--adherence', '2'], { cwd })).code).toBe(0);
    const { takes } = json((await cli(['takes', 'film.shotline', '--shot', '1A', '--json'], { cwd })).out);
    expect(takes.map((t) => [t.selected, (t.rating as { adherence: number | null }).adherence])).toEqual([
      [false, 2],
      [true, null],
    ]);
  });

  it('says what is wrong, with exit code 1', async () => {
    const { cwd } = await film();
    expect(await cli(['select', 'film.shotline', '--shot', '1A', '--take', '9'], { cwd })).toMatchObject({
      code: 1,
      err: expect.stringContaining('1A has no take 9'),
    });
    expect(await cli(['rate', 'film.shotline', '--take', '1A:1', '--fidelity', '7'], { cwd })).toMatchObject({
      code: 1,
      err: expect.stringContaining('1 to 5'),
    });
    expect((await cli(['takes', 'film.shotline'], { cwd })).code).toBe(1);
  });

  it('checks every take not yet checked and prints the same shape', async () => {
    const { cwd } = await film();
    const r = await cli(['qc', 'film.shotline', '--json'], { cwd });
    expect(r.code).toBe(0);
    const { takes } = json(r.out);
    expect(takes.map((t) => (t.qc as Array<{ check: string; ok: boolean }>).filter((c) => !c.ok).map((c) => c.check))).toEqual([[], ['frame_rate']]);
    expect(Object.keys((takes[1]!.qc as object[])[0]!)).toEqual(['check', 'ok', 'detail']);
    const text = await cli(['qc', 'film.shotline'], { cwd });
    expect(text.out).toContain('1A T2: Frame rate\n  Frame rate: 30 fps, but the model makes 24 fps');
    expect(text.out).toContain('2 takes, 1 with a failed check.');
  });
});

describe('shotline animatic', () => {
  it('renders the cut, a still card for the shot with no take, at 24 fps', async () => {
    const { cwd } = await film();
    const r = await cli(['animatic', 'film.shotline', '--out', 'cut.mp4', '--burn-in'], { cwd });
    expect(r).toMatchObject({ code: 0, out: expect.stringMatching(/^Wrote .*cut\.mp4: 0:02 \(36 frames at 24 fps\), conformed and encoded\.\n$/) });
    const probe = await ffprobe(path.join(cwd, 'cut.mp4'), { countFrames: true });
    // Every take of the cut is 1080p (the local animatic's size), so the animatic is too.
    expect([probe.frames, probe.fps.avg, probe.width, probe.height]).toEqual([36, 24, 1920, 1080]);
  });
});
