// The export channels: the Resolve folder with progress and cancel, the shot list and the
// storyboard PDF on their own, and the cut back from Resolve as a diff, then applied as one
// undoable step.
import path from 'node:path';
import type { EventMap, EventName } from '../../../shared/contract';
import type { CutDiff } from '../../../shared/domain/cut';
import { TIMELINE_FPS } from '../../../shared/domain/timecode';
import { UserError } from '../errors';
import { applyImportedCut, previewImportedCut } from '../roundtrip/applyCut';
import { exportProjectToResolve } from '../export/exportProject';
import { timelineSize } from '../export/prepare';
import { writeShotList } from '../export/shotList';
import { writeProjectStoryboard } from '../export/storyboard';
import { resolveFolderPath } from '../export/planCut';
import { saveVersion } from '../project/versions';
import type { Edit, Handlers, OpenSession } from './types';

type ExportChannels = Extract<keyof Handlers, `export.${string}` | `cut.import${string}`>;

export interface ExportDeps {
  current: () => OpenSession;
  emit: <E extends EventName>(event: E, payload: EventMap[E]) => void;
}

/** Progress events at most this often (a step change always goes out at once). */
const PROGRESS_MS = 100;

export function exportHandlers(edit: Edit, deps: ExportDeps): Pick<Handlers, ExportChannels> {
  const project = () => deps.current().project;
  const running = new Map<string, AbortController>();

  return {
    'export.info': () => {
      const p = project();
      const info = p.info();
      return {
        ...timelineSize(info.aspectRatio),
        fps: TIMELINE_FPS,
        // Beside the project folder, not inside it: the export copies every take.
        defaultOutDir: path.dirname(p.folder),
        folderName: path.basename(resolveFolderPath(p.folder, info.title)),
      };
    },
    'export.resolve': async ({ exportId, outDir, format, fit, alternates, replace }) => {
      if (running.has(exportId)) throw new UserError('This export is already running.');
      const abort = new AbortController();
      running.set(exportId, abort);
      let lastStep = '';
      let lastAt = 0;
      try {
        return await exportProjectToResolve(project(), {
          outDir,
          format,
          fit,
          alternates,
          replace,
          signal: abort.signal,
          onProgress: ({ step, detail, fraction }) => {
            const now = Date.now();
            if (step === lastStep && now - lastAt < PROGRESS_MS && fraction < 1) return;
            lastStep = step;
            lastAt = now;
            deps.emit('export.progress', { exportId, step, detail, fraction });
          },
        });
      } catch (err) {
        if (abort.signal.aborted) throw new UserError('The export was canceled; nothing was written.');
        throw err;
      } finally {
        running.delete(exportId);
      }
    },
    'export.cancel': ({ exportId }) => {
      running.get(exportId)?.abort();
      return null;
    },
    'export.shotList': ({ path: target }) => writeShotList(project(), target),
    'export.storyboard': ({ path: target, perPage, paper }) => writeProjectStoryboard(project(), target, { perPage, paper }),
    'cut.importPreview': ({ path: file }) => previewImportedCut(project(), file),
    'cut.importApply': async (input) => {
      // Read (and compared) before the step, so the undoable step holds only the writes.
      const diff: CutDiff = 'path' in input ? previewImportedCut(project(), input.path).diff : input.diff;
      const from = 'path' in input ? path.basename(input.path) : 'the cut from Resolve';
      await saveVersion(project(), `Before applying ${from}`, { auto: true });
      return edit('Apply cut from Resolve', (s) => applyImportedCut(s.project, diff));
    },
  };
}
