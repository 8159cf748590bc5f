import { type JobRow } from '../../core/db/repos/jobsRepo';
import { UserError } from '../../core/errors';
import { jobsCtx, requestCancel } from '../../core/jobs/enqueue';
import type { Project } from '../../core/project/project';
import { withProject, type Command } from '../command';
import { cliEngine } from '../jobs';

/** A job by its id or a unique prefix of it (the 8 characters `shotline jobs` shows). */
function findJob(project: Project, idOrPrefix: string): JobRow {
  const matches = project.jobs.recent(100_000).filter((j) => j.id.startsWith(idOrPrefix.toLowerCase()));
  if (matches.length === 0) throw new UserError(`No job "${idOrPrefix}" in this project. See the ids with: shotline jobs DIR`);
  if (matches.length > 1) throw new UserError(`"${idOrPrefix}" matches ${matches.length} jobs; give more of the id.`);
  return matches[0]!;
}

export const cancelCommand: Command = {
  args: ['DIR', 'JOB'],
  options: {},
  details:
    'A job not yet sent is canceled at once. One under way is canceled at the provider (Runway, Luma); where the API cannot cancel, it is no longer followed or downloaded.',
  run: ({ args: [dir, jobArg], io }) =>
    withProject(io, dir!, async (project) => {
      const job = findJob(project, jobArg!);
      const ctx = jobsCtx(project);
      if (requestCancel(ctx, job.id) === 'canceled') {
        io.out(`Canceled ${job.shot_label} (${job.id.slice(0, 8)}).\n`);
        return;
      }
      // Under way: whoever runs the project's jobs cancels it; when nobody does, we do, now.
      const engine = cliEngine(project, io, 'shotline cancel');
      if (!engine.start({ loop: false }).running) {
        io.out(`Asked ${engine.status().heldBy}, which runs this project's jobs, to cancel it.\n`);
        return;
      }
      try {
        await engine.cancelNow(job.id);
      } finally {
        await engine.stop();
      }
      const events = project.jobs.events(job.id);
      io.out(`${events.at(-1)?.message ?? 'Canceled.'}\n`);
    }),
};
