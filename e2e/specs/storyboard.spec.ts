import fs from 'node:fs';
import path from 'node:path';
import { run } from '../../app/cli/run';
import { pdfPages } from '../../app/core/export/tools.testkit';
import { expect, test } from '../fixtures/app';
import { showInFolder } from '../pages/showInFolder';
import { player } from '../pages/takes';
import { workspace } from '../pages/workspace';

/** Two scenes of three and two local-animatic shots; every shot but 2B has a take from the real engine. */
async function buildProject(workdir: string): Promise<string> {
  const folder = path.join(workdir, 'Night Diner.shotline');
  const shot = (label: string) => ({ label, action: `Shot ${label}: Mara at the counter`, durationS: 1, tool: 'local:animatic', camera: 'push_in' });
  const plan = {
    title: 'Night Diner',
    aspectRatio: '16:9',
    scenes: [
      { name: 'INT. DINER - NIGHT', shots: ['1A', '1B', '1C'].map(shot) },
      { name: 'EXT. STREET - NIGHT', shots: ['2A', '2B'].map(shot) },
    ],
  };
  const planFile = path.join(workdir, 'plan.json');
  fs.writeFileSync(planFile, JSON.stringify(plan));
  let errors = '';
  const io = { out: () => {}, err: (t: string) => void (errors += t), cwd: workdir, env: {} };
  const generate = ['generate', folder, '--takes', '1', '--wait', ...['1A', '1B', '1C', '2A'].flatMap((s) => ['--shot', s])];
  for (const args of [['new', folder], ['import', folder, planFile], generate]) {
    if ((await run(args, io)) !== 0) throw new Error(`shotline ${args[0]} failed: ${errors}`);
  }
  return folder;
}

test('export the storyboard PDF on its own, three panels a page, then show it and a rendered animatic in their folder', async ({ app, workdir }) => {
  test.setTimeout(180_000);
  const folder = await buildProject(workdir);
  await player(app).open(folder);
  await expect(workspace(app).timeline.getByRole('option')).toHaveCount(5);

  const out = path.join(workdir, 'boards');
  fs.mkdirSync(out);
  await app.getByRole('button', { name: 'Export', exact: true }).click();
  await app.getByRole('menuitem', { name: 'Export storyboard PDF…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export storyboard PDF' });
  await dialog.getByRole('textbox', { name: 'Save to (a folder or a .pdf file)' }).fill(out);
  await dialog.getByRole('radio', { name: /^3 —/ }).check();
  const started = Date.now();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();

  // Three a page, each scene on its own rows: 1A 1B 1C, then 2A 2B; two pages and the cover.
  const file = path.join(out, 'Night_Diner_storyboard.pdf');
  const result = dialog.getByRole('status', { name: 'Storyboard result' });
  await expect(result.getByTestId('storyboard-file')).toHaveText(file);
  expect(Date.now() - started).toBeLessThan(10_000);
  await expect(result).toContainText('Wrote 5 shots on 3 pages');
  expect(pdfPages(file)).toBe(3);
  await showInFolder(result, file);
  await dialog.screenshot({ path: test.info().outputPath('storyboard-dialog.png') });
  await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();

  await app.getByRole('button', { name: 'Render animatic…' }).click();
  const render = app.getByRole('dialog', { name: 'Render animatic' });
  await render.getByRole('button', { name: 'Render', exact: true }).click();
  const rendered = render.getByRole('status', { name: 'Render result' });
  await expect(rendered).toContainText('Done', { timeout: 120_000 });
  const mp4 = (await rendered.locator('code').textContent())!;
  expect(fs.existsSync(mp4)).toBe(true);
  await showInFolder(rendered, mp4);
  await render.screenshot({ path: test.info().outputPath('animatic-dialog.png') });
});
