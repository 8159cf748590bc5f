import { artifact, expect, test } from '../fixtures/app';
import { dropFiles } from '../pages/drop';
import { workspace } from '../pages/workspace';

const SCRIPT = `Title: Night Diner
Author: Ana Ruiz

INT. DINER - NIGHT

Rain hammers the window. MARA, soaked, pushes the door open.

DEE
Kitchen's closed.

MARA (O.S.)
(flat)
Coffee, then.

EXT. PARKING LOT - NIGHT

Taillights recede into the rain.
`;

// A filmmaker drops a Fountain script on the timeline, reads the breakdown, imports it, sees the
// scenes, the shots with their dialogue and the characters in the library — and one undo takes
// it all back.
test('drop a Fountain script on the timeline, preview, import, undo (screenshots)', async ({ app }) => {
  const ws = workspace(app);
  await ws.createProject('Script E2E');
  await dropFiles(app.locator('.timeline-scroll'), [{ name: 'Night Diner.fountain', type: 'text/plain', b64: Buffer.from(SCRIPT).toString('base64') }]);

  const dialog = app.getByRole('dialog', { name: 'Import script or shot list' });
  const preview = dialog.getByTestId('script-preview');
  await expect(preview.getByRole('status')).toContainText('Night Diner: 2 scenes, 3 shots, 2 dialogue lines');
  await expect(preview.getByRole('region', { name: 'Scenes' })).toContainText('INT. DINER - NIGHT');
  await expect(preview.getByRole('checkbox', { name: /MARA/ })).toBeChecked();
  await expect(preview.getByRole('checkbox', { name: /DEE/ })).toBeChecked();
  await dialog.screenshot({ path: artifact('script-preview.png') });

  await dialog.getByRole('button', { name: 'Import 3 shots' }).click();
  await expect(dialog).toBeHidden();
  await expect(ws.card('1A')).toBeVisible();
  await expect(ws.card('2A')).toBeVisible();
  await ws.card('1B').click();
  const lines = ws.inspector.getByTestId('dialogue-line');
  await expect(lines).toHaveCount(2);
  await expect(lines.first().getByRole('combobox', { name: 'Line 1 speaker' })).toHaveValue('DEE');
  await expect(lines.nth(1).getByRole('textbox', { name: 'Line 2 parenthetical' })).toHaveValue('(flat)');
  await app.screenshot({ path: artifact('script-imported.png') });

  const library = app.getByRole('region', { name: 'Library' });
  await expect(library).toContainText('Mara');
  await expect(library).toContainText('Dee');

  // A revised draft: the preview costs only the rewritten shot, not the two unchanged ones.
  const revised = SCRIPT.replace('Taillights recede into the rain.', 'Taillights recede into the fog.');
  await dropFiles(app.locator('.timeline-scroll'), [{ name: 'Night Diner.fountain', type: 'text/plain', b64: Buffer.from(revised).toString('base64') }]);
  await expect(preview.getByRole('status')).toContainText('for 1 new or rewritten shot.');
  await expect(preview.getByTestId('script-revision')).toContainText('1 changed');
  await expect(dialog.getByRole('button', { name: 'Import the revision' })).toBeVisible();
  await dialog.screenshot({ path: artifact('script-revision.png') });
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await ws.timeline.focus();
  await app.keyboard.press('Control+z');
  await expect(ws.card('1A')).toHaveCount(0);
  await expect(library).not.toContainText('Dee');
});
