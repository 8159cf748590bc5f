import fs from 'node:fs';
import type { EventMap, EventName } from '../../../shared/contract';
import { createHistory } from '../db/history';
import { UserError } from '../errors';
import { openProject, type Project } from '../project/project';
import { createProjectFolder } from '../project/projectFiles';
import { recentList } from '../project/recent';
import type { CoreHost, Handlers, OpenSession } from './types';
import { jobsService } from './jobsHandlers';
import { exportHandlers } from './exportHandlers';
import { scriptHandlers } from './scriptHandlers';
import { libraryHandlers } from './libraryHandlers';
import { takesHandlers } from './takesHandlers';
import { timelineHandlers } from './timelineHandlers';
import { versionsHandlers } from './versionsHandlers';
import { musicHandlers } from './musicHandlers';
import { sfxHandlers } from './sfxHandlers';
import { soundHandlers } from './soundHandlers';
import { voicesHandlers } from './voicesHandlers';
import { envKeySource } from '../keys/keySource';
import { timelineRepo } from '../db/repos/timelineRepo';
import { addScene } from '../timeline/ops';

/** Tables whose edits the user can undo. Jobs, takes and money never are. */
// take_reviews (ratings, rejection, continuity) is undoable; the circled take and fit are shot columns.
export const UNDOABLE_TABLES = [
  'project',
  'scenes',
  'shots',
  'library_items',
  'library_images',
  'shot_refs',
  'shot_keyframes',
  'take_reviews',
  'script_scenes',
  'script_shots',
  'music_beds',
  'line_circles',
  'sfx_cues',
] as const;

export interface SessionDeps extends CoreHost {
  emit: <E extends EventName>(event: E, payload: EventMap[E]) => void;
}

/** One window's state: the open project (at most one) and its undo history. */
export function createSession(deps: SessionDeps) {
  const recent = recentList(deps.userDataDir);
  let current: OpenSession | null = null;
  // One key source for generation and voices, so a key saved in Settings reaches both.
  const keys = deps.keys ?? envKeySource(deps.env ?? process.env);
  const jobs = jobsService({ ...deps, keys });

  function open(): OpenSession {
    if (!current) throw new UserError('No project is open. Create a new project or open one first.');
    return current;
  }

  function close() {
    const closing = current;
    current = null;
    // The job engine drains first (a create in flight must be recorded), then the db closes.
    if (closing) void jobs.detach().finally(() => closing.project.close());
  }

  function activate(folder: string) {
    const project = openProject(folder);
    close();
    current = { project, history: createHistory(project.db, UNDOABLE_TABLES) };
    jobs.attach(project);
    const info = project.info();
    recent.touch({ title: info.title, path: info.path });
    deps.emit('project.opened', { project: info });
    deps.emit('history.changed', current.history.state());
    return info;
  }

  /** Runs an edit as one undoable step and tells the renderer which tables it changed. */
  function edit<T>(label: string, fn: (s: OpenSession) => T): T {
    const s = open();
    const result = s.history.step(label, () => fn(s));
    deps.emit('project.changed', { tables: [...s.history.tables] });
    deps.emit('history.changed', s.history.state());
    return result;
  }

  function replay(which: 'undo' | 'redo') {
    const s = open();
    const state = s.history[which]();
    deps.emit('project.changed', { tables: [...s.history.tables] });
    deps.emit('history.changed', state);
    return state;
  }

  const handlers: Handlers = {
    'app.info': () => ({
      version: deps.version,
      host: deps.kind,
      canPickFolders: !!deps.pickFolder,
      defaultProjectsDir: deps.defaultProjectsDir,
      mediaBase: deps.mediaBase ?? '',
    }),
    'app.pickFolder': async () => (deps.pickFolder ? deps.pickFolder() : null),
    'app.showInFolder': async ({ path }) => {
      if (!fs.existsSync(path)) throw new UserError(`"${path}" is no longer there: it was moved or deleted. Export or render it again.`);
      if (!deps.showInFolder) throw new UserError(`This window cannot open a file manager. The file is at ${path}`);
      await deps.showInFolder(path);
      return null;
    },
    'project.create': ({ parentDir, title }) =>
      activate(createProjectFolder(parentDir, title, { createdBy: `Shotline ${deps.version}`, setup: seedFirstScene })),
    'project.open': ({ path }) => activate(path),
    'project.close': () => {
      close();
      deps.emit('project.opened', { project: null });
      return null;
    },
    'project.current': () => current?.project.info() ?? null,
    'project.recent': () => recent.list(),
    'project.snapshot': () => open().project.snapshot(),
    'project.update': (patch) => {
      const info = edit('Edit project', ({ project }) => {
        const now = project.timeline.project();
        project.timeline.updateProject({ ...now, ...patch });
        return project.info();
      });
      if (patch.title) recent.touch({ title: info.title, path: info.path });
      return info;
    },
    'history.state': () => open().history.state(),
    'history.undo': () => replay('undo'),
    'history.redo': () => replay('redo'),
    ...timelineHandlers(edit),
    ...libraryHandlers(edit, { current: open, emit: deps.emit }),
    ...takesHandlers(edit, { current: open, emit: deps.emit }),
    ...exportHandlers(edit, { current: open, emit: deps.emit }),
    ...scriptHandlers(edit, { current: open }),
    ...versionsHandlers(edit, { current: open, undoable: UNDOABLE_TABLES }),
    ...musicHandlers(edit, { current: open }),
    ...sfxHandlers(edit, { current: open, queue: jobs.queue }),
    ...soundHandlers(edit, { current: open, queue: jobs.queue }),
    ...voicesHandlers({ ...deps, keys }),
    ...jobs.handlers,
  };

  return {
    handlers,
    close,
    /** Resolves when the job engine has stopped; hosts await it before quitting (drain on quit). */
    drain: () => jobs.detach(),
    /** The open project, for hosts that need it (media protocol, tests). */
    get current() {
      return current;
    },
  };
}

export type Session = ReturnType<typeof createSession>;

/** A new project starts with one empty scene so "Add shot" works at once. */
function seedFirstScene(db: Project['db']) {
  addScene(timelineRepo(db));
}
