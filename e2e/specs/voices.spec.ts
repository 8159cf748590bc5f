// Two characters get their voices: with no ElevenLabs key the field says so and opens Settings;
// once the key points at a local ElevenLabs stand-in, Mara gets a local scratch voice and Dee an
// ElevenLabs voice, each sample plays, and both choices are still there after a reload.
import fs from 'node:fs';
import path from 'node:path';
import type { Locator } from '@playwright/test';
import { run } from '../../app/cli/run';
import { photoJpeg } from '../../app/core/library/images.testkit';
import { startElevenLabsFake } from '../../test/fakes/elevenlabs/server';
import { expect, test } from '../fixtures/app';
import { saveKey } from '../pages/keyRow';
import { workspace } from '../pages/workspace';

const GEORGE = 'JBFqnCBsd6RMkjVDRZzb';

/** The sample element once it has loaded: where its source came from, and any media error. */
async function expectSamplePlays(audio: Locator) {
  await expect(audio).toHaveAttribute('src', /^blob:/);
  await expect
    .poll(() => audio.evaluate((a: HTMLAudioElement) => ({ error: a.error?.code ?? null, loaded: a.readyState >= 1 && a.duration > 0.3 })))
    .toEqual({ error: null, loaded: true });
}

test('voices for two characters: local and ElevenLabs, previewed, kept after reload', async ({ app, workdir }) => {
  test.setTimeout(120_000);
  const key = 'sk_e2e_voices_0123456789abcdef';
  const fake = await startElevenLabsFake({ apiKey: key });
  try {
    const out: string[] = [];
    const io = { out: (t: string) => out.push(t), err: (t: string) => console.error(t), cwd: workdir, env: {} };
    const cli = async (...argv: string[]) => expect(await run(argv, io)).toBe(0);
    const folder = path.join(workdir, 'Diner.shotline');
    fs.writeFileSync(
      path.join(workdir, 'plan.json'),
      JSON.stringify({ scenes: [{ name: 'INT. DINER - NIGHT', shots: [{ action: '@mara and @dee talk', durationS: 5, tool: 'local:animatic' }] }] }),
    );
    fs.writeFileSync(path.join(workdir, 'face.jpg'), await photoJpeg(640, 480));
    await cli('new', folder);
    await cli('import', folder, 'plan.json');
    await cli('library', 'add', folder, '--name', 'Mara', '--tag', 'mara', 'face.jpg');
    await cli('library', 'add', folder, '--name', 'Dee', '--tag', 'dee', 'face.jpg');

    await workspace(app).openFolder(folder);
    const library = app.getByRole('region', { name: 'Library' });
    const open = async (tag: string) => {
      await library
        .getByTestId(`library-item-${tag}`)
        .getByRole('button', { name: new RegExp(`@${tag}$`) })
        .click();
      return library.getByTestId(`voice-field-${tag}`);
    };

    // No key yet: the field says what to do and opens Settings, where the key goes in.
    let field = await open('mara');
    await expect(field.getByRole('alert')).toContainText('Add the ElevenLabs key in Settings');
    await field.screenshot({ path: '/tmp/shots/voices-no-key.png' });
    await field.getByRole('button', { name: 'Open Settings' }).click();
    await saveKey(app, 'elevenlabs', 'ElevenLabs', key, fake.url);
    await app.keyboard.press('Escape');

    // Settings closed: the voices are listed. Mara gets a local variant and hears it.
    const select = field.getByRole('combobox', { name: 'Voice' });
    await expect(select.locator(`option[value="elevenlabs:${GEORGE}"]`)).toHaveText('George (male, british)');
    await expect(field.getByRole('alert')).toHaveCount(0);
    await select.selectOption('local:2');
    await expect(library.getByTestId('item-voice-mara')).toHaveText('Local scratch voice 2');
    await field.getByRole('button', { name: 'Preview the voice of @mara' }).click();
    await expectSamplePlays(field.getByTestId('voice-sample-mara'));
    await library.screenshot({ path: '/tmp/shots/voices-local.png' });

    // Dee gets George from ElevenLabs; the sample is ElevenLabs' free preview, nothing generated.
    field = await open('dee');
    await field.getByRole('combobox', { name: 'Voice' }).selectOption(`elevenlabs:${GEORGE}`);
    await expect(library.getByTestId('item-voice-dee')).toHaveText('ElevenLabs · George');
    // A pick is an item edit: Undo takes it back, Redo puts it again.
    await app.getByRole('button', { name: 'Undo', exact: true }).click();
    await expect(library.getByTestId('item-voice-dee')).toHaveText('No voice');
    await app.getByRole('button', { name: 'Redo', exact: true }).click();
    await expect(library.getByTestId('item-voice-dee')).toHaveText('ElevenLabs · George');
    await field.getByRole('button', { name: 'Preview the voice of @dee' }).click();
    await expectSamplePlays(field.getByTestId('voice-sample-dee'));
    expect(fake.creates).toBe(0);
    await library.screenshot({ path: '/tmp/shots/voices-elevenlabs.png' });

    // Both picks were saved to the project, and the page shows them after a reload.
    await app.reload();
    await app.locator('[data-ready="true"]').waitFor();
    await expect(library.getByTestId('item-voice-mara')).toHaveText('Local scratch voice 2');
    field = await open('dee');
    await expect(field.getByRole('combobox', { name: 'Voice' })).toHaveValue(`elevenlabs:${GEORGE}`);
    await expect(library.getByTestId('item-voice-dee')).toHaveText('ElevenLabs · George');
    out.length = 0;
    await cli('library', 'list', folder, '--json');
    const items = (JSON.parse(out.join('')) as { items: Array<{ tag: string; voice: string | null }> }).items;
    expect(Object.fromEntries(items.map((i) => [i.tag, i.voice]))).toEqual({ mara: 'local:2', dee: `elevenlabs:${GEORGE}` });
    await app.screenshot({ path: '/tmp/shots/voices-after-reload.png' });
  } finally {
    await fake.close();
  }
});
