import { expect, type Page } from '@playwright/test';

/**
 * In the open Settings dialog: saves `key` for `provider` (named `name` on screen), points it at
 * `baseUrl` (a local stand-in) and checks it works.
 */
export async function saveKey(page: Page, provider: string, name: string, key: string, baseUrl: string): Promise<void> {
  const row = page.getByTestId(`key-${provider}`);
  await row.getByPlaceholder('Paste the key').fill(key);
  await row.getByRole('button', { name: 'Save' }).click();
  await expect(row.getByTestId(`key-${provider}-state`)).toContainText(`ends in …${key.slice(-4)}`);
  await row.getByText('Base URL').click();
  await row.getByRole('textbox', { name: `${name} base URL` }).fill(baseUrl);
  await row.getByRole('button', { name: 'Use' }).click();
  await row.getByRole('button', { name: 'Check' }).click();
  await expect(row.getByRole('status')).toHaveAttribute('data-verdict', 'works');
}
