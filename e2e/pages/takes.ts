import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { run } from '../../app/cli/run';

/**
 * A project of four short local-animatic shots with two takes each, made through the CLI and
 * the real job engine (new → import → generate --wait). Returns the project folder.
 */
export async function buildCutProject(workdir: string, durations = [2, 1.5, 2, 1]): Promise<string> {
  const folder = path.join(workdir, 'Cut Test.shotline');
  const labels = durations.map((_, i) => `1${String.fromCharCode(65 + i)}`);
  const plan = {
    title: 'Cut Test',
    aspectRatio: '16:9',
    scenes: [
      {
        name: 'INT. DINER - NIGHT',
        shots: labels.map((label, i) => ({
          label,
          action: `Shot ${label}`,
          durationS: durations[i],
          tool: 'local:animatic',
          camera: ['push_in', 'pan_left', 'static', 'orbit'][i % 4],
        })),
      },
    ],
  };
  const planFile = path.join(workdir, 'plan.json');
  fs.writeFileSync(planFile, JSON.stringify(plan));
  let errors = '';
  const io = { out: () => {}, err: (t: string) => void (errors += t), cwd: workdir, env: {} };
  for (const args of [
    ['new', folder],
    ['import', folder, planFile],
    ['generate', folder, '--all', '--takes', '2', '--wait'],
  ]) {
    if ((await run(args, io)) !== 0) throw new Error(`shotline ${args[0]} failed: ${errors}`);
  }
  return folder;
}

/** Locators for the player and the take browser, by role and name. */
export function player(page: Page) {
  const region = page.getByRole('region', { name: 'Player' });
  const takes = page.getByRole('region', { name: 'Takes' });
  return {
    region,
    takes,
    timecode: region.getByTestId('player-timecode'),
    shot: region.getByTestId('player-shot'),
    play: region.getByRole('button', { name: 'Play', exact: true }),
    pause: region.getByRole('button', { name: 'Pause', exact: true }),
    scrub: region.getByRole('slider', { name: 'Playhead' }),
    /** The take tiles of the focused shot. */
    tiles: takes.getByRole('listbox', { name: /^Takes of shot/ }).getByRole('option'),
    take: (n: number) => takes.getByTestId(`take-${n}`),
    async open(folder: string) {
      const form = page.getByRole('form', { name: 'Open project' });
      await form.getByRole('textbox', { name: 'Project folder' }).fill(folder);
      await form.getByRole('button', { name: 'Open' }).click();
    },
    /** Records every timecode the player shows with its shot and the timeline's selected card. */
    async startRecording() {
      await page.evaluate(`(() => {
        const tc = document.querySelector('[data-testid="player-timecode"]');
        const log = (window.__playLog = []);
        new MutationObserver(() => {
          const shot = document.querySelector('[data-testid="player-shot"] strong');
          const cards = [...document.querySelectorAll('[role="option"][aria-selected="true"][data-testid^="shot-card-"]')].map((c) => c.getAttribute('data-testid').slice(10));
          log.push({ tc: tc.textContent, shot: shot ? shot.textContent : null, cards });
        }).observe(tc, { childList: true, characterData: true, subtree: true });
      })()`);
    },
    async recording(): Promise<Array<{ tc: string; shot: string | null; cards: string[] }>> {
      return page.evaluate('window.__playLog');
    },
  };
}
