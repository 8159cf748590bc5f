// The board of a 500-shot film, every shot with a circled frame: how long from Ctrl+B to the
// first frames painted, and the longest task while scrolling through it.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { loadSharp } from '../app/core/media/lazyLibs';
import { mediaStore, mediaTempPath } from '../app/core/media/store';
import { openProject } from '../app/core/project/project';
import { createProjectFolder } from '../app/core/project/projectFiles';
import * as ops from '../app/core/timeline/ops';
import { startDevhost } from '../app/devhost/server';
import { CHROMIUM_ARGS, ms, report } from './report';

const SHOTS = 500;

/** A project of 40 scenes, 500 shots, each with one circled local frame (a distinct small PNG and its thumbnail). */
async function boardProject(dir: string): Promise<string> {
  const folder = createProjectFolder(dir, 'Board 500', { createdBy: 'bench' });
  const p = openProject(folder);
  const sharp = await loadSharp();
  const store = mediaStore(p.db, p.folder);
  try {
    const shots = p.db.transaction(() => {
      const out = [];
      for (let s = 0; s < 40; s++) {
        const scene = ops.addScene(p.timeline, { name: `SCENE ${s + 1}` });
        for (let i = 0; i < (s < 20 ? 13 : 12); i++) {
          out.push(
            ops.addShot(p.timeline, scene.id, {
              action: `Shot ${i} of scene ${s + 1}: Mara crosses the diner`,
              durationS: 4,
              tool: 'local:animatic',
              dialogue: [{ speaker: 'MARA', extension: null, parenthetical: null, text: 'Not tonight. Not ever.' }],
            }),
          );
        }
      }
      return out;
    })();
    for (const [n, shot] of shots.entries()) {
      const colour = { r: (n * 37) % 256, g: (n * 91) % 256, b: (n * 53) % 256 };
      const make = async (w: number, ext: '.png' | '.jpg') => {
        const file = mediaTempPath(p.folder, ext);
        const img = sharp({ create: { width: w, height: Math.round((w * 9) / 16), channels: 3, background: colour } });
        await (ext === '.png' ? img.png() : img.jpeg()).toFile(file);
        return store.place(file, ext);
      };
      const [full, thumb] = [await make(960, '.png'), await make(320, '.jpg')];
      p.db.transaction(() => {
        const asset = store.record(full, { kind: 'image', mime: 'image/png', width: 960, height: 540 });
        const thumbAsset = store.record(thumb, { kind: 'image', mime: 'image/jpeg' });
        const jobId = randomUUID();
        const now = Date.now();
        p.jobs.insert(
          {
            id: jobId,
            shot_id: shot.id,
            shot_label: shot.label,
            batch_id: 'bench',
            tool: 'local:frame',
            external_id: `bench-${jobId}`,
            seed: n,
            request_json: '{}',
            cost_estimate_usd: 0,
            fallback_tool: null,
            created_at: now,
          },
          'bench frame',
        );
        p.jobs.move(jobId, 'queued', 'ready', { now, patch: { cost_usd: 0, finished_at: now } });
        const takeId = randomUUID();
        p.takes.insert({
          id: takeId,
          kind: 'frame',
          shot_id: shot.id,
          job_id: jobId,
          asset_sha256: asset.sha256,
          thumb_sha256: thumbAsset.sha256,
          provider: 'local',
          model: 'frame',
          tool: 'local:frame',
          prompt: shot.action,
          negative_prompt: null,
          seed: n,
          params_json: '{}',
          cost_usd: 0,
          generation_s: 0,
          duration_s: null,
          width: 960,
          height: 540,
          fps: null,
          created_at: new Date(now).toISOString(),
        });
        p.takes.select({ id: takeId, shotId: shot.id }, shot.id, 'frame');
      })();
    }
  } finally {
    p.close();
  }
  return folder;
}

export async function boardBench() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shotline-bench-board-'));
  try {
    const folder = await boardProject(dir);
    const host = await startDevhost({ userDataDir: path.join(dir, 'ud'), projectsDir: dir, openPath: folder });
    const browser = await chromium.launch({ executablePath: process.env.SHOTLINE_CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      await page.goto(host.url);
      await page.locator('[data-testid^="shot-card-"]').first().waitFor();
      await page.evaluate(() => {
        const w = window as unknown as { longTasks: number[] };
        w.longTasks = [];
        new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask', buffered: false });
      });
      const t0 = performance.now();
      await page.keyboard.press('Control+b');
      // Painted: the first panel's frame image has loaded.
      await page.waitForFunction(() => {
        const img = document.querySelector<HTMLImageElement>('[data-testid^="board-panel-"] img');
        return !!img && img.complete && img.naturalWidth > 0;
      });
      const paint = performance.now() - t0;
      const switchTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0));
      const panels = await page.locator('[data-testid^="board-panel-"]').count();
      const scroller = page.locator('[data-testid="board"]');
      await scroller.hover();
      for (let i = 0; i < 60; i++) {
        await page.mouse.wheel(0, 600);
        await page.waitForTimeout(16);
      }
      await page.waitForTimeout(500);
      const scrollTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
      const longest = (xs: number[]) => (xs.length ? ms(Math.max(...xs)) : 'none');
      report(`board (${SHOTS} shots, each with a circled frame)`, {
        'Ctrl+B → first frame painted': ms(paint),
        'long tasks while switching': `${switchTasks.length}, longest ${longest(switchTasks)}`,
        'panels in the DOM': String(panels),
        'long tasks while scrolling 36,000 px': `${scrollTasks.length}, longest ${longest(scrollTasks)}`,
      });
    } finally {
      await browser.close();
      await host.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
