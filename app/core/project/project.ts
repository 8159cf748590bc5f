import type { ProjectInfo, ProjectSnapshot } from '../../../shared/domain/types';
import { schemaVersion } from '../db/migrate';
import { timelineRepo, type TimelineRepo } from '../db/repos/timelineRepo';
import type { Db } from '../db/sqlite';
import { openProjectDb } from './projectFiles';

/** An open project: its db, folder and repositories. Used by the app session and the CLI. */
export interface Project {
  db: Db;
  folder: string;
  timeline: TimelineRepo;
  info(): ProjectInfo;
  snapshot(): ProjectSnapshot;
  close(): void;
}

export function openProject(folder: string): Project {
  const opened = openProjectDb(folder);
  const db = opened.db;
  const timeline = timelineRepo(db);
  const info = (): ProjectInfo => ({ ...timeline.project(), path: opened.folder, schemaVersion: schemaVersion(db) });
  return {
    db,
    folder: opened.folder,
    timeline,
    info,
    snapshot: () => db.transaction(() => ({ project: info(), scenes: timeline.scenes(), shots: timeline.shots() }))(),
    close() {
      if (db.open) db.close();
    },
  };
}
