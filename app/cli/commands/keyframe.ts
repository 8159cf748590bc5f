import fs from 'node:fs';
import path from 'node:path';
import type { KeyframeWhich } from '../../../shared/domain/library';
import { UserError } from '../../core/errors';
import { itemByTag, libraryCtx, setKeyframe, shotByLabel } from '../../core/library/ops';
import { shotRefs } from '../../core/library/queries';
import { extractTakeFrame, parseTakeSpec, takeFrameSource, takeLookup } from '../../core/library/takeFrame';
import type { Project } from '../../core/project/project';
import { listTakes } from '../../core/takes/queries';
import { commitSelection, prepareSelection } from '../../core/takes/select';
import { withProject, type Command, type Io } from '../command';
import { cliImport, reportImport } from './library';

/** Sets one keyframe from FILE, @tag, shot:LABEL:last|first, the circled storyboard frame, or clears it with "none". */
async function apply(io: Io, project: Project, shotId: string, which: KeyframeWhich, spec: string) {
  const ctx = libraryCtx(project);
  if (spec === 'none') return project.db.transaction(() => setKeyframe(ctx, shotId, which, null))();
  if (spec === 'frame') return circledFrameAsKeyframe(project, shotId, which);
  if (spec.startsWith('@')) {
    const item = itemByTag(ctx, spec);
    return project.db.transaction(() => setKeyframe(ctx, shotId, which, { itemId: item.id }))();
  }
  const take = parseTakeSpec(spec);
  if (take) {
    const from = shotByLabel(ctx, take.label);
    const frame = await extractTakeFrame(project.folder, from, take.frame, takeLookup(project));
    try {
      const target = { to: 'keyframe' as const, shotId, which, source: takeFrameSource(from.label, take.frame) };
      const summary = await cliImport(project, [{ name: `${from.label}-${take.frame}-frame.png`, path: frame }], target);
      // The keyframe follows shot `from`'s circled take from now on (frame chaining).
      if (summary.added.length > 0) project.reviews.linkKeyframe(shotId, which, { shotId: from.id, frame: take.frame });
      reportImport(io, summary, `the ${which} keyframe`);
    } finally {
      fs.rmSync(frame, { force: true });
    }
    return;
  }
  const file = path.resolve(io.cwd, spec);
  if (!fs.existsSync(file)) throw new UserError(`--${which} ${spec}: no such file. Give an image file, @tag, shot:LABEL:last or none.`);
  reportImport(io, await cliImport(project, [{ name: path.basename(file), path: file }], { to: 'keyframe', shotId, which }), `the ${which} keyframe`);
}

/** The shot's circled storyboard frame as its start keyframe (circling it again sets it again). */
async function circledFrameAsKeyframe(project: Project, shotId: string, which: KeyframeWhich) {
  const label = project.timeline.shot(shotId)?.label ?? '';
  if (which !== 'start') throw new UserError('A storyboard frame becomes the start keyframe: use --start frame.');
  const frame = listTakes(project, shotId, false, 'frame').find((t) => t.selected);
  if (!frame)
    throw new UserError(
      `${label} has no circled frame. Make frames with: shotline frames DIR --shot ${label}, then shotline select DIR --shot ${label} --take N`,
    );
  const prepared = await prepareSelection(project, shotId, frame.id);
  project.db.transaction(() => commitSelection(project, prepared))();
}

export const keyframeCommand: Command = {
  args: ['DIR'],
  options: {
    shot: { type: 'string', value: 'LABEL', help: 'the shot, by its label (1A)' },
    start: { type: 'string', value: 'SRC', help: 'FILE, @tag, shot:1B:last (or :first), frame (the circled storyboard frame), or none to clear' },
    end: { type: 'string', value: 'SRC', help: 'the same forms, for the end keyframe' },
  },
  details: [
    'shot:1B:last takes the last frame of shot 1B’s selected take (else its newest): the continuity',
    'move for a shot that starts where the previous one ended. A file is checked like any import.',
  ].join('\n'),
  run: ({ args: [dir], options, io }) =>
    withProject(io, dir!, async (project) => {
      if (typeof options.shot !== 'string') throw new UserError('keyframe needs --shot LABEL, e.g. --shot 1A.');
      const specs = (['start', 'end'] as const).filter((w) => typeof options[w] === 'string');
      if (specs.length === 0) throw new UserError('keyframe needs --start SRC and/or --end SRC (FILE, @tag, shot:1B:last or none).');
      const ctx = libraryCtx(project);
      const shot = shotByLabel(ctx, options.shot);
      for (const which of specs) await apply(io, project, shot.id, which, options[which] as string);
      const now = shotRefs(ctx, shot.id);
      for (const which of specs) {
        const kf = now[which];
        io.out(`${shot.label} ${which}: ${kf ? `${kf.source} (${kf.width}×${kf.height})` : 'none'}\n`);
      }
    }),
};
