import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getModel } from '../../shared/catalog';
import { validateShot } from '../../shared/domain/validation';
import { openProject } from '../core/project/project';
import { useTmpDir } from '../core/testing/tmp.testkit';
import { cli } from './cli.testkit';

const tmp = useTmpDir('shotline-demo-');

describe('shotline demo', () => {
  it('builds Night Diner in the current folder: 8–12 valid shots over 3 scenes, mixed tools, a budget', async () => {
    const cwd = tmp();
    const r = await cli(['demo', '--no-render', '--no-export'], { cwd });
    expect(r).toMatchObject({ code: 0, err: '' });
    const folder = path.join(cwd, 'Night Diner.shotline');
    expect(r.out).toContain(`Built the demo project at ${folder}`);
    expect(r.out).toMatch(/Night Diner: \$\d+\.\d\d for \d+ shots/);

    const p = openProject(folder);
    const { project, scenes, shots } = p.snapshot();
    p.close();
    expect(project.title).toBe('Night Diner');
    expect(project.budgetUsd).toBeGreaterThan(0);
    expect(scenes).toHaveLength(3);
    expect(shots.length).toBeGreaterThanOrEqual(8);
    expect(shots.length).toBeLessThanOrEqual(12);
    const running = shots.reduce((s, x) => s + x.durationS, 0);
    expect(running).toBeGreaterThanOrEqual(60);
    expect(running).toBeLessThanOrEqual(120);
    for (const shot of shots) {
      expect(
        validateShot(shot).filter((i) => i.severity === 'error'),
        shot.label,
      ).toEqual([]);
    }
    const models = new Set(shots.map((s) => s.tool));
    for (const tool of ['runway:gen4_turbo', 'runway:gen4.5', 'local:animatic']) expect(models).toContain(tool);
    const providers = new Set(shots.map((s) => getModel(s.tool)!.provider));
    expect(providers).toContain('kling');
    expect(providers.has('veo') || providers.has('luma')).toBe(true);
    expect(shots.some((s) => s.dialogue.length > 0)).toBe(true);
    expect(new Set(shots.map((s) => s.prompt.camera)).size).toBeGreaterThan(3);
  });

  it('--out DIR ending in .shotline is the project folder; any other DIR is its parent', async () => {
    const cwd = tmp();
    expect((await cli(['demo', '--no-render', '--no-export', '--out', 'exact/Diner Cut.shotline'], { cwd })).code).toBe(0);
    expect(fs.existsSync(path.join(cwd, 'exact/Diner Cut.shotline/project.db'))).toBe(true);
    expect((await cli(['demo', '--no-render', '--no-export', '--out', 'parent'], { cwd })).code).toBe(0);
    expect(fs.existsSync(path.join(cwd, 'parent/Night Diner.shotline/project.db'))).toBe(true);
  });

  it('refuses to overwrite an existing demo', async () => {
    const cwd = tmp();
    await cli(['demo', '--no-render', '--no-export'], { cwd });
    const again = await cli(['demo', '--no-render', '--no-export'], { cwd });
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/^shotline: .*Night Diner\.shotline" already exists.*\n$/);
  });
});
