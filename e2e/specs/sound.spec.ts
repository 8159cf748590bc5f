import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { resolveFfmpeg } from '../../app/core/media/ffmpeg';
import { artifact, expect, test } from '../fixtures/app';
import { dropFiles } from '../pages/drop';
import { player } from '../pages/takes';
import { workspace } from '../pages/workspace';

// The music lane under the player: a bed dropped, drawn with its waveform, moved, levelled and
// faded, an edit undone, a bad file refused by name, the lane muted, and the cut played with the
// bed scheduled on Web Audio.
test('sound: a music bed on its lane, edited, undone, muted and played (screenshots)', async ({ app, workdir }) => {
  test.setTimeout(120_000);
  await app.setViewportSize({ width: 1280, height: 800 });
  const ws = workspace(app);
  const p = player(app);
  await ws.openDemo(workdir);

  const mp3 = path.join(workdir, 'theme.mp3');
  execFileSync(await resolveFfmpeg(), ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=220:duration=6', '-y', mp3]);
  const lane = app.getByRole('group', { name: 'Music lane' });
  await expect(lane).toContainText('Drop music here');

  // Dropped at the lane's left edge: the bed starts on the cut's first frame, with its waveform.
  await dropFiles(lane, [{ name: 'theme.mp3', b64: fs.readFileSync(mp3).toString('base64'), type: 'audio/mpeg' }]);
  const bed = lane.getByRole('button', { name: /^Music bed theme\.mp3/ });
  await expect(bed).toHaveAccessibleName(/starts 01:00:00:00, 6\.0 s$/);
  const wave = bed.getByRole('img', { name: 'Waveform of theme.mp3' });
  await expect(wave).toBeVisible();
  expect(Number(await wave.getAttribute('data-points'))).toBeGreaterThan(50);

  // A text file named .wav is refused, by name, with the reason.
  await dropFiles(lane, [{ name: 'notes.wav', b64: Buffer.from('these are notes, not sound').toString('base64'), type: 'audio/wav' }]);
  const refusal = app.getByRole('alert').filter({ hasText: 'notes.wav' });
  await expect(refusal).toContainText(/Not added to the music lane: notes\.wav .*(not an audio file|no sound)/);
  await expect(lane.getByRole('button', { name: /^Music bed/ })).toHaveCount(1);
  await refusal.getByRole('button', { name: 'Dismiss' }).click();

  // Drag the bed right: it lands on a frame further in.
  const box = (await bed.boundingBox())!;
  await app.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await app.mouse.down();
  for (let i = 1; i <= 8; i++) await app.mouse.move(box.x + box.width / 2 + i * 10, box.y + box.height / 2);
  await app.mouse.up();
  await expect(bed).not.toHaveAccessibleName(/starts 01:00:00:00/);
  const moved = (await bed.getAttribute('aria-label'))!;
  expect(moved).toMatch(/starts 01:00:0\d:\d\d, 6\.0 s$/);

  // Its settings: gain and fades, each one undoable edit.
  await bed.click();
  const settings = app.getByRole('dialog', { name: 'Music bed theme.mp3' });
  await settings.getByRole('spinbutton', { name: 'Gain (dB)' }).fill('-6');
  await settings.getByRole('spinbutton', { name: 'Gain (dB)' }).press('Enter');
  await expect(bed).toContainText('−6 dB');
  await settings.getByRole('spinbutton', { name: 'Fade in (s)' }).fill('1');
  await settings.getByRole('spinbutton', { name: 'Fade in (s)' }).press('Enter');
  await settings.getByRole('spinbutton', { name: 'Fade out (s)' }).fill('1.5');
  await settings.getByRole('spinbutton', { name: 'Fade out (s)' }).press('Enter');
  await expect(bed.getByTestId('bed-fades').locator('.bed-ramp')).toHaveCount(2);
  await app.screenshot({ path: artifact('sound-bed-1280.png') });

  // Undo takes the fade out away, and only it.
  await app.keyboard.press('Escape');
  await expect(settings).toBeHidden();
  await app.keyboard.press('Control+z');
  await expect(bed.getByTestId('bed-fades').locator('.bed-ramp')).toHaveCount(1);
  await bed.click();
  await expect(settings.getByRole('spinbutton', { name: 'Fade out (s)' })).toHaveValue('0');
  await expect(settings.getByRole('spinbutton', { name: 'Fade in (s)' })).toHaveValue('1');
  await expect(settings.getByRole('spinbutton', { name: 'Gain (dB)' })).toHaveValue('-6');
  await expect(bed).toHaveAccessibleName(moved);
  await app.keyboard.press('Escape');

  // Mute the music lane (kept in the UI, not the project).
  const mute = app.getByRole('button', { name: 'Mute music' });
  await mute.click();
  await expect(mute).toHaveAttribute('aria-pressed', 'true');

  // Play the cut: the player schedules the bed on Web Audio, and lets it go on pause.
  await expect(lane).toHaveAttribute('data-scheduled', '0');
  await p.play.click();
  await expect(p.pause).toBeVisible();
  await expect(lane).toHaveAttribute('data-scheduled', '1', { timeout: 10_000 });
  await app.screenshot({ path: artifact('sound-playing-1280.png') });
  await p.pause.click();
  await expect(lane).toHaveAttribute('data-scheduled', '0');
  await mute.click();
  await expect(mute).toHaveAttribute('aria-pressed', 'false');

  // The duck amount is the project's: set, and still there after the data comes back.
  const duck = app.getByRole('spinbutton', { name: 'Duck music under dialogue (dB)' });
  await expect(duck).toHaveValue('10');
  await duck.fill('6');
  await duck.press('Enter');
  await expect(app.getByText('Last edit: Set music ducking')).toBeVisible();
  await expect(duck).toHaveValue('6');

  // Delete removes the focused bed; undo brings it back where it was.
  await bed.focus();
  await app.keyboard.press('Delete');
  await expect(lane.getByRole('button', { name: /^Music bed/ })).toHaveCount(0);
  await expect(app.getByRole('status').filter({ hasText: 'Removed theme.mp3 from the music lane' })).toBeVisible();
  await app.keyboard.press('Control+z');
  await expect(bed).toHaveAccessibleName(moved);

  // Folding the lanes gives the picture their height, and stays folded after a reload.
  const fold = app.getByRole('button', { name: 'Sound lanes' });
  await expect(fold).toHaveAttribute('aria-expanded', 'true');
  const picture = app.locator('.player-stage');
  const tall = (await picture.boundingBox())!.height;
  await fold.click();
  await expect(fold).toHaveAttribute('aria-expanded', 'false');
  await expect(lane).toHaveCount(0);
  await expect.poll(async () => (await picture.boundingBox())!.height).toBeGreaterThan(tall + 100);
  await app.screenshot({ path: artifact('sound-lanes-folded-1280.png') });
  await app.reload();
  await expect(app.getByRole('button', { name: 'Sound lanes' })).toHaveAttribute('aria-expanded', 'false');
  await expect(lane).toHaveCount(0);
  await app.getByRole('button', { name: 'Sound lanes' }).click();
  await expect(bed).toHaveAccessibleName(moved);

  await app.setViewportSize({ width: 1600, height: 1000 });
  await app.locator('.sound-tracks').screenshot({ path: artifact('sound-lanes-1600.png') });
  await bed.click();
  await expect(settings).toBeVisible();
  await app.screenshot({ path: artifact('sound-bed-1600.png') });
});
