import path from 'node:path';
import { PANELS_PER_PAGE, PAPER_SIZES, type PanelsPerPage } from '../../../shared/domain/storyboard';
import { writeProjectStoryboard } from '../../core/export/storyboard';
import { oneOf, withProject, type Command } from '../command';
import { plural } from '../format';
import { jsonText } from '../terminal';

export const storyboardCommand: Command = {
  args: ['DIR'],
  options: {
    out: { type: 'string', value: 'FILE', help: 'the .pdf to write, or a folder for <Title>_storyboard.pdf (default: the current folder)' },
    'per-page': { type: 'string', value: 'N', help: `panels a page: ${PANELS_PER_PAGE.join(', ')} (default 3)` },
    paper: { type: 'string', value: 'P', help: `paper size: ${PAPER_SIZES.join(' or ')} (default A4)` },
    json: { type: 'boolean', help: 'print {"path", "pages", "shots"} as JSON' },
  },
  details: [
    'Each panel shows the frame of the take the cut plays (the circled take, else the newest) from the',
    "thumbnail kept with it, else the shot's start keyframe, else a card with its label; under it the",
    'action, dialogue, duration, camera move and tool. Each scene starts a new row under its heading.',
    'Nothing is conformed or rendered, so it takes seconds where `export --resolve` takes minutes.',
    "The PDF's path is printed last.",
  ].join('\n'),
  run: ({ args: [dir], options, io }) =>
    withProject(io, dir!, async (project) => {
      const perPage = oneOf<PanelsPerPage>(options['per-page'], PANELS_PER_PAGE, 'per-page', 3);
      const paper = oneOf(options.paper, PAPER_SIZES, 'paper');
      const out = typeof options.out === 'string' ? options.out : '.';
      const r = await writeProjectStoryboard(project, path.resolve(io.cwd, out), { perPage, paper });
      io.out(
        options.json ? jsonText(r) : `Wrote the storyboard: ${plural(r.shots, 'shot')} on ${plural(r.pages, 'page')}, ${perPage} panels a page.\n${r.path}\n`,
      );
    }),
};
