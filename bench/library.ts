import { fork } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { enqueueTakes, jobsCtx } from '../app/core/jobs/enqueue';
import { createProjectFolder } from '../app/core/project/projectFiles';
import type { Core } from '../app/core/services/core';
import type { Channel, ChannelInput, ChannelOutput } from '../shared/contract';
import { startDevhost } from '../app/devhost/server';
import { PHOTO } from './photos';
import { CHROMIUM_ARGS, mib, ms, report } from './report';

const COUNT = Number(process.env.BENCH_LIBRARY_COUNT ?? 200);

/** Runs bench/photos.ts in a child process and returns the files it made. */
function makePhotosApart(dir: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./photos.ts', import.meta.url)), [dir, String(COUNT)], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`bench/photos.ts exited ${code}`));
      resolve(
        fs
          .readdirSync(dir)
          .sort()
          .map((f) => path.join(dir, f)),
      );
    });
  });
}

/**
 * Imports 200 photos of 4000×3000 through the core while the renderer shows the library, as the
 * Electron app does (paths, not bytes). Figures: total time, the main process's peak memory
 * during the import (this process plays it: core + devhost), and the renderer's longest task.
 */
export async function libraryBench() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shotline-bench-lib-'));
  try {
    const t0 = performance.now();
    const photoDir = path.join(dir, 'photos');
    fs.mkdirSync(photoDir);
    const photos = await makePhotosApart(photoDir);
    const generated = performance.now() - t0;
    const bytes = photos.reduce((n, f) => n + fs.statSync(f).size, 0);
    const folder = createProjectFolder(dir, 'Bench library', { createdBy: 'bench' });

    const host = await startDevhost({ userDataDir: path.join(dir, 'ud'), projectsDir: dir, openPath: folder });
    const browser = await chromium.launch({ executablePath: process.env.SHOTLINE_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      // Long tasks (> 50 ms of the main thread) from the first paint on.
      await page.addInitScript(() => {
        const w = window as unknown as { __longTasks: number[] };
        w.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__longTasks.push(e.duration);
        }).observe({ type: 'longtask', buffered: true });
      });
      await page.goto(host.url);
      await page.getByRole('region', { name: 'Library' }).waitFor();
      await page.evaluate(() => ((window as unknown as { __longTasks: number[] }).__longTasks.length = 0));

      if (global.gc) global.gc();
      const rssBefore = process.memoryUsage().rss;
      let rssPeak = rssBefore;
      const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 25);
      const t1 = performance.now();
      const summary = await page.evaluate(
        (files) => window.shotline!.invoke('library.import', { importId: 'bench', files, target: { to: 'items', kind: 'location' } }),
        photos.map((p) => ({ name: path.basename(p), path: p })),
      );
      const imported = performance.now() - t1;
      clearInterval(sampler);
      if (!summary.ok) throw new Error(summary.error.message);
      // The (virtualized) list holds every item once the import commits.
      await page.locator(`[aria-label="Library items"][data-count="${COUNT}"]`).waitFor();
      const shown = performance.now() - t1;
      await page.waitForTimeout(500);
      const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
      const value = summary.value;
      const queueing = await queueWithReferences(
        host.core,
        value.added.map((a) => a.itemId!),
      );
      report(`library import (${COUNT} photos, ${PHOTO.width}×${PHOTO.height} JPEG, ${mib(bytes)})`, {
        'photos generated in': ms(generated),
        added: `${value.added.length} (refused ${value.refused.length})`,
        'import through core (copy, decode, thumbnail, commit)': ms(imported),
        'per photo': ms(imported / COUNT),
        'until the library lists them all (devhost)': ms(shown),
        'main process RSS before import': mib(rssBefore),
        'main process peak RSS during import': mib(rssPeak),
        'renderer long tasks during import (> 50 ms)': String(longTasks.length),
        'renderer longest task': longTasks.length ? ms(Math.max(...longTasks)) : 'none over 50 ms',
        'renderer tasks over 100 ms': String(longTasks.filter((d) => d > 100).length),
      });
      report(`queueing Runway takes with references (send images cropped and scaled from ${PHOTO.width}×${PHOTO.height})`, queueing);
    } finally {
      await browser.close();
      await host.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function call<C extends Channel>(core: Core, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const r = await core.handle(channel, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as ChannelOutput<C>;
}

/**
 * Twenty Runway shots with three references each, queued: once sharing the same three items (a
 * cast across a scene: each image is made once), once with sixty different items.
 */
async function queueWithReferences(core: Core, itemIds: string[]): Promise<Record<string, string>> {
  const scene = (await call(core, 'scene.add', { name: 'Bench' })).id;
  const shots = async (refsOf: (i: number) => string[]) => {
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const s = await call(core, 'shot.add', { sceneId: scene });
      await call(core, 'shot.update', { id: s.id, patch: { tool: 'runway:gen4_turbo', durationS: 5, action: 'Bench shot' } });
      await call(core, 'refs.set', { shotId: s.id, refs: refsOf(i).map((itemId) => ({ itemId })) });
      ids.push(s.id);
    }
    return ids;
  };
  const project = core.session.current!.project;
  const time = async (ids: string[]) => {
    const t0 = performance.now();
    await enqueueTakes(jobsCtx(project), { shotIds: ids, takes: 1 });
    return performance.now() - t0;
  };
  const shared = await time(await shots(() => itemIds.slice(0, 3)));
  const distinct = await time(await shots((i) => itemIds.slice(3 + i * 3, 6 + i * 3)));
  return {
    '20 shots sharing 3 references (3 images made)': ms(shared),
    '20 shots with 60 different references (60 images made)': ms(distinct),
    'per image made': ms(distinct / 60),
  };
}
