import type { Page } from '@playwright/test';
export { CHROMIUM_ARGS } from '../test/chromium';

export const ms = (v: number) => `${v.toFixed(1)} ms`;
export const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
export const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

export function report(title: string, figures: Record<string, string>) {
  console.log(`\n${title}`);
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(width)}  ${v}`);
}

/**
 * Resolves when the page has made performance mark `name` (the bench's init script marks what it
 * waits for), in one round trip. A locator's waitFor polls with growing gaps, up to half a second,
 * and the harness's figure used to include that wait.
 */
export async function waitForMark(page: Page, name: string): Promise<void> {
  await page.evaluate(
    (mark) =>
      new Promise<void>((resolve) => {
        if (performance.getEntriesByName(mark).length) return resolve();
        new PerformanceObserver((list, observer) => {
          if (!list.getEntriesByName(mark).length) return;
          observer.disconnect();
          resolve();
        }).observe({ type: 'mark' });
      }),
    name,
  );
}
