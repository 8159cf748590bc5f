import path from 'node:path';
import { formatRunningTime } from '../../../shared/domain/timecode';
import { renderAnimatic } from '../../core/cut/animatic';
import { UserError } from '../../core/errors';
import { animaticInputs } from '../../core/cut/projectAnimatic';
import { withProject, type Command } from '../command';

export const animaticCommand: Command = {
  args: ['DIR'],
  options: {
    out: { type: 'string', value: 'FILE', help: 'the .mp4 to write' },
    'burn-in': { type: 'boolean', help: 'draw each shot’s label and the running timecode on the picture' },
  },
  details: [
    'Each shot plays its circled take, else its newest, else a still card (start keyframe, else first',
    'reference, else a title card) for its planned length, trimmed or held as chosen. Where every',
    'take already matches the animatic, they are joined without re-encoding ("copy"); otherwise each',
    'is conformed first ("encode"). Ctrl-C stops it and leaves no partial file.',
  ].join('\n'),
  run: ({ args: [dir], options, io }) =>
    withProject(io, dir!, async (project) => {
      if (typeof options.out !== 'string') throw new UserError('animatic needs --out FILE, e.g. --out cut.mp4.');
      const out = path.resolve(io.cwd, options.out);
      if (path.extname(out).toLowerCase() !== '.mp4') throw new UserError(`--out ${options.out}: the animatic is an MP4; name a file ending in .mp4.`);
      const abort = new AbortController();
      const stop = () => abort.abort();
      process.once('SIGINT', stop);
      try {
        let shown = -1;
        const result = await renderAnimatic({
          ...animaticInputs(project),
          out,
          burnIn: !!options['burn-in'],
          signal: abort.signal,
          onProgress: (f, stage) => {
            const pct = Math.floor(f * 100);
            if (!io.status || pct === shown) return;
            shown = pct;
            io.status(`${String(pct).padStart(3)}%  ${stage.padEnd(50).slice(0, 50)}`);
          },
        });
        io.status?.('');
        io.out(
          `Wrote ${result.path}: ${formatRunningTime(result.durationS)} (${result.frames} frames at 24 fps), ${result.mode === 'copy' ? 'joined without re-encoding' : 'conformed and encoded'}.\n`,
        );
      } catch (err) {
        if ((err as Error).name === 'AbortError') throw new UserError('Stopped; no animatic was written.');
        throw err;
      } finally {
        process.off('SIGINT', stop);
      }
    }),
};
