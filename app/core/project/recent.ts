import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { RecentProject } from '../../../shared/domain/types';

const FILE = 'recent-projects.json';
const MAX = 12;
const schema = z.array(z.object({ title: z.string(), path: z.string(), openedAt: z.string() }));

/** The recent-projects list in the user's app-data folder (never inside a project). */
export function recentList(userDataDir: string) {
  const file = path.join(userDataDir, FILE);

  function read(): RecentProject[] {
    try {
      return schema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
    } catch {
      // Missing or hand-broken: start a fresh list rather than failing to start.
      return [];
    }
  }

  function write(list: RecentProject[]) {
    fs.mkdirSync(userDataDir, { recursive: true });
    const tmp = `${file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(list, null, 2));
    fs.renameSync(tmp, file);
  }

  return {
    /** Entries whose folder still exists, newest first. */
    list: (): RecentProject[] => read().filter((r) => fs.existsSync(r.path)),
    touch(entry: { title: string; path: string }) {
      const rest = read().filter((r) => r.path !== entry.path);
      write([{ ...entry, openedAt: new Date().toISOString() }, ...rest].slice(0, MAX));
    },
  };
}
