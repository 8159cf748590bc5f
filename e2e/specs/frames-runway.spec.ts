// A three-shot scene with two tagged references, boarded on Runway (a local stand-in): frames for
// all with the cost shown first, each frame request carrying the shot's references with their
// tags, circle another frame, redo one, then animate an approved frame into video.
import fs from 'node:fs';
import path from 'node:path';
import { run } from '../../app/cli/run';
import { photoJpeg } from '../../app/core/library/images.testkit';
import { startRunwayFake } from '../../test/fakes/runway/server';
import { artifact, expect, test } from '../fixtures/app';
import { workspace } from '../pages/workspace';

test('frames on Runway with two references: all, circle, redo, animate', async ({ app, workdir }) => {
  test.setTimeout(240_000);
  const key = 'rw-e2e-frames-0123456789';
  const fake = await startRunwayFake({ apiKey: key, runningPolls: 1 });
  try {
    // The scene, its library and slots, made with the CLI.
    const io = { out: () => {}, err: (t: string) => console.error(t), cwd: workdir, env: {} };
    const cli = async (...argv: string[]) => expect(await run(argv, io)).toBe(0);
    const folder = path.join(workdir, 'Diner.shotline');
    const shots = ['Mara pushes the door open', 'Dee looks up from the counter', 'Mara sits at the counter facing Dee'].map((action) => ({
      action: `${action}, @mara and @diner`,
      durationS: 5,
      tool: 'runway:gen4_turbo',
    }));
    fs.writeFileSync(path.join(workdir, 'plan.json'), JSON.stringify({ scenes: [{ name: 'INT. DINER - NIGHT', shots }] }));
    fs.writeFileSync(path.join(workdir, 'mara.jpg'), await photoJpeg(1280, 720));
    fs.writeFileSync(path.join(workdir, 'diner.jpg'), await photoJpeg(1600, 900, 70));
    await cli('new', folder);
    await cli('import', folder, 'plan.json');
    await cli('library', 'add', folder, '--name', 'Mara', '--tag', 'mara', 'mara.jpg');
    await cli('library', 'add', folder, '--kind', 'location', '--name', 'Diner', '--tag', 'diner', 'diner.jpg');
    for (const label of ['1A', '1B', '1C']) await cli('refs', 'set', folder, '--shot', label, '@mara', '@diner');

    const ws = workspace(app);
    await ws.openFolder(folder);
    // The Runway key, pointed at the stand-in.
    await app.getByRole('button', { name: 'Settings' }).click();
    const row = app.getByTestId('key-runway');
    await row.getByPlaceholder('Paste the key').fill(key);
    await row.getByRole('button', { name: 'Save' }).click();
    await row.getByText('Base URL').click();
    await row.getByRole('textbox', { name: 'Runway base URL' }).fill(fake.url);
    await row.getByRole('button', { name: 'Use' }).click();
    await app.keyboard.press('Escape');

    // Frames for all three on Gen-4 Image: the cost first (3 shots × 2 × $0.05), then the frames.
    await app.keyboard.press('Control+b');
    await app.getByRole('combobox', { name: 'Frame tool' }).selectOption('runway:gen4_image');
    await app.getByTestId('frames-for-all').click();
    const confirm = app.getByRole('dialog', { name: 'Make frames for 3 shots?' });
    await expect(confirm.getByTestId('frames-sum')).toContainText('3 shots × 2 takes × $0.05 = $0.30');
    await confirm.getByRole('button', { name: /^Make frames · / }).click();
    const panel = (label: string) => app.getByTestId(`board-panel-${label}`);
    for (const label of ['1A', '1B', '1C']) await expect(panel(label)).toHaveAttribute('data-image', 'frame', { timeout: 120_000 });
    await expect(app.getByTestId('queue-summary')).toContainText('all done', { timeout: 120_000 });

    // Every frame request carried both references, tagged as the prompt names them.
    const sent = fake.requests.filter((r) => r.path === '/v1/text_to_image');
    expect(sent).toHaveLength(6);
    for (const r of sent) {
      const body = r.body as { model: string; referenceImages: Array<{ tag: string; uri: string }>; promptText: string };
      expect(body.model).toBe('gen4_image');
      expect(body.referenceImages.map((i) => i.tag).sort()).toEqual(['diner', 'mara']);
      expect(body.promptText).toContain('@mara');
    }
    await app.screenshot({ path: artifact('frames-runway-board.png') });

    // Circle 1B's other frame; redo 1C's frames.
    const strip = panel('1B').getByRole('group', { name: 'Frames of 1B' });
    const other = strip
      .getByRole('button', { name: /Circle frame/ })
      .and(app.locator('[aria-pressed="false"]'))
      .first();
    const otherName = (await other.getAttribute('aria-label'))!;
    await other.click();
    await expect(strip.getByRole('button', { name: otherName })).toHaveAttribute('aria-pressed', 'true');
    await panel('1C').getByRole('button', { name: 'More for 1C' }).click();
    await app.getByRole('menuitem', { name: 'Redo frame' }).click();
    await expect(panel('1C').getByRole('button', { name: /Circle frame/ })).toHaveCount(4, { timeout: 120_000 });

    // Animate 1B from its approved frame on Gen-4 Turbo: the video request's start image is that frame.
    await app.keyboard.press('Control+b');
    await ws.card('1B').click();
    await expect(ws.inspector.locator('.kf-source').first()).toContainText(/^frame \d/);
    await app.getByTestId('generate-selected').click();
    await expect(ws.card('1B').getByRole('img', { name: /^2 takes/ })).toBeVisible({ timeout: 120_000 });
    const video = fake.requests.filter((r) => r.path === '/v1/image_to_video');
    expect(video).toHaveLength(2);
    for (const r of video) expect(JSON.stringify((r.body as { promptImage: unknown }).promptImage)).toMatch(/data:image\//);
    await app.screenshot({ path: artifact('frames-runway-animated.png') });
  } finally {
    await fake.close();
  }
});
