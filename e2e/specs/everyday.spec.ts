// The everyday path at a laptop's 1280×800: nothing cut or overlapping, the inspector out of the
// way with no shot selected, Space plays from the timeline, and an image dropped on a card becomes
// its start keyframe (or a reference) with feedback.
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { artifact, expect, test } from '../fixtures/app';
import { dropFiles } from '../pages/drop';
import { workspace } from '../pages/workspace';

/** True when the element's text is cut (it scrolls or overflows its box). */
const clipped = (el: Element) => el.scrollWidth > el.clientWidth + 1;

test('1280×800: a tested layout (screenshot)', async ({ app, workdir }) => {
  await app.setViewportSize({ width: 1280, height: 800 });
  await workspace(app).openDemo(workdir);
  const ws = workspace(app);
  await app.screenshot({ path: artifact('layout-1280-empty.png') });

  // No shot selected: the inspector gives its width back to the timeline.
  const inspector = await app.getByRole('region', { name: 'Shot inspector' }).boundingBox();
  expect(inspector?.width ?? 0).toBeLessThan(60);

  await ws.card('1A').click();
  await app.screenshot({ path: artifact('layout-1280.png') });
  const summary = app.getByTestId('queue-summary');
  expect(await summary.evaluate(clipped)).toBe(false);
  // The loop buttons and the end timecode do not overlap.
  const loop = await app.getByRole('button', { name: 'Mark loop out' }).boundingBox();
  const end = await app.getByTestId('end-timecode').boundingBox();
  expect(loop && end && (loop.x + loop.width <= end.x || end.x + end.width <= loop.x)).toBe(true);
});

test('Space plays and pauses from the timeline, keeping the selection', async ({ app, workdir }) => {
  await workspace(app).openDemo(workdir);
  const ws = workspace(app);
  await ws.card('1B').click();
  await ws.timeline.focus();
  await app.keyboard.press('Space');
  await expect(app.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(ws.card('1B')).toHaveAttribute('aria-selected', 'true');
  await app.keyboard.press('Space');
  await expect(app.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(ws.card('1B')).toHaveAttribute('aria-selected', 'true');
});

test('an image dropped on a card’s frame becomes its start keyframe, elsewhere a reference', async ({ app, workdir }) => {
  await workspace(app).openDemo(workdir);
  const ws = workspace(app);
  const png = path.join(workdir, 'still.png');
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'color=c=teal:s=640x360', '-frames:v', '1', png]);
  const file = { name: 'still.png', b64: fs.readFileSync(png).toString('base64'), type: 'image/png' };

  await dropFiles(ws.card('1C').locator('.card-body'), [file]);
  await expect(app.getByText('Made the start keyframe of 1C — Ctrl+Z to undo')).toBeVisible();
  await ws.card('1C').click();
  await expect(ws.inspector.getByRole('group', { name: 'Start keyframe' }).getByRole('img')).toBeVisible();

  await dropFiles(ws.card('1C').locator('.card-meta'), [file]);
  await expect(app.getByText('Made a reference of 1C — Ctrl+Z to undo')).toBeVisible();
});

test('a shot moved into another scene keeps its label, and the toast offers Renumber', async ({ app, workdir }) => {
  await workspace(app).openDemo(workdir);
  const ws = workspace(app);
  await ws.dragCard(ws.card('2A'), ws.card('1B'), 'before');
  const toast = app.getByRole('status').filter({ hasText: 'Moved 2A into scene 1' });
  await expect(toast).toBeVisible();
  await expect(ws.card('2A')).toBeVisible();
  await toast.getByRole('button', { name: 'Renumber' }).click();
  await expect.poll(async () => (await ws.labels()).slice(0, 4)).toEqual(['1A', '1B', '1C', '1D']);
});

test('changing the frame with takes in place says how many no longer fit before it changes', async ({ app }) => {
  await workspace(app).projectWithTakes('Frames');

  const frame = app.getByRole('combobox', { name: 'Project aspect ratio' });
  await frame.selectOption('9:16');
  const dialog = app.getByRole('dialog', { name: 'Change the frame to 9:16?' });
  await expect(dialog.getByTestId('frame-change-text')).toContainText('2 of 2 takes no longer fit 9:16 (they are wider)');
  await app.screenshot({ path: artifact('frame-change.png') });
  await dialog.getByRole('button', { name: 'Keep 16:9' }).click();
  await expect(frame).toHaveValue('16:9');
  await frame.selectOption('9:16');
  await app.getByRole('dialog', { name: 'Change the frame to 9:16?' }).getByRole('button', { name: 'Change to 9:16' }).click();
  await expect(frame).toHaveValue('9:16');
});

test('one warning per fact in the inspector, and none for a tag still being typed', async ({ app }) => {
  const ws = workspace(app);
  await ws.createProject('Tags');
  await app.evaluate(() =>
    (window as unknown as { shotline: { invoke(c: string, i: unknown): Promise<unknown> } }).shotline.invoke('library.createItem', {
      kind: 'character',
      name: 'Mara',
      tag: 'mara',
    }),
  );
  await app.getByRole('button', { name: 'Add shot' }).click();
  await ws.card('1A').click();
  await ws.inspector.getByRole('combobox', { name: 'Tool', exact: true }).selectOption('runway:gen4_turbo');
  await ws.inspector.getByRole('textbox', { name: 'Action' }).fill('Mara waits');

  const subject = ws.inspector.getByRole('textbox', { name: 'Subject' });
  await subject.fill('@ma');
  await expect(app.getByRole('listbox', { name: 'Library tags' })).toBeVisible();
  // Past the field's commit delay, the half-typed tag is saved but not flagged while the list is open.
  await expect(ws.inspector.getByRole('region', { name: 'Prompt preview' })).toContainText('@ma.');
  await expect(ws.inspector.getByText('@ma is not a tag in the library')).toHaveCount(0);
  await subject.press('Escape');
  await expect(ws.inspector.getByText('@ma is not a tag in the library')).toHaveCount(1);

  // A negative prompt Runway cannot take is said once, at its field, not again under the preview.
  const negative = ws.inspector.getByRole('textbox', { name: 'Negative prompt' });
  await negative.fill('blur');
  await negative.blur();
  await expect(ws.inspector.getByText('has no negative prompt: it is dropped')).toHaveCount(1);

  // A duration of 0 is refused with the model's own range, the one its duration chips show.
  await ws.inspector.getByRole('textbox', { name: 'Duration' }).fill('0');
  await expect(ws.inspector.getByText('Type a duration in seconds, e.g. 5 or 2.5: Runway Gen-4 Turbo makes 2s–10s.')).toBeVisible();
});
