// Storyboard frames on the board: switch from the timeline, make frames for every shot without
// one (the local frame tool is free: no confirmation), circle another frame, redo one shot, see
// the circled frame on the shot's card; then sketch a start keyframe and see it on the shot.
import { artifact, expect, test } from '../fixtures/app';
import { workspace } from '../pages/workspace';

test('board: frames for all, circle another, redo one, the card follows', async ({ app, workdir }) => {
  const ws = workspace(app);
  await ws.openDemo(workdir);

  await app.getByRole('radio', { name: 'Board' }).check();
  const board = app.getByRole('region', { name: 'Board' });
  await expect(board).toBeVisible();
  const panel = (label: string) => app.getByTestId(`board-panel-${label}`);
  await expect(panel('1A')).toBeVisible();
  const frameTool = app.getByRole('combobox', { name: 'Frame tool' });
  await expect(frameTool).toHaveValue('local:frame');
  await app.screenshot({ path: artifact('board-before.png') });

  // A paid image model: the batch's cost shows first; with no Runway key every shot is left out,
  // and the Skipped dialog offers the key or another image model.
  const forAll = app.getByTestId('frames-for-all');
  await frameTool.selectOption('runway:gen4_image');
  await expect(forAll).not.toContainText('$0.00');
  await forAll.click();
  const confirm = app.getByRole('dialog', { name: 'Make frames for 12 shots?' });
  await expect(confirm.getByTestId('frames-sum')).toContainText('12 shots × 2 takes ×');
  await expect(confirm.getByTestId('frames-sum')).toContainText('Runway Gen-4 Image');
  await app.screenshot({ path: artifact('board-confirm.png') });
  await confirm.getByRole('button', { name: /^Make frames · / }).click();
  const skipped = app.getByRole('dialog', { name: 'Nothing was queued' });
  await expect(skipped.getByTestId('skipped-list')).toContainText('1A');
  await expect(skipped.getByRole('button', { name: 'Add key…' })).toBeVisible();
  await expect(skipped.getByRole('combobox', { name: 'Or make their frames with' })).toHaveValue('local:frame');
  await app.screenshot({ path: artifact('board-skipped.png') });
  await skipped.getByRole('button', { name: 'Close' }).click();
  await frameTool.selectOption('local:frame');

  // Free on the local frame tool: it runs at once, no confirmation.
  await expect(forAll).toContainText('Frames for all shots without one · $0.00');
  await forAll.click();
  await expect(app.getByRole('dialog', { name: /Make frames for/ })).toHaveCount(0);
  await expect(panel('1A')).toHaveAttribute('data-image', 'frame', { timeout: 60_000 });
  await expect(app.getByTestId('queue-summary')).toContainText('all done', { timeout: 60_000 });
  await expect(forAll).toBeDisabled();
  await expect(app.getByTestId('animate-cost')).toContainText('Animate approved frames');
  await app.screenshot({ path: artifact('board-frames-1600.png') });
  await app.setViewportSize({ width: 1280, height: 800 });
  await app.screenshot({ path: artifact('board-frames-1280.png') });

  // Circle the other frame of 1A.
  const strip = panel('1A').getByRole('group', { name: 'Frames of 1A' });
  const chips = strip.getByRole('button', { name: /Circle frame/ });
  await expect(chips).toHaveCount(2);
  const other = chips.and(app.locator('[aria-pressed="false"]')).first();
  const otherName = (await other.getAttribute('aria-label'))!;
  await other.click();
  await expect(strip.getByRole('button', { name: otherName })).toHaveAttribute('aria-pressed', 'true');

  // Reject 2B's circled frame from the panel's menu: it leaves the strip; Ctrl+Z brings it back.
  const strip2B = panel('2B').getByRole('group', { name: 'Frames of 2B' });
  await expect(strip2B.getByRole('button', { name: /Circle frame/ })).toHaveCount(2);
  await panel('2B').getByRole('button', { name: 'More for 2B' }).click();
  await app.getByRole('menuitem', { name: 'Reject the circled frame' }).click();
  await expect(strip2B.getByRole('button', { name: /Circle frame/ })).toHaveCount(1);
  await app.keyboard.press('Control+z');
  await expect(strip2B.getByRole('button', { name: /Circle frame/ })).toHaveCount(2);

  // Pick 1B, then 2A with Ctrl: two more frames for each. The inspector follows the pick.
  const pick = (label: string) => panel(label).getByRole('button', { name: new RegExp(`^Shot ${label}`) });
  await pick('1B').click();
  await expect(ws.inspector.getByRole('heading', { name: 'Shot 1B' })).toBeVisible();
  await pick('2A').click({ modifiers: ['Control'] });
  await expect(app.getByTestId('redo-frames')).toHaveText(/Redo frames \(2\)/);
  await app.getByTestId('redo-frames').click();
  await expect(panel('1B').getByRole('button', { name: /Circle frame/ })).toHaveCount(4, { timeout: 60_000 });
  await expect(panel('2A').getByRole('button', { name: /Circle frame/ })).toHaveCount(4, { timeout: 60_000 });

  // Density is remembered and changes the grid.
  await app.getByRole('radio', { name: 'Large panels' }).check();
  await app.screenshot({ path: artifact('board-large-1280.png') });
  await app.getByRole('radio', { name: 'Small panels' }).check();
  await app.screenshot({ path: artifact('board-small-1280.png') });

  // Back on the timeline (Ctrl+B), the card shows the circled frame.
  await app.keyboard.press('Control+b');
  await expect(ws.timeline).toBeVisible();
  await expect(ws.card('1A').locator('.thumb-img')).toHaveAttribute('alt', /frame \d \(circled\)/);
  await app.screenshot({ path: artifact('board-timeline-cards.png') });

  // Animate the approved frame: 1C (on the local animatic) starts from its circled frame.
  await ws.card('1C').click();
  await expect(ws.inspector.locator('.kf-source').first()).toContainText(/^frame \d/);
  await app.getByTestId('generate-selected').click();
  await expect(ws.card('1C').getByRole('img', { name: /^2 takes/ })).toBeVisible({ timeout: 60_000 });
});

