import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { photoJpeg } from '../core/library/images.testkit';
import { useTmpDir } from '../core/testing/tmp.testkit';
import { cli } from './cli.testkit';

const tmp = useTmpDir('shotline-voice-');

describe('shotline voice', () => {
  it('gives a character a voice, refuses other kinds and unknown forms, and lists it', async () => {
    const cwd = tmp();
    expect((await cli(['new', 'film.shotline'], { cwd })).code).toBe(0);
    fs.writeFileSync(path.join(cwd, 'a.jpg'), await photoJpeg(640, 480));
    expect((await cli(['library', 'add', 'film.shotline', '--name', 'Mara', '--tag', 'mara', 'a.jpg'], { cwd })).code).toBe(0);
    expect((await cli(['library', 'add', 'film.shotline', '--kind', 'location', '--name', 'Diner', '--tag', 'diner', 'a.jpg'], { cwd })).code).toBe(0);

    const set = await cli(['voice', 'film.shotline', '--character', '@mara', '--voice', 'local:f2'], { cwd });
    expect(set).toMatchObject({ code: 0, out: '@mara speaks with local:f2.\n' });
    const listed = JSON.parse((await cli(['library', 'list', 'film.shotline', '--json'], { cwd })).out) as {
      items: Array<{ tag: string; voice: string | null }>;
    };
    expect(listed.items.map((i) => [i.tag, i.voice])).toEqual([
      ['mara', 'local:f2'],
      ['diner', null],
    ]);

    const place = await cli(['voice', 'film.shotline', '--character', '@diner', '--voice', 'local'], { cwd });
    expect(place.err).toBe('shotline: @diner is a location; only characters have a voice.\n');
    const bad = await cli(['voice', 'film.shotline', '--character', '@mara', '--voice', 'siri'], { cwd });
    expect(bad.err).toContain('"siri" is not a voice.');
    expect((await cli(['voice', 'film.shotline', '--character', '@mara', '--voice', 'none'], { cwd })).out).toBe('@mara has no voice now.\n');
  });
});
