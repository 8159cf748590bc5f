import { withProject, type Command } from '../command';
import { table } from '../format';
import { costText, jobLines } from '../jobs';
import { jsonText } from '../terminal';

export const jobsCommand: Command = {
  args: ['DIR'],
  options: { json: { type: 'boolean', help: 'print JSON instead of a table' } },
  details: [
    'JSON: {"jobs": [{"id", "shot", "tool", "state", "remoteId", "output", "error", "costUsd"}]}.',
    "output is the absolute path of the take's video once the job is ready; error says why a job",
    'failed or what it needs from you; costUsd is what it cost (null until known).',
  ].join('\n'),
  run: ({ args: [dir], options, io }) =>
    withProject(io, dir!, (project) => {
      const lines = jobLines(project, project.jobs.recent(100_000));
      if (options.json) {
        io.out(jsonText({ jobs: lines }));
        return;
      }
      if (lines.length === 0) {
        io.out(`No jobs yet. Make some with: shotline generate "${dir}" --all --tool local:animatic --wait\n`);
        return;
      }
      io.out(
        table(
          [{ title: 'Job' }, { title: 'Shot' }, { title: 'Tool' }, { title: 'State' }, { title: 'Cost', align: 'right' }, { title: 'Take or reason', max: 90 }],
          lines.map((l) => [l.id.slice(0, 8), l.shot, l.tool, l.state, costText(l.costUsd), l.output ?? l.error ?? '']),
        ),
      );
    }),
};
