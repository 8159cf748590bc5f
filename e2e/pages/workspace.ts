import type { Locator, Page } from '@playwright/test';

/** Locators for the project workspace, by role and name as a person reads them. */
export function workspace(page: Page) {
  const timeline = page.getByRole('listbox', { name: 'Timeline' });
  const inspector = page.getByRole('form', { name: 'Shot inspector' });
  return {
    timeline,
    inspector,
    cost: page.getByRole('region', { name: 'Cost' }),
    card: (label: string) => page.getByTestId(`shot-card-${label}`),
    labels: async () => await timeline.getByRole('option').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!.replace('shot-card-', ''))),
    tool: () => page.getByRole('button', { name: 'Add shot' }),
    async createProject(title: string) {
      const form = page.getByRole('form', { name: 'New project' });
      await form.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
      await form.getByRole('button', { name: 'Create project' }).click();
      await timeline.waitFor();
    },
    async dragCard(from: Locator, to: Locator, side: 'before' | 'after' = 'before') {
      const a = (await from.boundingBox())!;
      const b = (await to.boundingBox())!;
      await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
      await page.mouse.down();
      const x = side === 'before' ? b.x + 4 : b.x + b.width - 4;
      for (let i = 1; i <= 12; i++) {
        await page.mouse.move(
          a.x + a.width / 2 + ((x - a.x - a.width / 2) * i) / 12,
          a.y + a.height / 2 + ((b.y + b.height / 2 - a.y - a.height / 2) * i) / 12,
        );
      }
      await page.mouse.up();
    },
  };
}
