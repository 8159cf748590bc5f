// The music channels: list, add (checked and stored first, placed in one undoable step), update,
// remove, and the duck level; and the waveform of any project sound file for the lanes.
import fs from 'node:fs';
import type { BedPatch } from '../db/repos/musicRepo';
import { describeError, UserError } from '../errors';
import { projectMediaPath } from '../media/projectPath';
import { mediaTempPath } from '../media/store';
import { addMusic, prepareMusic, updateMusic, type PreparedMusic } from '../sound/music';
import { projectWaveform } from '../sound/waveform';
import type { Edit, Handlers, OpenSession } from './types';

type MusicChannels = Extract<keyof Handlers, `music.${string}` | 'sound.waveform'>;

/** A dropped file as a path on disk; bytes from the browser are written to a temp file first (removed by `done`). */
function onDisk(folder: string, f: { name: string; path?: string; bytes?: string | Uint8Array }): { file: string; done: () => void } {
  if (f.path) return { file: f.path, done: () => {} };
  if (f.bytes === undefined) throw new UserError(`${f.name}: neither a path nor the file's bytes came with it.`);
  const buf = typeof f.bytes === 'string' ? Buffer.from(f.bytes.replace(/^data:[^,]*,/, ''), 'base64') : Buffer.from(f.bytes);
  const ext = f.name.includes('.') ? f.name.slice(f.name.lastIndexOf('.')) : '';
  const file = mediaTempPath(folder, ext.toLowerCase());
  fs.writeFileSync(file, buf);
  return { file, done: () => fs.rmSync(file, { force: true }) };
}

export function musicHandlers(edit: Edit, deps: { current: () => OpenSession }): Pick<Handlers, MusicChannels> {
  const project = () => deps.current().project;
  return {
    'music.list': () => ({ beds: project().music.beds(), duckDb: project().music.duckDb() }),
    'music.add': async ({ files, atS }) => {
      const p = project();
      const ready: PreparedMusic[] = [];
      const refused: Array<{ name: string; reason: string }> = [];
      for (const f of files) {
        const { file, done } = onDisk(p.folder, f);
        try {
          ready.push(await prepareMusic(p.db, p.folder, file, f.name));
        } catch (err) {
          if (!(err instanceof UserError)) throw err;
          refused.push({ name: f.name, reason: describeError(err).message });
        } finally {
          done();
        }
      }
      if (ready.length === 0) return { added: [], refused };
      const added = edit(ready.length === 1 ? `Add music ${ready[0]!.name}` : `Add ${ready.length} music beds`, ({ project: q }) =>
        ready.map((m, i) => addMusic(q.db, q.folder, q.music, m, i === 0 ? { atS } : {})),
      );
      return { added, refused };
    },
    'music.update': ({ id, patch }) => {
      const row: BedPatch = {
        at_s: patch.atS,
        trim_in_s: patch.trimInS,
        length_s: patch.lengthS,
        gain_db: patch.gainDb,
        fade_in_s: patch.fadeInS,
        fade_out_s: patch.fadeOutS,
      };
      return edit('Edit music', ({ project: q }) => updateMusic(q.music, id, row));
    },
    'music.remove': ({ id }) =>
      edit('Remove music', ({ project: q }) => {
        if (!q.music.remove(id)) throw new UserError('That music bed is no longer on the timeline.');
        return null;
      }),
    'music.setDuck': ({ duckDb }) =>
      edit('Set music ducking', ({ project: q }) => {
        q.music.setDuckDb(duckDb);
        return duckDb;
      }),
    'sound.waveform': async ({ relPath, perSecond }) => {
      const folder = project().folder;
      const file = projectMediaPath(folder, relPath, 'A sound on the lanes');
      try {
        return await projectWaveform(folder, relPath, file, perSecond);
      } catch (err) {
        throw new UserError(`The waveform of ${relPath} could not be read (${(err as Error).message.slice(0, 200)}).`);
      }
    },
  };
}
