import { startRunwayFake } from '../../test/fakes/runway/server';
import { artifact, expect, test } from '../fixtures/app';
import { workspace } from '../pages/workspace';

// A filmmaker pastes a Runway key, points it at the account (here a local stand-in whose
// balance runs out), and Check answers in plain words: works, then no credit left.
test('checks a provider key and says whether it works or the account is empty', async ({ app }) => {
  const key = 'rw-e2e-key-0123456789';
  const fake = await startRunwayFake({ apiKey: key });
  const empty = await startRunwayFake({ apiKey: key, creditBalance: 0 });
  try {
    await workspace(app).createProject('Settings E2E');
    await app.getByRole('button', { name: 'Settings' }).click();
    const row = app.getByTestId('key-runway');
    await row.getByPlaceholder('Paste the key').fill(key);
    await row.getByRole('button', { name: 'Save' }).click();
    await expect(row.getByTestId('key-runway-state')).toContainText('ends in …6789');

    await row.getByText('Base URL').click();
    const useUrl = async (url: string) => {
      await row.getByRole('textbox', { name: 'Runway base URL' }).fill(url);
      await row.getByRole('button', { name: 'Use' }).click();
    };
    await useUrl(fake.url);
    await row.getByRole('button', { name: 'Check' }).click();
    const verdict = row.getByRole('status');
    await expect(verdict).toHaveAttribute('data-verdict', 'works');
    await expect(verdict).toHaveText('Works. The key works. Credit balance: 12345 credits.');

    await useUrl(empty.url);
    await row.getByRole('button', { name: 'Check' }).click();
    await expect(verdict).toHaveAttribute('data-verdict', 'no_credit');
    await expect(verdict).toContainText('No credit left. The key works, but the Runway account has no credits left.');
    await app.getByRole('dialog', { name: 'Settings' }).screenshot({ path: artifact('settings-key-check.png') });
  } finally {
    await fake.close();
    await empty.close();
  }
});
