import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { run } from '../../app/cli/run';

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
    /** A new project with one local-animatic shot, 1A, whose two takes are made and ready. */
    async projectWithTakes(title: string) {
      await this.createProject(title);
      await page.getByRole('button', { name: 'Add shot' }).click();
      await page.getByTestId('shot-card-1A').click();
      await inspector.getByRole('textbox', { name: 'Action' }).fill('A door opens');
      await inspector.getByRole('button', { name: 'Generate 2 takes' }).click();
      await page.getByTestId('queue-summary').getByText('2 jobs, all done').waitFor({ timeout: 60_000 });
    },
    /** Builds the demo project (no renders) with the CLI and opens it. */
    async openDemo(workdir: string) {
      const folder = path.join(workdir, 'Night Diner.shotline');
      const io = { out: () => {}, err: (t: string) => console.error(t), cwd: workdir, env: {} };
      if ((await run(['demo', '--no-render', '--no-export', '--out', folder], io)) !== 0) throw new Error('shotline demo failed');
      return this.openFolder(folder);
    },
    /** Opens an existing project folder from the start screen. */
    async openFolder(folder: string) {
      const form = page.getByRole('form', { name: 'Open project' });
      await form.getByRole('textbox', { name: 'Project folder' }).fill(folder);
      await form.getByRole('button', { name: 'Open' }).click();
      await page.getByTestId('shot-card-1A').waitFor();
      return folder;
    },
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
