import fs from 'node:fs';
import path from 'node:path';
import { artifact, expect, test } from '../fixtures/app';
import { showInFolder } from '../pages/showInFolder';
import { workspace } from '../pages/workspace';

test('export a small project for DaVinci Resolve, asking before replacing it', async ({ app, workdir }) => {
  test.setTimeout(300_000);
  const ws = workspace(app);
  await ws.createProject('E2E Export');
  const addShot = app.getByRole('button', { name: 'Add shot' });
  for (let i = 0; i < 2; i++) await addShot.click();
  await expect(ws.timeline.getByRole('option')).toHaveCount(2);

  const out = path.join(workdir, 'exports');
  fs.mkdirSync(out);
  await app.getByRole('button', { name: 'Export', exact: true }).click();
  await app.getByRole('menuitem', { name: 'Export: DaVinci Resolve…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export: DaVinci Resolve' });
  await dialog.getByRole('textbox', { name: 'Destination folder' }).fill(out);
  await expect(dialog.getByText(`Creates ${path.join(out, 'E2E_Export_Resolve')}`)).toBeVisible();
  await dialog.getByRole('radio', { name: /Crop to fill/ }).check();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();

  const folder = path.join(out, 'E2E_Export_Resolve');
  await expect(dialog.getByTestId('export-folder')).toHaveText(folder, { timeout: 240_000 });
  expect(fs.readdirSync(path.join(folder, 'Placeholders'))).toEqual(['SC01_SH010_PH.mp4', 'SC01_SH020_PH.mp4']);
  expect(fs.existsSync(path.join(folder, 'E2E_Export.fcpxml'))).toBe(true);
  await app.screenshot({ path: artifact('export.png') });
  await showInFolder(dialog.getByRole('status', { name: 'Export result' }), folder);

  // Again: the folder exists, so the dialog asks; keeping it leaves it alone.
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const ask = dialog.getByRole('alertdialog', { name: 'Replace existing export' });
  await expect(ask).toContainText('already exists');
  await ask.getByRole('button', { name: 'Keep it' }).click();
  await expect(ask).toHaveCount(0);
});

test('export the shot list on its own and show it in its folder', async ({ app, workdir }) => {
  const ws = workspace(app);
  await ws.createProject('E2E Shot List');
  await app.getByRole('button', { name: 'Add shot' }).click();
  await expect(ws.timeline.getByRole('option')).toHaveCount(1);

  await app.getByRole('button', { name: 'Export', exact: true }).click();
  await app.getByRole('menuitem', { name: 'Export shot list…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export shot list' });
  await dialog.getByRole('textbox', { name: 'Save to (a folder or a .csv file)' }).fill(workdir);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const file = path.join(workdir, 'E2E_Shot_List_shotlist.csv');
  const result = dialog.getByRole('status', { name: 'Shot list result' });
  await expect(result.getByTestId('shotlist-file')).toHaveText(file);
  expect(fs.existsSync(file)).toBe(true);
  await showInFolder(result, file);
});
