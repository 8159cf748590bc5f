import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CAMERA_MOVES } from '../shared/domain/types';
import { openProject } from '../app/core/project/project';
import { createProjectFolder } from '../app/core/project/projectFiles';
import * as ops from '../app/core/timeline/ops';
import { startDevhost } from '../app/devhost/server';
import { CHROMIUM_ARGS, ms, report, waitForMark } from './report';

const TOOLS = ['runway:gen4_turbo', 'kling:kling-v2-5-turbo', 'local:animatic', 'runway:gen4.5', 'luma:ray-2'];

/** A 500-shot, 40-scene project: open + list through the core, and the timeline's first paint. */
export async function timelineBench() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shotline-bench-'));
  try {
    const folder = createProjectFolder(dir, 'Bench 500', { createdBy: 'bench' });
    const p = openProject(folder);
    p.db.transaction(() => {
      for (let s = 0; s < 40; s++) {
        const scene = ops.addScene(p.timeline, { name: `SCENE ${s + 1}` });
        for (let i = 0; i < (s < 20 ? 13 : 12); i++) {
          ops.addShot(p.timeline, scene.id, {
            action: `Shot ${i} of scene ${s + 1}: a long descriptive action line for realism`,
            durationS: 5,
            tool: TOOLS[(s + i) % TOOLS.length],
            prompt: { subject: 'Mara, 30s, rain-soaked coat', camera: CAMERA_MOVES[i % CAMERA_MOVES.length], style: '35mm, neon' },
          });
        }
      }
    })();
    p.close();

    const t0 = performance.now();
    const reopened = openProject(folder);
    const shots = reopened.snapshot().shots;
    const openList = performance.now() - t0;
    reopened.close();

    const host = await startDevhost({ userDataDir: path.join(dir, 'ud'), projectsDir: dir, openPath: folder });
    const browser = await chromium.launch({ executablePath: process.env.SHOTLINE_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      // The page's own clock as well: when the first card enters the DOM, from navigation start.
      // The harness's figure also holds the page's navigation and a round trip through this
      // process, which the devhost's core shares (in the app the core has its own process).
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          if (!document.querySelector('[data-testid^="shot-card-"]')) return;
          performance.mark('first-card');
          observer.disconnect();
        }).observe(document, { childList: true, subtree: true });
      });
      const t1 = performance.now();
      await page.goto(host.url);
      await waitForMark(page, 'first-card');
      const firstPaint = performance.now() - t1;
      const cardsInDom = await page.locator('[data-testid^="shot-card-"]').count();
      const pageClock = await page.evaluate(() => ({
        card: performance.getEntriesByName('first-card')[0]?.startTime ?? NaN,
        loaded: performance.getEntriesByName('app-evaluated')[0]?.startTime ?? NaN,
      }));
      report('timeline (500 shots, 40 scenes)', {
        'shots listed': String(shots.length),
        'open + list through core': ms(openList),
        'timeline first paint (devhost)': ms(firstPaint),
        'first card in the DOM, page clock from navigation start': `${ms(pageClock.card)} (the app's bundle loaded and evaluated at ${ms(pageClock.loaded)})`,
        'shot cards in DOM (virtualized)': String(cardsInDom),
      });
    } finally {
      await browser.close();
      await host.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
