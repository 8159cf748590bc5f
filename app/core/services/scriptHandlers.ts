// The script channels: a dropped or picked screenplay or shot list, previewed (nothing written)
// and then imported as one undo step. The file is read again on import rather than trusted
// from the renderer, so what is written is what the core itself parsed.
import type { Handlers, Edit, OpenSession } from './types';
import type { ChannelInput } from '../../../shared/contract';
import { UserError } from '../errors';
import { applyScript } from '../script/apply';
import { readImport, readImportFile, type ReadImport } from '../script/read';
import { breakdownOf, previewOf } from '../script/preview';
import { applyImport } from '../shotList/plan';
import { saveVersion } from '../project/versions';

type ScriptChannels = 'script.preview' | 'script.import';

function read(source: ChannelInput<'script.preview'>['source']): ReadImport {
  if ('path' in source) return readImportFile(source.path);
  const bytes = Buffer.from(source.bytes, 'base64');
  if (bytes.length === 0 && source.bytes.length > 0) throw new UserError(`"${source.name}" could not be read.`);
  return readImport(source.name, bytes);
}

export function scriptHandlers(edit: Edit, deps: { current: () => OpenSession }): Pick<Handlers, ScriptChannels> {
  return {
    'script.preview': ({ source, granularity, tool }) => {
      const { project } = deps.current();
      return previewOf(read(source), { granularity, tool }, project.info().aspectRatio, project);
    },
    'script.import': async ({ source, granularity, tool, characters }) => {
      const file = read(source);
      const choices = { granularity, tool };
      // An import rewrites much of the plan; the version outlives the undo history.
      await saveVersion(deps.current().project, `Before importing ${source.name}`, { auto: true });
      if (file.kind === 'shotList') {
        return edit(`Import ${source.name}`, ({ project }) => {
          const shots = applyImport(project, file.plan);
          return { scenes: file.plan.scenes.length, shots: shots.length, created: [], matched: [] };
        });
      }
      const plan = breakdownOf(file, choices)!;
      return edit(`Import ${source.name}`, ({ project }) => {
        const applied = applyScript(project, plan, { tool, characters });
        return {
          scenes: applied.scenes,
          shots: applied.shots.length,
          created: applied.created.map((c) => c.tag),
          matched: applied.matched.map((c) => c.tag),
        };
      });
    },
  };
}
