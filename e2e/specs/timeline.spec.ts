import { artifact, expect, test } from '../fixtures/app';
import { workspace } from '../pages/workspace';

test('plan a short: scenes, shots, drag, prompt, tools, cost, undo, reload', async ({ app }) => {
  const ws = workspace(app);
  await ws.createProject('E2E Short');

  const addShot = app.getByRole('button', { name: 'Add shot' });
  for (let i = 0; i < 3; i++) await addShot.click();
  await app.getByRole('button', { name: 'Add scene' }).click();
  for (let i = 0; i < 3; i++) await addShot.click();
  await expect(ws.timeline.getByRole('option')).toHaveCount(6);
  expect(await ws.labels()).toEqual(['1A', '1B', '1C', '2A', '2B', '2C']);

  // Drag 1C in front of 1A; labels are stable through the reorder.
  await ws.dragCard(ws.card('1C'), ws.card('1A'), 'before');
  await expect.poll(ws.labels).toEqual(['1C', '1A', '1B', '2A', '2B', '2C']);

  // Switch 2A to Runway (the cost goes up), then write its prompt.
  const costBefore = await app.getByTestId('cost-total').innerText();
  await ws.card('2A').click();
  await ws.inspector.getByRole('combobox', { name: 'Tool', exact: true }).selectOption('runway:gen4.5');
  await expect(app.getByTestId('cost-total')).not.toHaveText(costBefore);
  const costRunway = await app.getByTestId('cost-total').innerText();
  await ws.inspector.getByRole('textbox', { name: 'Action' }).fill('Mara steps in out of the rain');
  await ws.inspector.getByRole('textbox', { name: 'Subject' }).fill('@mara, wet coat, neon reflections');
  // The preview is compiled from the saved shot, so this waits for the edit to be committed.
  const preview = ws.inspector.getByRole('region', { name: 'Prompt preview' });
  await expect(preview).toContainText('@mara, wet coat');

  // Undo walks back one edit at a time: the prompt first, then the tool (and its cost).
  await ws.timeline.focus();
  await app.keyboard.press('Control+z');
  await expect(preview).not.toContainText('@mara, wet coat');
  await expect(app.getByTestId('cost-total')).toHaveText(costRunway);
  await app.keyboard.press('Control+z');
  await app.keyboard.press('Control+z');
  await expect(app.getByTestId('cost-total')).toHaveText(costBefore);
  await app.keyboard.press('Control+Shift+z');
  await app.keyboard.press('Control+Shift+z');
  await app.keyboard.press('Control+Shift+z');
  await expect(preview).toContainText('@mara, wet coat');
  await expect(app.getByTestId('cost-total')).toHaveText(costRunway);

  // The cost by scene (drawn just after the first screen) lists both scenes; "?" opens every shortcut.
  await expect(app.getByRole('table', { name: 'Cost by scene' }).getByRole('row')).toHaveCount(2);
  await ws.timeline.focus();
  await app.keyboard.press('?');
  const help = app.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('row', { name: /Duplicate the selected shots/ })).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // Everything is still there after a reload.
  await app.reload();
  await app.locator('[data-ready="true"]').waitFor();
  await expect.poll(ws.labels).toEqual(['1C', '1A', '1B', '2A', '2B', '2C']);
  await expect(app.getByTestId('cost-total')).toHaveText(costRunway);
  await ws.card('2A').click();
  await expect(ws.inspector.getByRole('textbox', { name: 'Action' })).toHaveValue('Mara steps in out of the rain');
  await expect(ws.inspector.getByRole('combobox', { name: 'Tool', exact: true })).toHaveValue('runway:gen4.5');
});

test('the demo project on the timeline (screenshot)', async ({ app, workdir }) => {
  const ws = workspace(app);
  await ws.openDemo(workdir);
  await expect(ws.timeline.getByRole('option')).toHaveCount(12);
  await ws.card('2A').click();
  await app.screenshot({ path: artifact('timeline.png') });
});
