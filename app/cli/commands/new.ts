import path from 'node:path';
import { PROJECT_EXT, createProjectAt } from '../../core/project/projectFiles';
import { UserError } from '../../core/errors';
import { CREATED_BY, type Command } from '../command';
import { describeIssues } from '../../core/shotList/issues';
import { documentSchema } from '../../core/shotList/schema';

export const newCommand: Command = {
  args: ['DIR'],
  options: { title: { type: 'string', value: 'T', help: `the film's title (default: the folder name without ${PROJECT_EXT})` } },
  details: [
    `DIR is the project folder itself and is created exactly as given; it must not exist yet.`,
    `Name it Title${PROJECT_EXT} by convention, e.g. shotline new "Night Diner${PROJECT_EXT}" --title "Night Diner".`,
    'Missing parent folders are created. The project starts with no scenes: add shots with shotline import.',
  ].join('\n'),
  run({ args: [dir], options, io }) {
    const folder = path.resolve(io.cwd, dir!);
    const given = typeof options.title === 'string' ? options.title : path.basename(folder, PROJECT_EXT);
    // The same rule as renaming a project in the app.
    const parsed = documentSchema.shape.title.unwrap().safeParse(given, { reportInput: true });
    if (!parsed.success) throw new UserError(describeIssues(parsed.error.issues, () => '--title'));
    createProjectAt(folder, parsed.data, { createdBy: CREATED_BY });
    io.out(`Created "${parsed.data}" at ${folder}\n`);
  },
};
