import type { ProjectInfo, ProjectSnapshot } from '../../../shared/domain/types';
import { schemaVersion } from '../db/migrate';
import { jobsRepo, type JobsRepo } from '../db/repos/jobsRepo';
import { libraryRepo, type LibraryRepo } from '../db/repos/libraryRepo';
import { musicRepo, type MusicRepo } from '../db/repos/musicRepo';
import { reviewRepo, type ReviewRepo } from '../db/repos/reviewRepo';
import { scriptRepo, type ScriptRepo } from '../db/repos/scriptRepo';
import { takesRepo, type TakesRepo } from '../db/repos/takesRepo';
import { timelineRepo, type TimelineRepo } from '../db/repos/timelineRepo';
import type { Db } from '../db/sqlite';
import { openProjectDb } from './projectFiles';

/**
 * An open project: its db, folder and repositories. Used by the app session and the CLI. The
 * repos are made once here, so their statements are prepared once per connection; all SQL lives
 * in them.
 */
export interface Project {
  db: Db;
  folder: string;
  timeline: TimelineRepo;
  jobs: JobsRepo;
  takes: TakesRepo;
  reviews: ReviewRepo;
  library: LibraryRepo;
  script: ScriptRepo;
  music: MusicRepo;
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
    jobs: jobsRepo(db),
    takes: takesRepo(db),
    reviews: reviewRepo(db),
    script: scriptRepo(db),
    library: libraryRepo(db),
    music: musicRepo(db),
    info,
    snapshot: () => {
      // Read first outside the transaction, where the shot list may be kept (see untilChanged):
      // the snapshot is the first read after most edits, and the queries after it want the list too.
      timeline.shots();
      return db.transaction(() => ({ project: info(), scenes: timeline.scenes(), shots: timeline.shots() }))();
    },
    close() {
      if (db.open) db.close();
    },
  };
}
