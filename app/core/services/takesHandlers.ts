// The take review and cut channels. Choices about takes (circle, rate, reject, fit)
// are undoable edits; deleting a take is not, and says so; slow work (frames, QC, the animatic)
// happens before or outside the edit.
import path from 'node:path';
import type { EventMap, EventName } from '../../../shared/contract';
import { exportTitleStem } from '../../../shared/domain/cut';
import { reviewRepo } from '../db/repos/reviewRepo';
import { renderAnimatic } from '../cut/animatic';
import { UserError } from '../errors';
import { animaticInputs } from '../cut/projectAnimatic';
import type { Project } from '../project/project';
import { makeFinal, quoteFinal } from '../takes/final';
import { grabFrame } from '../takes/grab';
import { checkTake } from '../takes/qcTake';
import { listTakes, playbackCut, takeName, takeOrThrow, takeStrips, usableCostReport } from '../takes/queries';
import { deleteTake, rateTake, rejectTake, setFit } from '../takes/review';
import { commitSelection, prepareSelection } from '../takes/select';
import type { Edit, Handlers, OpenSession } from './types';

// The cut's round trip with Resolve (cut.import*) is the export's (exportHandlers.ts).
type TakesChannels = Exclude<Extract<keyof Handlers, `takes.${string}` | `cut.${string}`>, `cut.import${string}`>;

/** Tables the take channels change, for `project.changed`. */
export const TAKES_TABLES = ['takes', 'take_reviews', 'take_qc'];

export interface TakesDeps {
  current: () => OpenSession;
  emit: <E extends EventName>(event: E, payload: EventMap[E]) => void;
}

/** Where "Render animatic" writes when the UI names no file: inside the project, beside media/. */
export function defaultAnimaticPath(project: Project): string {
  return path.join(project.folder, 'Renders', `${exportTitleStem(project.info().title)}_animatic.mp4`);
}

export function takesHandlers(edit: Edit, deps: TakesDeps): Pick<Handlers, TakesChannels> {
  const project = () => deps.current().project;
  const renders = new Map<string, AbortController>();

  /** An edit that must land in the project the slow part started in. */
  const editIn =
    (p: Project) =>
    <T>(label: string, fn: () => T) =>
      edit(label, (s) => {
        if (s.project !== p) throw new UserError('Another project was opened meanwhile, so nothing was changed. Try again.');
        return fn();
      });

  const nameOf = (takeId: string) => takeName(project(), takeOrThrow(project(), takeId));

  return {
    'takes.list': ({ shotId, includeRejected, kind }) => listTakes(project(), shotId, includeRejected, kind),
    'takes.strips': () => takeStrips(project()),
    'takes.select': async ({ shotId, takeId }) => {
      const p = project();
      const prepared = await prepareSelection(p, shotId, takeId);
      const label = takeId ? `Circle ${nameOf(takeId)}` : `Uncircle the take of ${p.timeline.shot(shotId)?.label ?? 'the shot'}`;
      const chained = editIn(p)(label, () => commitSelection(p, prepared));
      return { selectedTakeId: takeId, chained };
    },
    'takes.rate': ({ takeId, ...patch }) => edit(`Rate ${nameOf(takeId)}`, ({ project: p }) => rateTake(p, takeId, patch)),
    'takes.reject': ({ takeId, rejected }) =>
      edit(`${rejected ? 'Reject' : 'Restore'} ${nameOf(takeId)}`, ({ project: p }) => {
        rejectTake(p, takeId, rejected);
        return null;
      }),
    'takes.delete': ({ takeId, force }) => {
      const take = takeOrThrow(project(), takeId);
      const { fileRemoved } = deleteTake(project(), takeId, force);
      deps.emit('project.changed', { tables: [...TAKES_TABLES, 'shots', 'assets'] });
      deps.emit('jobs.changed', { jobIds: [take.jobId], shotIds: [take.shotId], takes: true });
      return { fileRemoved };
    },
    'takes.finalQuote': ({ takeId, tool, resolution }) => quoteFinal(project(), takeId, tool ? { tool, resolution } : undefined),
    'takes.makeFinal': ({ takeId, tool, resolution }) => {
      const result = makeFinal(project(), takeId, tool ? { tool, resolution } : undefined);
      // The running engine notices a new queued job on its next rescan (about a second).
      deps.emit('jobs.changed', { jobIds: [result.jobId], shotIds: [takeOrThrow(project(), takeId).shotId], takes: false });
      return result;
    },
    'takes.grabFrame': ({ takeId, atS, target }) => {
      const p = project();
      const commit = <T>(label: string, fn: () => T) => editIn(p)(label, fn);
      return grabFrame(p, takeId, atS, target, commit);
    },
    'takes.qc': async ({ takeId }) => {
      const results = await checkTake(project(), takeId);
      deps.emit('project.changed', { tables: ['take_qc'] });
      return results;
    },
    'cut.playback': () => playbackCut(project()),
    'cut.setFit': ({ shotId, mode, trimInS }) => {
      const label = `${mode === 'retime-plan' ? 'Fit plan to take' : mode === 'hold' ? 'Hold last frame' : mode === 'trim' ? 'Trim take' : 'Clear fit'} of ${project().timeline.shot(shotId)?.label ?? 'shot'}`;
      return edit(label, ({ project: p }) => setFit(p, shotId, mode, trimInS));
    },
    'cut.fits': () => Object.fromEntries(reviewRepo(project().db).fits()),
    'cut.usableCost': () => usableCostReport(project()),
    'cut.renderAnimatic': async ({ renderId, path: out, burnIn }) => {
      const p = project();
      if (renders.has(renderId)) throw new UserError('That render is already running.');
      if (out && (!path.isAbsolute(out) || path.extname(out).toLowerCase() !== '.mp4'))
        throw new UserError('Name an absolute path ending in .mp4 for the animatic.');
      const abort = new AbortController();
      renders.set(renderId, abort);
      let last = 0;
      try {
        return await renderAnimatic({
          ...animaticInputs(p),
          out: out ?? defaultAnimaticPath(p),
          burnIn,
          signal: abort.signal,
          onProgress: (fraction, stage) => {
            // A few updates a second are plenty for a progress bar.
            const now = Date.now();
            if (fraction < 1 && now - last < 200) return;
            last = now;
            deps.emit('cut.animaticProgress', { renderId, fraction, stage });
          },
        });
      } catch (err) {
        if ((err as Error).name === 'AbortError') throw new UserError('The animatic was canceled; nothing was written.');
        throw err;
      } finally {
        renders.delete(renderId);
      }
    },
    'cut.cancelAnimatic': ({ renderId }) => {
      renders.get(renderId)?.abort();
      return null;
    },
  };
}