test('sketch: draw with the mouse, undo inside the dialog, save as the start keyframe and to the library', async ({ app, workdir }) => {
  const ws = workspace(app);
  await ws.openDemo(workdir);
  await app.keyboard.press('Control+b');
  const panel = (label: string) => app.getByTestId(`board-panel-${label}`);
  await expect(panel('1C')).toHaveAttribute('data-image', 'none');

  // From the board panel's menu.
  await panel('1C').getByRole('button', { name: 'More for 1C' }).click();
  await app.getByRole('menuitem', { name: 'Sketch…' }).click();
  const sketch = app.getByRole('dialog', { name: 'Sketch 1C' });
  await expect(sketch).toBeVisible();
  let canvas = sketch.getByTestId('sketch-canvas');
  const line = async (from: [number, number], to: [number, number]) => {
    const box = (await canvas.boundingBox())!;
    await app.mouse.move(box.x + box.width * from[0], box.y + box.height * from[1]);
    await app.mouse.down();
    for (let i = 1; i <= 10; i++) {
      await app.mouse.move(box.x + box.width * (from[0] + ((to[0] - from[0]) * i) / 10), box.y + box.height * (from[1] + ((to[1] - from[1]) * i) / 10));
    }
    await app.mouse.up();
  };
  await line([0.1, 0.8], [0.9, 0.8]);
  await line([0.3, 0.8], [0.3, 0.3]);
  await line([0.3, 0.3], [0.6, 0.2]);
  await line([0.6, 0.2], [0.6, 0.8]);
  await expect(canvas).toHaveAttribute('aria-label', 'Sketch of 1C, 4 strokes');
  // Undo inside the dialog takes back the last stroke, not a project edit.
  await app.keyboard.press('Control+z');
  await expect(canvas).toHaveAttribute('aria-label', 'Sketch of 1C, 3 strokes');
  await app.screenshot({ path: artifact('board-sketch.png') });
  await sketch.getByRole('button', { name: 'Save as start keyframe' }).click();
  await expect(sketch).toBeHidden();
  // The board panel, the inspector and the timeline card all show it.
  await expect(panel('1C')).toHaveAttribute('data-image', 'keyframe');
  await panel('1C')
    .getByRole('button', { name: /^Shot 1C/ })
    .click();
  await expect(ws.inspector.getByRole('group', { name: 'Start keyframe' })).toContainText('Sketch');
  await app.screenshot({ path: artifact('board-sketch-saved.png') });
  await app.getByRole('radio', { name: 'Timeline' }).check();
  await expect(ws.card('1C').locator('.thumb-img')).toHaveAttribute('alt', /start keyframe: Sketch/);

  // From the inspector's keyframes, on another shot, into the library. Ctrl+Z past the drawing's
  // first stroke does nothing: the project's undo (1C's keyframe) stays untouched.
  await ws.card('1B').click();
  await ws.inspector.getByRole('group', { name: 'Start keyframe' }).getByRole('button', { name: 'Sketch…' }).click();
  const sketch1B = app.getByRole('dialog', { name: 'Sketch 1B' });
  canvas = sketch1B.getByTestId('sketch-canvas');
  await line([0.2, 0.5], [0.8, 0.5]);
  await app.keyboard.press('Control+z');
  await app.keyboard.press('Control+z');
  await expect(canvas).toHaveAttribute('aria-label', 'Sketch of 1B, 0 strokes');
  await line([0.2, 0.5], [0.8, 0.6]);
  await sketch1B.getByRole('combobox', { name: 'Library kind' }).selectOption('location');
  await app.setViewportSize({ width: 1280, height: 800 });
  await app.screenshot({ path: artifact('board-sketch-1280.png') });
  await sketch1B.getByRole('button', { name: 'Save to library' }).click();
  await expect(sketch1B).toBeHidden();
  await expect(app.getByRole('button', { name: /^Sketch 1B @/ })).toBeVisible();
  await expect(ws.card('1C').locator('.thumb-img')).toHaveAttribute('alt', /start keyframe: Sketch/);
});
