import { expect, test } from '../fixtures/app';
import { workspace } from '../pages/workspace';

// A filmmaker saves the plan as a version, keeps working, goes back to the version in place,
// sees the plan as it was, and one undo brings the present back. The dialog is photographed
// (test-results/versions-dialog.png) with a named and an automatic version in it.
test('save a version, change the plan, restore it in place, undo (screenshot)', async ({ app }) => {
  const ws = workspace(app);
  await ws.createProject('Versions E2E');
  const addShot = app.getByRole('button', { name: 'Add shot' });
  await addShot.click();
  await addShot.click();
  await ws.card('1A').click();
  const action = ws.inspector.getByRole('textbox', { name: 'Action' });
  await action.fill('Mara waits by the window');
  await action.blur();
  await expect.poll(ws.labels).toEqual(['1A', '1B']);

  // Ctrl+Shift+S opens the dialog, its name field ready.
  await ws.timeline.focus();
  await app.keyboard.press('Control+Shift+S');
  const dialog = app.getByRole('dialog', { name: 'Versions' });
  const list = dialog.getByRole('list', { name: 'Saved versions' });
  await expect(dialog.getByText('No versions yet.')).toBeVisible();
  const name = dialog.getByRole('textbox', { name: 'Save the project as it is now' });
  await expect(name).toBeFocused();
  await name.fill('First cut');
  await dialog.getByRole('button', { name: 'Save version' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(list).toContainText('First cut');
  await expect(list).toContainText('2 shots · 1 scene');
  await app.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The present: 1A rewritten, a new shot.
  await ws.card('1A').click();
  await action.fill('Mara leaves');
  await action.blur();
  await addShot.click();
  await expect.poll(ws.labels).toEqual(['1A', '1C', '1B']);

  // From the header's menu this time; restoring asks first.
  await app.getByRole('button', { name: 'Export' }).click();
  await app.getByRole('menuitem', { name: 'Versions…' }).click();
  const first = list.getByRole('listitem').filter({ hasText: 'First cut' });
  await first.getByRole('button', { name: 'Restore here' }).click();
  const confirm = first.getByRole('group', { name: 'Confirm restore' });
  await expect(confirm).toContainText('Ctrl+Z brings it back');
  await dialog.screenshot({ path: 'test-results/versions-confirm.png' });
  await confirm.getByRole('button', { name: 'Restore here' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('status').filter({ hasText: 'Restored “First cut”' })).toContainText('brings back the present');
  await expect.poll(ws.labels).toEqual(['1A', '1B']);
  await ws.card('1A').click();
  await expect(action).toHaveValue('Mara waits by the window');

  // One undo: the present again.
  await ws.timeline.focus();
  await app.keyboard.press('Control+z');
  await expect.poll(ws.labels).toEqual(['1A', '1C', '1B']);
  await ws.card('1A').click();
  await expect(action).toHaveValue('Mara leaves');

  // The present was saved before the restore, marked auto.
  await ws.timeline.focus();
  await app.keyboard.press('Control+Shift+S');
  const auto = list.getByRole('listitem').filter({ hasText: 'Before restoring “First cut”' });
  await expect(auto).toContainText('auto');
  await expect(auto).toContainText('3 shots · 1 scene');
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await dialog.screenshot({ path: 'test-results/versions-dialog.png' });
});

test('open a version as a new project beside this one', async ({ app }) => {
  const ws = workspace(app);
  await ws.createProject('Branch E2E');
  await app.getByRole('button', { name: 'Add shot' }).click();
  await ws.timeline.focus();
  await app.keyboard.press('Control+Shift+S');
  const dialog = app.getByRole('dialog', { name: 'Versions' });
  await dialog.getByRole('textbox', { name: 'Save the project as it is now' }).fill('One shot');
  await dialog.getByRole('button', { name: 'Save version' }).click();
  await dialog.getByRole('button', { name: 'Open as new project' }).click();
  await expect(dialog).toBeHidden();
  await expect(app.getByRole('textbox', { name: 'Project title' })).toHaveValue('Branch E2E (One shot)');
  await expect.poll(ws.labels).toEqual(['1A']);
});
