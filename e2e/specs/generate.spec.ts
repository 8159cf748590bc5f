import { artifact, expect, test } from '../fixtures/app';
import { workspace } from '../pages/workspace';

// A person's path through generation with no keys at all: two shots, "Generate 2 takes", the
// queue and the cards show the jobs running, and the takes appear on both cards when they land.
test('generate two local animatic takes for two shots and see them appear', async ({ app }) => {
  const ws = workspace(app);
  await ws.createProject('Generate E2E');
  await app.getByRole('button', { name: 'Add shot' }).click();
  await app.getByRole('button', { name: 'Add shot' }).click();

  // Short shots keep the renders quick; the local animatic is every new shot's tool.
  for (const [label, action] of [
    ['1A', 'Mara pushes the diner door open'],
    ['1B', 'Rain streaks the window'],
  ] as const) {
    await ws.card(label).click();
    await ws.inspector.getByRole('textbox', { name: 'Action' }).fill(action);
    const duration = ws.inspector.getByRole('textbox', { name: 'Duration' });
    await duration.fill('1');
    await duration.press('Enter');
    await expect(ws.card(label)).toContainText('1s');
  }

  await ws.card('1A').click();
  await ws.card('1B').click({ modifiers: ['Shift'] });
  await app.getByTestId('generate-selected').click();

  const queue = app.getByRole('region', { name: 'Generation queue' });
  await expect(queue.getByTestId('job-row')).toHaveCount(4);
  await expect(app.getByText('Queued 4 takes of 2 shots.')).toBeVisible();

  // The batch finishes with a notification, and each card carries its two new takes.
  await expect(app.getByText('Generation finished: 4 takes ready.')).toBeVisible({ timeout: 80_000 });
  await expect(queue.getByTestId('job-row').filter({ hasText: 'Ready' })).toHaveCount(4);
  await expect(queue.getByTestId('queue-summary')).toHaveText('4 jobs, all done');
  for (const label of ['1A', '1B']) {
    await expect(ws.card(label).getByRole('img', { name: /^2 takes/ })).toBeVisible();
    // The card's frame is now the newest take's, not the placeholder.
    await expect(ws.card(label).getByRole('img', { name: `${label}, take 2` })).toBeVisible();
    await expect(ws.card(label).getByTestId('shot-generating')).toHaveCount(0);
  }
  await expect(queue.getByTestId('queue-spend')).toContainText('Spent $0.00');
  await app.screenshot({ path: artifact('generate-done.png') });

  // With takes in, a frame of another shot's take can be a keyframe: 1A's first frame as 1B's end.
  await ws.card('1B').click();
  const end = ws.inspector.getByRole('group', { name: 'End keyframe' });
  await end.getByRole('combobox', { name: 'End keyframe from a take' }).selectOption({ label: 'First frame of 1A' });
  await expect(end).toContainText('shot 1A, first frame');
  await expect(end.getByRole('img', { name: 'End keyframe: shot 1A, first frame' })).toBeVisible();
});

test('settings show a key only by its last four characters', async ({ app }) => {
  const ws = workspace(app);
  await ws.createProject('Keys E2E');
  await app.getByRole('button', { name: 'Settings' }).click();
  const runway = app.getByTestId('key-runway');
  await expect(runway.getByTestId('key-runway-state')).toHaveText('Not set');
  await runway.getByLabel('RUNWAYML_API_SECRET').fill('key_e2e_secret_value_4f2a');
  await runway.getByRole('button', { name: 'Save' }).click();
  await expect(runway.getByTestId('key-runway-state')).toHaveText('Set, ends in …4f2a (for this session only)');
  await expect(runway.getByLabel('RUNWAYML_API_SECRET')).toHaveValue('');
  expect(await app.content()).not.toContain('key_e2e_secret_value');
  await app.screenshot({ path: artifact('settings-keys.png') });
  await runway.getByRole('button', { name: 'Remove' }).click();
  await expect(runway.getByTestId('key-runway-state')).toHaveText('Not set');
});
