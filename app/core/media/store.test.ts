import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProject } from '../project/project';
import { createProjectFolder } from '../project/projectFiles';
import { useTmpDir } from '../testing/tmp.testkit';
import { mediaStore, mediaTempPath } from './store';

const tmp = useTmpDir();

describe('media store', () => {
  it('stores content-addressed and keeps a file imported twice once', async () => {
    const p = openProject(createProjectFolder(tmp(), 'M', { createdBy: 't' }));
    const store = mediaStore(p.db, p.folder);
    const put = async () => {
      const t = mediaTempPath(p.folder, '.png');
      fs.writeFileSync(t, 'same bytes');
      const placed = await store.place(t, '.PNG');
      return p.db.transaction(() => store.record(placed, { kind: 'image', mime: 'image/png', width: 2, height: 1 }))();
    };
    const a = await put();
    const b = await put();
    expect(a).toEqual(b);
    expect(a.relPath).toBe(`media/${a.sha256.slice(0, 2)}/${a.sha256}.png`);
    expect(fs.readFileSync(store.absPath(a.relPath, 'the test file'), 'utf8')).toBe('same bytes');
    expect(fs.readdirSync(path.join(p.folder, 'media', '.tmp'))).toEqual([]);
    expect(p.db.prepare('SELECT count(*) AS n FROM assets').get()).toEqual({ n: 1 });
    p.close();
  });
});
