import { withProject, type Command } from '../command';
import { cliEngine, jobLines, runUntilIdle, stateCounts } from '../jobs';

export const resumeCommand: Command = {
  args: ['DIR'],
  options: {},
  details: [
    'Jobs carry on from where they were: a task already sent is followed by its id and never sent',
    'again. A job whose create may or may not have reached the provider waits for you (see shotline',
    'jobs); decide in the app. Refused while the Shotline app or another shotline runs the project.',
  ].join('\n'),
  run: ({ args: [dir], io }) =>
    withProject(io, dir!, async (project) => {
      const before = project.jobs.activeCount();
      await runUntilIdle(cliEngine(project, io, 'shotline resume'), io);
      const recent = jobLines(project, project.jobs.recent(100_000));
      const attention = recent.filter((l) => l.state === 'needs_attention');
      io.out(before === 0 ? 'No jobs were waiting.\n' : `Done: ${stateCounts(recent)}.\n`);
      for (const l of attention) io.out(`  ${l.shot} (${l.id.slice(0, 8)}) needs you: ${l.error}\n`);
    }),
};
