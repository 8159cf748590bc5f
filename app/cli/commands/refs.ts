import { getModel } from '../../../shared/catalog';
import { refInfo } from '../../../shared/domain/library';
import { validateShot } from '../../../shared/domain/validation';
import { UserError } from '../../core/errors';
import { itemByTag, libraryCtx, setShotRefs, shotByLabel, slotCount } from '../../core/library/ops';
import { shotRefs } from '../../core/library/queries';
import { withProject, type Command } from '../command';

export const refsSetCommand: Command = {
  args: ['DIR', '[TAG...]'],
  options: { shot: { type: 'string', value: 'LABEL', help: 'the shot, by its label (1A)' } },
  details: [
    'Example: shotline refs set film.shotline --shot 1A @mara @diner',
    'A shot has as many slots as its model takes reference images (the catalog: three on Runway Gen-4,',
    'none on most others); more is refused. Prompt @tags with no slot, and slots the prompt never',
    'names, are listed as notes.',
  ].join('\n'),
  run: ({ args: [dir, ...tags], options, io }) =>
    withProject(io, dir!, (project) => {
      if (typeof options.shot !== 'string') throw new UserError('refs set needs --shot LABEL, e.g. --shot 1A.');
      const ctx = libraryCtx(project);
      const shot = shotByLabel(ctx, options.shot);
      project.db.transaction(() =>
        setShotRefs(
          ctx,
          shot.id,
          tags.map((t) => ({ itemId: itemByTag(ctx, t).id })),
        ),
      )();
      const refs = shotRefs(ctx, shot.id);
      const model = getModel(shot.tool)?.name ?? shot.tool;
      const filled = refs.refs.map((r) => (r.tag ? `@${r.tag}` : r.name)).join(', ') || 'no references';
      io.out(`${shot.label}: ${filled} (${refs.refs.length} of ${slotCount(shot)} slots on ${model})\n`);
      const knownTags = ctx.lib.tags();
      for (const issue of validateShot(shot, { ...refInfo(refs), knownTags })) {
        if (issue.field === 'refs' || issue.field === 'prompt') io.out(`note: ${issue.message}\n`);
      }
    }),
};
