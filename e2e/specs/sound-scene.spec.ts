import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { run } from '../../app/cli/run';
import { ffprobe, resolveFfmpeg } from '../../app/core/media/ffmpeg';
import { expect, test } from '../fixtures/app';
import { player } from '../pages/takes';
import { workspace } from '../pages/workspace';

const SHOTS = '/tmp/shots';

/**
 * One scene, two characters: Mara's long question on a 2 s shot (it cannot fit), Dee's short
 * answer on the next. Both shots have a local animatic take; a music bed lies under the cut.
 */
async function buildScene(workdir: string): Promise<string> {
  const folder = path.join(workdir, 'Diner Sound.shotline');
  const shot = (label: string, durationS: number, speaker: string, text: string) => ({
    label,
    action: `Shot ${label}: ${speaker} at the counter`,
    durationS,
    tool: 'local:animatic',
    camera: 'static',
    dialogue: [{ speaker, text }],
  });
  const plan = {
    title: 'Diner Sound',
    aspectRatio: '16:9',
    scenes: [
      {
        name: 'INT. DINER - NIGHT',
        shots: [
          shot('1A', 2, 'MARA', 'Have you seen this man? He came in here last night, soaked through, asking for a ride north.'),
          shot('1B', 4, 'DEE', 'Kitchen is closed, hon.'),
        ],
      },
    ],
  };
  const planFile = path.join(workdir, 'plan.json');
  fs.writeFileSync(planFile, JSON.stringify(plan));
  const bed = path.join(workdir, 'pad.wav');
  execFileSync(await resolveFfmpeg(), ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=196:duration=12', '-ac', '2', '-y', bed]);
  let errors = '';
  const io = { out: () => {}, err: (t: string) => void (errors += t), cwd: workdir, env: {} };
  for (const args of [
    ['new', folder],
    ['import', folder, planFile],
    ['generate', folder, '--all', '--takes', '1', '--wait'],
    ['music', folder, bed, '--at', '0', '--gain=-6'],
  ]) {
    if ((await run(args, io)) !== 0) throw new Error(`shotline ${args[0]} failed: ${errors}`);
  }
  return folder;
}

/** Test-side only: every Web Audio source started, with when (from now), where in its buffer, and how long that buffer is. */
function recordAudioStarts() {
  const log: Array<{ in: number; offset: number; bufferS: number }> = [];
  (window as unknown as { __audioStarts: typeof log }).__audioStarts = log;
  const start = AudioBufferSourceNode.prototype.start;
  AudioBufferSourceNode.prototype.start = function (when = 0, offset = 0, duration?: number) {
    log.push({ in: when - this.context.currentTime, offset, bufferS: this.buffer?.duration ?? 0 });
    return start.call(this, when, offset, duration);
  };
}

async function audioStarts(page: Page): Promise<Array<{ in: number; offset: number; bufferS: number }>> {
  return page.evaluate(() => (window as unknown as { __audioStarts: Array<{ in: number; offset: number; bufferS: number }> }).__audioStarts);
}

/** Creates the character and gives it a local voice through the app's own API (the picker is built elsewhere). */
async function characterWithVoice(page: Page, name: string, voice: string): Promise<void> {
  const ok = await page.evaluate(
    async ({ name, voice }) => {
      const api = (window as unknown as { shotline: { invoke: (c: string, i: unknown) => Promise<{ ok: boolean; value?: { id: string } }> } }).shotline;
      const made = await api.invoke('library.createItem', { kind: 'character', name });
      if (!made.ok || !made.value) return false;
      return (await api.invoke('library.updateItem', { id: made.value.id, patch: { voice } })).ok;
    },
    { name, voice },
  );
  expect(ok).toBe(true);
}

test('sound: two characters voiced, lines spoken, an overrun fixed, a take circled, the cut played, rendered and exported (screenshots)', async ({
  app,
  workdir,
}) => {
  test.setTimeout(300_000);
  await app.setViewportSize({ width: 1440, height: 900 });
  const folder = await buildScene(workdir);
  await app.addInitScript(recordAudioStarts);
  await app.reload();
  await app.locator('[data-ready="true"]').waitFor();
  const ws = workspace(app);
  const p = player(app);
  await p.open(folder);
  await ws.card('1A').waitFor();
  await characterWithVoice(app, 'Mara', 'local:1');
  await characterWithVoice(app, 'Dee', 'local:2');
  await ws.card('1A').click();
  await app.screenshot({ path: path.join(SHOTS, 'sound-start.png') });

  // Speak each shot's line from the inspector: the result is said under the button.
  const sound = ws.inspector.getByRole('group', { name: 'Sound' });
  const dialogueLane = app.getByRole('group', { name: 'Dialogue lane' });
  for (const [label, speaker] of [
    ['1A', 'MARA'],
    ['1B', 'DEE'],
  ] as const) {
    await ws.card(label).click();
    await sound.getByRole('button', { name: 'Speak lines' }).click();
    await expect(sound.getByRole('status')).toHaveText('Queued 1 line.');
    await expect(dialogueLane.getByRole('button', { name: new RegExp(`^Line ${speaker}: `) })).toBeVisible({ timeout: 60_000 });
  }

  // Each line on the dialogue lane with its waveform, named by speaker and words.
  const mara = dialogueLane.getByRole('button', { name: /^Line MARA: Have you seen this man\?/ });
  const dee = dialogueLane.getByRole('button', { name: /^Line DEE: Kitchen is closed/ });
  for (const clip of [mara, dee]) {
    const wave = clip.getByRole('img', { name: /^Waveform of / });
    await expect(wave).toBeVisible();
    expect(Number(await wave.getAttribute('data-points'))).toBeGreaterThan(20);
  }
  await expect(mara).toHaveAccessibleName(/starts 01:00:00:00/);

  // Mara's line runs past her 2 s shot: flagged on the card and in the inspector, fixed in one click.
  await ws.card('1A').click();
  const flag = ws.card('1A').getByTestId('card-overrun');
  await expect(flag).toHaveText(/^\+\d+(\.\d)? s$/);
  const warning = sound.getByRole('alert');
  await expect(warning).toContainText(/dialogue runs \d+(\.\d)? s past the shot/);
  await app.screenshot({ path: path.join(SHOTS, 'sound-overrun.png') });
  const fix = warning.getByRole('button', { name: /^Make the shot \d+(\.\d)? s$/ });
  const fixedTo = (await fix.textContent())!.match(/(\d+(?:\.\d)?) s/)![1]!;
  await fix.click();
  await expect(flag).toHaveCount(0);
  await expect(warning).toHaveCount(0);
  await expect(ws.card('1A').locator('.card-duration')).toHaveText(`${fixedTo}s`);

  // A second take of Mara's line, then the first circled from the lane's popover.
  await sound.getByRole('button', { name: 'Speak lines' }).click();
  const maraTakes = sound.getByRole('list', { name: /^Takes of MARA: / });
  await expect(maraTakes.getByRole('listitem')).toHaveCount(2, { timeout: 60_000 });
  await mara.click();
  const pop = app.getByRole('dialog', { name: /^Line MARA: / });
  await expect(pop.getByRole('listitem')).toHaveCount(2);
  const circle = pop.getByRole('button', { name: /^Circle take 1 of MARA/ });
  await circle.click();
  await expect(pop.getByRole('button', { name: /^Uncircle take 1 of MARA/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(pop).toContainText('take 1 plays');
  await app.screenshot({ path: path.join(SHOTS, 'sound-popover.png') });
  await app.keyboard.press('Escape');
  await expect(pop).toBeHidden();

  // An effect on 1B: added, made with the local scratch effect, drawn on its lane; removed and undone.
  await ws.card('1B').click();
  await sound.getByRole('textbox', { name: 'New effect' }).fill('door slams');
  await sound.getByRole('spinbutton', { name: 'New effect length (s)' }).fill('1');
  await sound.getByRole('spinbutton', { name: 'New effect length (s)' }).press('Enter');
  await sound.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(sound.getByRole('textbox', { name: 'Effect', exact: true })).toHaveValue('door slams');
  await sound.getByRole('button', { name: 'Make effects' }).click();
  await expect(sound.getByRole('status')).toHaveText('Queued 1 effect.');
  const effectsLane = app.getByRole('group', { name: 'Effects lane' });
  const door = effectsLane.getByRole('button', { name: /^Effect door slams, shot 1B/ });
  await expect(door.getByRole('img', { name: 'Waveform of door slams' })).toBeVisible({ timeout: 60_000 });
  await sound.getByRole('button', { name: 'Remove effect door slams' }).click();
  await expect(door).toHaveCount(0);
  await app.keyboard.press('Control+z');
  await expect(door).toBeVisible();
  // 1B plays its lines and effects only: its take is silent.
  await sound.getByRole('radio', { name: 'Dialogue & effects' }).click();
  await expect(sound.getByRole('radio', { name: 'Dialogue & effects' })).toBeChecked();
  await app.screenshot({ path: path.join(SHOTS, 'sound-effects.png') });

  // Play the cut from its first frame: lines and music are scheduled on Web Audio, the line of 1A
  // from its first sample, within a frame of the picture's first frame.
  const musicLane = app.getByRole('group', { name: 'Music lane' });
  await p.scrub.focus();
  await app.keyboard.press('Home');
  await expect(p.timecode).toHaveText('01:00:00:00');
  await p.play.click();
  await expect(dialogueLane).not.toHaveAttribute('data-scheduled', '0', { timeout: 10_000 });
  await expect(musicLane).toHaveAttribute('data-scheduled', '1');
  await app.screenshot({ path: path.join(SHOTS, 'sound-playing.png') });
  await p.pause.click();
  await expect(dialogueLane).toHaveAttribute('data-scheduled', '0');
  const starts = await audioStarts(app);
  // The music bed is 12 s long; the lines are shorter. The first line to sound is Mara's, on 1A's first frame.
  const lines = starts.filter((s) => s.bufferS > 1.2 && s.bufferS < 11).sort((a, b) => a.in - b.in);
  expect(lines.length, JSON.stringify(starts)).toBe(2);
  const first = lines[0]!;
  expect(first.in + first.offset, JSON.stringify(starts)).toBeLessThanOrEqual(1 / 24);
  // Dee's line waits for 1B: after Mara's shot, now made long enough to hold her line.
  expect(lines[1]!.in).toBeGreaterThan(Number(fixedTo) - 0.5);

  // The animatic carries the sound: its file has an audio stream.
  await app.getByRole('button', { name: 'Render animatic…' }).click();
  const render = app.getByRole('dialog', { name: 'Render animatic' });
  await render.getByRole('button', { name: 'Render', exact: true }).click();
  const rendered = render.getByRole('status', { name: 'Render result' });
  await expect(rendered).toContainText('Done', { timeout: 120_000 });
  const mp4 = (await rendered.locator('code').textContent())!;
  expect(await ffprobe(mp4)).toMatchObject({ hasVideo: true, hasAudio: true });
  await render.getByRole('button', { name: 'Close', exact: true }).first().click();

  // The Resolve folder: Audio/ holds the dialogue lines as WAVs.
  const out = path.join(workdir, 'exports');
  fs.mkdirSync(out);
  await app.getByRole('button', { name: 'Export', exact: true }).click();
  await app.getByRole('menuitem', { name: 'Export: DaVinci Resolve…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export: DaVinci Resolve' });
  await dialog.getByRole('textbox', { name: 'Destination folder' }).fill(out);
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const resolve = path.join(out, 'Diner_Sound_Resolve');
  await expect(dialog.getByTestId('export-folder')).toHaveText(resolve, { timeout: 240_000 });
  const wavs = fs.readdirSync(path.join(resolve, 'Audio')).filter((f) => f.endsWith('.wav'));
  expect(wavs.length).toBeGreaterThanOrEqual(3);

  await dialog.getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(dialog).toBeHidden();
  await app.locator('.sound-tracks').screenshot({ path: path.join(SHOTS, 'sound-lanes.png') });
});
