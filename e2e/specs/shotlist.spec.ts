// Shot-list columns in the inspector: size and angle reach the compiled prompt, the rest are kept
// on the shot, a custom column is added for the whole project, and `list --json` reads them all.
import path from 'node:path';
import { run } from '../../app/cli/run';
import { artifact, expect, test } from '../fixtures/app';
import { workspace } from '../pages/workspace';

test('size, angle, lens, equipment, location, cast, setup and a custom column on a shot', async ({ app, workdir }) => {
  const ws = workspace(app);
  await ws.createProject('Columns');
  await app.getByRole('button', { name: 'Add shot' }).click();
  await ws.card('1A').click();
  await ws.inspector.getByRole('textbox', { name: 'Action' }).fill('Mara waits at the counter');
  // The local animatic draws a title card from the action; a video model gets the framing.
  await ws.inspector.getByRole('combobox', { name: 'Tool', exact: true }).selectOption('runway:gen4_turbo');

  const list = ws.inspector.getByRole('group', { name: 'Shot list' });
  await list.getByRole('combobox', { name: 'Size' }).selectOption('CU');
  await list.getByRole('combobox', { name: 'Angle' }).selectOption('low');
  const preview = ws.inspector.getByRole('region', { name: 'Prompt preview' });
  await expect(preview).toContainText('Close-up, low angle looking up.');

  await list.getByRole('textbox', { name: 'Lens (mm)' }).fill('35mm');
  await list.getByRole('combobox', { name: 'Equipment' }).selectOption('dolly');
  await list.getByRole('combobox', { name: 'Location' }).fill('Diner');
  await list.getByRole('textbox', { name: 'Setup' }).fill('3');
  await list.getByRole('textbox', { name: 'Cast' }).fill('Mara, Dee');
  await list.getByRole('button', { name: 'Add column…' }).click();
  await list.getByRole('textbox', { name: 'New column name' }).fill('Wardrobe');
  await list.getByRole('textbox', { name: 'New column name' }).press('Enter');
  await list.getByRole('textbox', { name: 'Wardrobe' }).fill('Red coat');
  await list.getByRole('textbox', { name: 'Wardrobe' }).blur();
  await ws.inspector.scrollIntoViewIfNeeded();
  await list.scrollIntoViewIfNeeded();
  await app.screenshot({ path: artifact('shot-list-fields.png') });

  const folder = path.join(workdir, 'projects', 'Columns.shotline');
  const listJson = async () => {
    let out = '';
    await run(['list', folder, '--json'], { out: (t: string) => (out += t), err: () => {}, cwd: workdir, env: {} });
    return JSON.parse(out) as { customColumns: string[]; shots: Array<Record<string, unknown>> };
  };
  await expect
    .poll(async () => (await listJson()).shots[0])
    .toMatchObject({
      size: 'CU',
      angle: 'low',
      lensMm: 35,
      equipment: 'dolly',
      location: 'Diner',
      cast: ['Mara', 'Dee'],
      setup: 3,
      custom: { Wardrobe: 'Red coat' },
    });
  expect((await listJson()).customColumns).toEqual(['Wardrobe']);

  // One undo takes the last cell back.
  await ws.timeline.focus();
  await app.keyboard.press('Control+z');
  await expect.poll(async () => (await listJson()).shots[0]!.custom).toEqual({});
});
