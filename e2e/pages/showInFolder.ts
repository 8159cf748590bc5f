import { expect, type Locator } from '@playwright/test';

/**
 * Clicks "Show in folder" in `scope` and checks it ended well: the devhost opens a file manager
 * only where there is a desktop session; elsewhere (CI) its message says where the file is.
 */
export async function showInFolder(scope: Locator, file: string): Promise<void> {
  await scope.getByRole('button', { name: 'Show in folder' }).click();
  const alert = scope.getByRole('alert');
  if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) await expect(alert).toHaveCount(0);
  else await expect(alert).toHaveText(`The development host cannot open a file manager (no desktop session). The file is at ${file}`);
}
