// The plan costs what the buttons will spend: cards price a take as Generate makes it (Gen-4
// Turbo's start frame included), the inspector prices the takes beside its Generate button, every
// figure follows a bulk tool change at once, and Generate all drafts queues what can run and says
// what it left out and how to fix it.
import { artifact, expect, test } from '../fixtures/app';
import { workspace } from '../pages/workspace';

test('draft plan, card and inspector figures follow edits; Generate all drafts lists what it skipped', async ({ app }) => {
  const ws = workspace(app);
  await ws.createProject('Plan Short');
  const addShot = app.getByRole('button', { name: 'Add shot' });
  for (let i = 0; i < 3; i++) await addShot.click();
  for (const label of ['1A', '1B', '1C']) {
    await ws.card(label).click();
    await ws.inspector.getByRole('textbox', { name: 'Action' }).fill(`Shot ${label} action`);
    await ws.inspector.getByRole('textbox', { name: 'Action' }).blur();
  }
  // Local animatic shots cost nothing.
  await expect(app.getByTestId('cost-total')).toHaveText('$0.00');

  // Every shot to Runway Gen-4 Turbo at once: 5 s at $0.05/s plus the $0.05 start frame it makes first, two takes each.
  await ws.timeline.focus();
  await app.keyboard.press('Control+a');
  await app.getByRole('combobox', { name: 'Tool for selected shots' }).selectOption('runway:gen4_turbo');
  await expect(app.getByTestId('cost-total')).toHaveText('$1.80');
  await expect(app.getByTestId('queue-spend')).toContainText('drafts $1.80');
  await expect(ws.card('1A').getByTestId('card-cost')).toHaveText('$0.30');

  await ws.card('1C').click();
  await expect(ws.inspector.getByRole('button', { name: 'Generate 2 takes' })).toBeVisible();
  await expect(ws.inspector.getByTestId('generate-estimate')).toHaveText('$0.60');
  await ws.inspector.getByRole('combobox', { name: 'Tool', exact: true }).selectOption('local:animatic');
  await expect(ws.inspector.getByTestId('generate-estimate')).toHaveText('$0.00');
  await expect(app.getByTestId('cost-total')).toHaveText('$1.20');
  await expect(app.getByTestId('queue-spend')).toContainText('drafts $1.20');
  await app.screenshot({ path: artifact('plan-inspector.png') });

  // No Runway key here: 1C is queued, 1A and 1B come back with the reason and the fixes.
  await app.getByRole('button', { name: 'Generate all drafts' }).click();
  const skipped = app.getByRole('dialog', { name: '2 shots not queued' });
  await expect(skipped).toBeVisible();
  await expect(skipped.getByTestId('skipped-list')).toContainText('1A');
  await expect(skipped.getByTestId('skipped-list')).toContainText('1B');
  await expect(skipped.getByTestId('skipped-list')).toContainText('No Runway key is set');
  await expect(skipped.getByRole('button', { name: 'Add key…' })).toBeVisible();
  await app.screenshot({ path: artifact('plan-skipped.png') });
  await skipped.getByRole('button', { name: 'Switch and generate' }).click();
  await expect(skipped).toBeHidden();
  await expect(ws.card('1A').getByTestId('card-cost')).toHaveText('$0.00');
  // Every shot has takes on their way: nothing is left for Generate all drafts.
  await expect(app.getByTestId('cost-total')).toHaveText('$0.00');
});

test('Make final proposes the shot’s final tool with its cost and the budget left, before anything is queued', async ({ app }) => {
  const ws = workspace(app);
  await ws.projectWithTakes('Finals');

  // Without a final tool, and the local animatic having no dearer tier, the dialog asks for a pick.
  await ws.inspector.getByRole('button', { name: 'Make final…' }).first().click();
  let dialog = app.getByRole('dialog', { name: 'Make a final of 1A' });
  await expect(dialog).toContainText('has no higher tier');
  await expect(dialog.getByRole('button', { name: /Queue final/ })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Close' }).click();

  await app.getByRole('textbox', { name: 'Budget' }).fill('5');
  await app.getByRole('textbox', { name: 'Budget' }).press('Enter');
  await ws.inspector.getByRole('combobox', { name: 'Final tool', exact: true }).selectOption('kling:kling-v2-5-turbo');
  await ws.inspector.getByRole('button', { name: 'Make final…' }).first().click();
  dialog = app.getByRole('dialog', { name: 'Make a final of 1A' });
  const quote = dialog.getByTestId('final-quote');
  await expect(quote).toContainText('The shot’s final tool');
  await expect(quote).toContainText('Kling 2.5 Turbo');
  // 5 s at $0.042/s; nothing spent yet on a $5 budget.
  await expect(quote).toContainText('$0.21');
  await expect(dialog.getByTestId('final-budget')).toHaveText('$5.00 of the $5.00 budget left, $4.79 after this');
  await app.screenshot({ path: artifact('make-final.png') });
  await expect(dialog.getByRole('button', { name: 'Queue final · $0.21' })).toBeEnabled();
});
