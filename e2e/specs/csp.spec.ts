import { artifact, cspViolations, expect, test } from '../fixtures/app';
import { workspace } from '../pages/workspace';

test('the production CSP allows no inline style, and the app breaks none of it', async ({ app }) => {
  const csp = await app.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("style-src 'self';");
  expect(csp).not.toContain('unsafe-inline');
  // The start screen, then a project with a shot selected in the inspector: styled as ever.
  const ws = workspace(app);
  await ws.createProject('Strict styles');
  await ws.tool().click();
  await ws.inspector.waitFor();
  await app.screenshot({ path: artifact('csp-workspace.png') });
  expect(await cspViolations(app)).toEqual([]);
  // The watch works: an inline style element is refused and recorded.
  await app.evaluate(() => {
    const style = document.createElement('style');
    style.textContent = 'body { color: red }';
    document.head.append(style);
  });
  await expect.poll(() => cspViolations(app)).toEqual([expect.stringMatching(/^style-src-elem inline/)]);
  await app.evaluate(() => ((window as unknown as { __cspViolations: string[] }).__cspViolations.length = 0));
});
