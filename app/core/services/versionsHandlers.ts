// The versions channels: save, list, restore (in place as one undoable edit, or as a new project
// beside this one) and delete named copies of the open project.
import { deleteVersion, listVersions, restoreAsNewProject, restoreInPlace, saveVersion } from '../project/versions';
import type { Edit, Handlers, OpenSession } from './types';

type VersionsChannels = Extract<keyof Handlers, `versions.${string}`>;

export interface VersionsDeps {
  current: () => OpenSession;
  /** The tables an undo can bring back: those a restore in place replaces. */
  undoable: readonly string[];
}

export function versionsHandlers(edit: Edit, deps: VersionsDeps): Pick<Handlers, VersionsChannels> {
  const project = () => deps.current().project;
  return {
    'versions.list': () => listVersions(project()),
    'versions.save': ({ name }) => saveVersion(project(), name),
    'versions.restore': ({ id, mode }) =>
      mode === 'newProject' ? restoreAsNewProject(project(), id) : restoreInPlace(project(), id, { tables: deps.undoable, step: edit }),
    'versions.delete': ({ id }) => {
      deleteVersion(project(), id);
      return null;
    },
  };
}
