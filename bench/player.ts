import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { CAMERA_MOVES } from '../shared/domain/types';
import { run } from '../app/cli/run';
import { openProject } from '../app/core/project/project';
import { createProjectFolder } from '../app/core/project/projectFiles';
import * as ops from '../app/core/timeline/ops';
import { startDevhost } from '../app/devhost/server';
import { CHROMIUM_ARGS, median, ms, report, waitForMark } from './report';

const TAKE_SHOTS = ['1A', '1B', '1C'];

/** Presses Play and waits for the engine's first-frame mark; the time between, in ms. */
async function pressPlay(page: Page): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    performance.clearMarks('shotline:first-frame');
    const button = document.querySelector('[aria-label="Play"]');
    const t0 = performance.now();
    button.click();
    const poll = () => {
      const mark = performance.getEntriesByName('shotline:first-frame')[0];
      if (mark) resolve(mark.startTime - t0);
      else requestAnimationFrame(poll);
    };
    poll();
  })`);
}

async function pause(page: Page) {
  await page.evaluate(`document.querySelector('[aria-label="Pause"]')?.click()`);
}

/** A 500-shot project whose first shots have local-animatic takes: press Play → first frame on screen. */
export async function playerBench() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shotline-bench-player-'));
  try {
    const folder = createProjectFolder(dir, 'Bench Player 500', { createdBy: 'bench' });
    const p = openProject(folder);
    p.db.transaction(() => {
      for (let s = 0; s < 40; s++) {
        const scene = ops.addScene(p.timeline, { name: `SCENE ${s + 1}` });
        for (let i = 0; i < (s < 20 ? 13 : 12); i++) {
          ops.addShot(p.timeline, scene.id, {
            action: `Shot ${i} of scene ${s + 1}`,
            durationS: s === 0 && i < 3 ? 2 : 5,
            tool: 'local:animatic',
            prompt: { camera: CAMERA_MOVES[i % CAMERA_MOVES.length] },
          });
        }
      }
    })();
    p.close();
    const io = { out: () => {}, err: (t: string) => process.stderr.write(t), cwd: dir, env: {} };
    await run(['generate', folder, ...TAKE_SHOTS.flatMap((l) => ['--shot', l]), '--takes', '1', '--wait'], io);

    const host = await startDevhost({ userDataDir: path.join(dir, 'ud'), projectsDir: dir, openPath: folder });
    const browser = await chromium.launch({
      executablePath: process.env.SHOTLINE_CHROMIUM ?? '/usr/bin/chromium',
      args: [...CHROMIUM_ARGS, '--autoplay-policy=no-user-gesture-required'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      // The page's own clock too (as in the timeline bench): the harness's figure also holds
      // Playwright's round trips through this process, which the devhost's core shares.
      await page.addInitScript(() => {
        new MutationObserver((_, observer) => {
          const tags = document.querySelectorAll('[data-testid="player"] .stage-tag');
          if (![...tags].some((t) => t.textContent?.includes('take'))) return;
          performance.mark('cut-loaded');
          observer.disconnect();
        }).observe(document, { childList: true, subtree: true, characterData: true });
      });
      const t0 = performance.now();
      await page.goto(host.url);
      await waitForMark(page, 'cut-loaded');
      const ready = performance.now() - t0;
      const pageClock = await page.evaluate(() => performance.getEntriesByName('cut-loaded')[0]?.startTime ?? NaN);

      const video: number[] = [];
      const still: number[] = [];
      for (let i = 0; i < 5; i++) {
        await page.getByTestId('shot-card-1A').click();
        await page.waitForTimeout(300);
        video.push(await pressPlay(page));
        await pause(page);
        await page.getByTestId('shot-card-1E').click();
        await page.waitForTimeout(300);
        still.push(await pressPlay(page));
        await pause(page);
      }
      report('player (500 shots, first 3 with takes)', {
        'open to cut loaded (devhost)': ms(ready),
        'cut loaded, page clock from navigation start': ms(pageClock),
        'play → first frame, take (median of 5)': ms(median(video)),
        'play → first frame, still (median of 5)': ms(median(still)),
        '<video> elements in the page': String(await page.locator('video').count()),
      });
    } finally {
      await browser.close();
      await host.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
