// The music channels as the renderer calls them: files by bytes (the devhost) or path, refusals
// named, every edit undoable.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveFfmpeg } from '../media/ffmpeg';
import { testCore } from '../testing/core.testkit';
import { useTmpDir } from '../testing/tmp.testkit';

const tmp = useTmpDir('shotline-music-ch-');
let t: ReturnType<typeof testCore>;
afterEach(() => t?.close());

describe('music channels', () => {
  it('adds what ffprobe reads, names what it refuses, and undoes every edit', async () => {
    t = testCore(tmp());
    await t.call('project.create', { parentDir: tmp(), title: 'Sound' });
    const mp3 = path.join(tmp(), 'theme.mp3');
    execFileSync(await resolveFfmpeg(), ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=440:duration=4', '-y', mp3]);

    const added = await t.call('music.add', {
      files: [
        { name: 'Thème (ver 2).mp3', bytes: fs.readFileSync(mp3).toString('base64') },
        { name: 'cover.jpg', bytes: Buffer.from('not audio at all').toString('base64') },
      ],
      atS: 1,
    });
    expect(added.refused).toEqual([{ name: 'cover.jpg', reason: 'cover.jpg has no sound in it. Use WAV, AIFF, MP3, AAC/M4A or FLAC.' }]);
    expect(added.added.map((b) => [b.name, b.atS, Math.round(b.lengthS)])).toEqual([['Thème (ver 2).mp3', 1, 4]]);
    const id = added.added[0]!.id;

    // A length past the file's end is cut to what the file has.
    expect(await t.call('music.update', { id, patch: { gainDb: -6, trimInS: 1, lengthS: 10 } })).toMatchObject({
      gainDb: -6,
      trimInS: 1,
      lengthS: expect.closeTo(3, 0),
    });
    await t.call('history.undo', {});
    expect((await t.call('music.list', {})).beds[0]).toMatchObject({ gainDb: 0, trimInS: 0 });

    await t.call('music.remove', { id });
    expect((await t.call('music.list', {})).beds).toEqual([]);
    await t.call('history.undo', {});
    expect((await t.call('music.list', {})).beds).toHaveLength(1);

    expect(await t.call('music.setDuck', { duckDb: 6 })).toBe(6);
    expect((await t.call('music.list', {})).duckDb).toBe(6);
    await t.call('history.undo', {});
    expect((await t.call('music.list', {})).duckDb).toBe(10);
  });
});
