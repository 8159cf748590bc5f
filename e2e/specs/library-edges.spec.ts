import sharp from 'sharp';
import type { Locator, Page } from '@playwright/test';
import { artifact, expect, test } from '../fixtures/app';
import { dropFiles, type PageFile } from '../pages/drop';
import { workspace } from '../pages/workspace';

const png = async (name: string, colour: string, width = 320, height = 240): Promise<PageFile> => ({
  name,
  type: 'image/png',
  b64: (
    await sharp({ create: { width, height, channels: 3, background: colour } })
      .png()
      .toBuffer()
  ).toString('base64'),
});

const text = (name: string, body: string): PageFile => ({ name, type: 'image/png', b64: Buffer.from(body).toString('base64') });

const libraryOf = (app: Page) => app.getByRole('region', { name: 'Library' });
const itemsOf = (app: Page) => libraryOf(app).getByRole('list', { name: 'Library items' });

/** Toasts float over the panels; clear them before a picture, or before waiting for a new one. */
async function dismissToasts(app: Page) {
  while ((await app.getByRole('button', { name: 'Dismiss', exact: true }).count()) > 0)
    await app.getByRole('button', { name: 'Dismiss', exact: true }).first().click();
}

/** The kind chip of the item tagged `tag`. */
const kindOf = (app: Page, tag: string) => itemsOf(app).getByTestId(`library-item-${tag}`).locator('.kind-chip');

test('a drop on All guesses each item’s kind from its name; a drop on a kind’s button takes that kind', async ({ app }) => {
  const ws = workspace(app);
  await ws.createProject('Kinds');
  const library = libraryOf(app);
  await dropFiles(library, [await png('loc_diner_bg.png', '#3a6ec0'), await png('Maya_sheet_02.png', '#c0563a'), await png('hero_prop.png', '#888888')]);
  await expect(itemsOf(app).getByRole('listitem')).toHaveCount(3);
  await expect(kindOf(app, 'diner')).toHaveText('location');
  await expect(kindOf(app, 'maya')).toHaveText('character');
  await expect(kindOf(app, 'hero')).toHaveText('prop');

  // Dropped on the Styles button: a style whatever its name says, and the list shows styles.
  const kinds = library.getByRole('radiogroup', { name: 'Show kind' });
  await dropFiles(kinds.getByText('Styles', { exact: true }), [await png('loc_night.png', '#223344')]);
  await expect(kinds.getByRole('radio', { name: 'Styles' })).toBeChecked();
  await expect(itemsOf(app).getByRole('listitem')).toHaveCount(1);
  await expect(kindOf(app, 'night')).toHaveText('style');

  // With Locations shown, a drop anywhere on the library adds locations.
  await kinds.getByText('Locations', { exact: true }).click();
  await dropFiles(library, [await png('Mara.png', '#c03aa8')]);
  await expect(kindOf(app, 'mara')).toHaveText('location');
});

test('an import that refuses several files names every one of them, with why', async ({ app }) => {
  const ws = workspace(app);
  await ws.createProject('Refusals');
  const library = libraryOf(app);
  await dropFiles(library, [await png('good.png', '#3a6ec0'), text('notes.png', 'just text'), text('empty.png', '')]);
  const toast = app.getByRole('alert');
  await expect(toast).toContainText('Import: 1 image added, 2 refused.');
  await expect(toast).toContainText('notes.png: a text file, not an image.');
  await expect(toast).toContainText('empty.png: the file is empty (0 bytes).');
  await dismissToasts(app);

  // A long list: five named, the rest counted.
  const many = Array.from({ length: 8 }, (_, i) => text(`bad${i + 1}.png`, `text ${i}`));
  await dropFiles(library, many);
  await expect(toast).toContainText('bad1.png, bad2.png, bad3.png, bad4.png, bad5.png: a text file, not an image.');
  await expect(toast).toContainText('…and 3 more, listed in the library’s import summary.');
  await expect(toast).not.toContainText('bad6.png');
  await expect(library.getByRole('status', { name: 'Import summary' }).getByRole('listitem')).toHaveCount(8);
});

