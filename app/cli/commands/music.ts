// Music beds from the command line: place an audio file on the cut's music lane, or list them.
import path from 'node:path';
import { formatRunningTime } from '../../../shared/domain/timecode';
import type { MusicBed } from '../../../shared/domain/sound';
import { UserError } from '../../core/errors';
import { addMusic, prepareMusic, type MusicPlacement, type PreparedMusic } from '../../core/sound/music';
import { withProject, type Command } from '../command';
import { num, table } from '../format';
import { jsonText } from '../terminal';

function bedsTable(beds: MusicBed[]): string {
  return table(
    [{ title: 'Music' }, { title: 'At', align: 'right' }, { title: 'Length', align: 'right' }, { title: 'Gain', align: 'right' }, { title: 'Fades' }],
    beds.map((b) => [b.name, formatRunningTime(b.atS), `${b.lengthS.toFixed(1)} s`, `${b.gainDb} dB`, `${b.fadeInS} s in, ${b.fadeOutS} s out`]),
  );
}

export const musicCommand: Command = {
  args: ['DIR', '[FILE...]'],
  options: {
    at: { type: 'string', value: 'SECONDS', help: 'where it starts on the timeline (default: after the last bed)' },
    trim: { type: 'string', value: 'SECONDS', help: 'where in the file it starts (default 0)' },
    length: { type: 'string', value: 'SECONDS', help: 'how long it plays (default: to the end of the file)' },
    gain: { type: 'string', value: 'DB', help: 'level, -60 to +12 dB (default 0); negative as --gain=-6' },
    'fade-in': { type: 'string', value: 'S', help: 'fade in, seconds' },
    'fade-out': { type: 'string', value: 'S', help: 'fade out, seconds' },
    list: { type: 'boolean', help: 'list the music beds' },
    json: { type: 'boolean', help: 'with --list: print JSON' },
  },
  details: [
    'WAV, AIFF, MP3, AAC/M4A and FLAC (anything ffprobe reads with sound in it); the file is copied into',
    'the project. Dialogue ducks the music under it (10 dB by default). The animatic mixes every bed in.',
    'JSON (--list --json): {"music": [{"id", "name", "path", "atS", "trimInS", "lengthS", "gainDb", "fadeInS", "fadeOutS"}]}.',
  ].join('\n'),
  run: ({ args: [dir, ...files], options, io }) =>
    withProject(io, dir!, async (project) => {
      if (options.list) {
        const beds = project.music.beds();
        if (options.json) {
          const music = beds.map(({ relPath, sourceS: _sourceS, ...b }) => ({ ...b, path: path.join(project.folder, ...relPath.split('/')) }));
          return io.out(jsonText({ music }));
        }
        return io.out(beds.length ? bedsTable(beds) : 'No music yet. Add a file with: shotline music DIR FILE --at SECONDS\n');
      }
      if (files.length === 0) throw new UserError('music needs an audio FILE (or --list).');
      const placement: MusicPlacement = {
        atS: num(options.at, 'at', 0, 36_000),
        trimInS: num(options.trim, 'trim', 0, 36_000),
        lengthS: num(options.length, 'length', 0.1, 36_000),
        gainDb: num(options.gain, 'gain', -60, 12),
        fadeInS: num(options['fade-in'], 'fade-in', 0, 600),
        fadeOutS: num(options['fade-out'], 'fade-out', 0, 600),
      };
      // Every file is checked before any is placed: a refused one leaves the lane as it was.
      const prepared: PreparedMusic[] = [];
      for (const file of files) prepared.push(await prepareMusic(project.db, project.folder, path.resolve(io.cwd, file)));
      const beds = project.db.transaction(() =>
        // The first goes where --at says; the others follow it.
        prepared.map((m, i) => addMusic(project.db, project.folder, project.music, m, i === 0 ? placement : { ...placement, atS: undefined })),
      )();
      for (const bed of beds) io.out(`Music: ${bed.name} at ${formatRunningTime(bed.atS)} for ${bed.lengthS.toFixed(1)} s.\n`);
    }),
};
