import sharp from 'sharp';
import { artifact, expect, test } from '../fixtures/app';
import { dropFiles, type PageFile } from '../pages/drop';
import { workspace } from '../pages/workspace';

const png = async (name: string, colour: string, width: number, height: number): Promise<PageFile> => ({
  name,
  type: 'image/png',
  b64: (
    await sharp({ create: { width, height, channels: 3, background: colour } })
      .png()
      .toBuffer()
  ).toString('base64'),
});

test('drop reference images, fill a Runway shot’s slots, replace one and refuse a fourth (screenshots)', async ({ app }) => {
  const ws = workspace(app);
  await ws.createProject('Library E2E');
  await app.getByRole('button', { name: 'Add shot' }).click();
  await ws.card('1A').click();
  await ws.inspector.getByRole('combobox', { name: 'Tool', exact: true }).selectOption('runway:gen4_turbo');

  // Three files dropped on the library become three tagged items.
  const library = app.getByRole('region', { name: 'Library' });
  await dropFiles(library, [
    await png('Mara.png', '#c0563a', 300, 400),
    await png('Diner.png', '#3a6ec0', 640, 360),
    await png('Neon.png', '#c03aa8', 400, 400),
  ]);
  const summary = library.getByRole('status', { name: 'Import summary' });
  await expect(summary).toContainText('3 images added');
  const items = library.getByRole('list', { name: 'Library items' });
  await expect(items.getByRole('listitem')).toHaveCount(3);
  await expect(items.getByRole('button', { name: 'Mara @mara' })).toBeVisible();

  // A Runway Gen-4 shot has three slots (the catalog's number); fill them from the library.
  const slots = ws.inspector.getByRole('list', { name: 'Reference slots' });
  await expect(slots.getByRole('listitem')).toHaveCount(3);
  await ws.inspector.getByRole('combobox', { name: 'Reference slot 1' }).selectOption({ label: '@mara — Mara' });
  await expect(slots.getByRole('listitem', { name: 'Slot 1: @mara' })).toBeVisible();
  await ws.inspector.getByRole('combobox', { name: 'Reference slot 2' }).selectOption({ label: '@diner — Diner' });
  await ws.inspector.getByRole('combobox', { name: 'Reference slot 3' }).selectOption({ label: '@neon — Neon' });
  await expect(slots.getByRole('listitem', { name: 'Slot 3: @neon' })).toBeVisible();

  // The prompt: @tag completion, and a flag for a filled slot the prompt never names.
  const subject = ws.inspector.getByRole('textbox', { name: 'Subject' });
  await subject.click();
  await subject.pressSequentially('@ma');
  const completion = app.getByRole('listbox', { name: 'Library tags' });
  await expect(completion.getByRole('option', { name: /@mara/ })).toContainText('slot 1');
  await subject.press('Enter');
  await expect(subject).toHaveValue('@mara ');
  await subject.pressSequentially('walks into the @diner');
  await expect(ws.inspector.getByRole('list', { name: 'Tags in the prompt' })).toContainText('@diner slot 2');
  await expect(ws.inspector).toContainText('Slot 3 holds @neon, but the prompt never mentions it.');

  // Two images dropped on the full shot's slot 3: the first takes @neon's place, the second is refused.
  await dropFiles(slots.getByRole('listitem', { name: 'Slot 3: @neon' }), [
    await png('Car.png', '#888888', 320, 240),
    await png('Bus.png', '#aa8844', 320, 240),
  ]);
  await expect(summary).toContainText('1 image added, 1 refused');
  await expect(summary).toContainText('Runway Gen-4 Turbo takes up to 3 reference images; shot 1A would have 4.');
  await expect(slots.getByRole('listitem')).toHaveCount(3);
  await expect(slots.getByRole('listitem', { name: 'Slot 3: Car.png' })).toBeVisible();
  await expect(slots.getByRole('listitem', { name: 'Slot 1: @mara' })).toBeVisible();

  // The library knows where each item is used.
  await items.getByRole('button', { name: 'Mara @mara' }).click();
  const details = library.getByRole('group', { name: '@mara details' });
  await expect(details.getByRole('button', { name: /^1A/ })).toContainText('reference');

  // Give the library the left column's height for the picture (the cost panel to its minimum).
  await app.getByRole('separator', { name: 'Resize cost panel' }).press('Home');
  // Toasts float over the inspector; clear them so the pictures show the panels.
  while ((await app.getByRole('button', { name: 'Dismiss', exact: true }).count()) > 0)
    await app.getByRole('button', { name: 'Dismiss', exact: true }).first().click();
  await library.screenshot({ path: artifact('library.png') });
  await ws.inspector.getByRole('group', { name: 'References and keyframes' }).screenshot({ path: artifact('shot-slots.png') });
  await app.screenshot({ path: artifact('library-workspace.png') });
});