test('an item or a file dropped on a full reference slot replaces it, says so, and is one undo', async ({ app }) => {
  const ws = workspace(app);
  await ws.createProject('Slots');
  await app.getByRole('button', { name: 'Add shot' }).click();
  await ws.card('1A').click();
  await ws.inspector.getByRole('combobox', { name: 'Tool', exact: true }).selectOption('runway:gen4_turbo');
  await dropFiles(libraryOf(app), [
    await png('Mara.png', '#c0563a'),
    await png('Diner.png', '#3a6ec0'),
    await png('Neon.png', '#c03aa8'),
    await png('Cafe.png', '#33aa55'),
  ]);
  await expect(itemsOf(app).getByRole('listitem')).toHaveCount(4);
  const slots = ws.inspector.getByRole('list', { name: 'Reference slots' });
  for (const [n, label] of [
    [1, '@mara — Mara'],
    [2, '@diner — Diner'],
    [3, '@neon — Neon'],
  ] as const)
    await ws.inspector.getByRole('combobox', { name: `Reference slot ${n}` }).selectOption({ label });
  await expect(slots.getByRole('listitem', { name: 'Slot 3: @neon' })).toBeVisible();
  const slot = (n: number): Locator => slots.getByTestId(`ref-slot-${n}`);

  // A library item dragged onto the full shot's slot 2.
  await itemsOf(app).getByRole('button', { name: 'Cafe @cafe' }).dragTo(slot(2));
  await expect(slot(2)).toHaveAccessibleName('Slot 2: @cafe');
  await expect(app.getByRole('status').filter({ hasText: 'Replaced @diner with @cafe in slot 2 — Ctrl+Z to undo' })).toBeVisible();
  await app.keyboard.press('Control+z');
  await expect(slot(2)).toHaveAccessibleName('Slot 2: @diner');

  // A file dropped onto slot 3 does the same, where it used to be refused.
  await dismissToasts(app);
  await dropFiles(slot(3), [await png('car.png', '#aaaa33')]);
  await expect(slot(3)).toHaveAccessibleName('Slot 3: car.png');
  await expect(app.getByRole('status').filter({ hasText: 'Replaced @neon with car.png in slot 3 — Ctrl+Z to undo' })).toBeVisible();
  await expect(slots.getByRole('listitem')).toHaveCount(3);
  await app.screenshot({ path: artifact('slot-replaced.png') });
  await app.locator('body').click({ position: { x: 5, y: 5 } });
  await app.keyboard.press('Control+z');
  await expect(slot(3)).toHaveAccessibleName('Slot 3: @neon');
  await expect(slot(1)).toHaveAccessibleName('Slot 1: @mara');
});

for (const size of [
  { width: 1280, height: 800 },
  { width: 1600, height: 1000 },
]) {
  test(`the item editor fits the library pane at ${size.width}×${size.height} (screenshot)`, async ({ app }) => {
    await app.setViewportSize(size);
    const ws = workspace(app);
    await ws.createProject('Editor');
    await dropFiles(libraryOf(app), [await png('Maya.png', '#c0563a', 300, 400)]);
    const row = itemsOf(app).getByRole('button', { name: 'Maya @maya' });
    await dropFiles(row, [await png('Maya_side.png', '#3a6ec0', 640, 360), await png('Maya_back.png', '#33aa55', 400, 400)]);
    await row.click();
    const details = libraryOf(app).getByRole('group', { name: '@maya details' });
    await expect(details.getByRole('listitem')).toHaveCount(3);
    await app.getByRole('separator', { name: 'Resize cost panel' }).press('Home');
    await dismissToasts(app);

    // One field a row, nothing past the pane, and each button's label on one line inside its pill.
    const name = (await details.getByRole('textbox', { name: 'Name' }).boundingBox())!;
    const tag = (await details.getByRole('textbox', { name: 'Tag' }).boundingBox())!;
    expect(tag.y).toBeGreaterThanOrEqual(name.y + name.height);
    const pane = (await libraryOf(app).boundingBox())!;
    for (const field of [
      details.getByRole('textbox', { name: 'Name' }),
      details.getByRole('textbox', { name: 'Tag' }),
      details.getByRole('combobox', { name: 'Kind' }),
    ]) {
      const box = (await field.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(pane.x + pane.width);
    }
    for (const button of await details.getByRole('list', { name: 'Images of @maya' }).getByRole('button').all()) {
      const fits = await button.evaluate((el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight);
      expect(fits, `${await button.getAttribute('aria-label')} overflows its pill`).toBe(true);
    }
    await libraryOf(app).screenshot({ path: artifact(`library-item-editor-${size.width}.png`) });
    await app.screenshot({ path: artifact(`library-item-editor-workspace-${size.width}.png`) });
  });
}
