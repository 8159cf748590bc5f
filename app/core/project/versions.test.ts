import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../db/migrations';
import { timelineRepo } from '../db/repos/timelineRepo';
import { openSqlite } from '../db/sqlite';
import { fixtureClip, testJob } from '../jobs/jobs.testkit';
import { insertTake } from '../takes/takes.testkit';
import { testCore } from '../testing/core.testkit';
import { useTmpDir } from '../testing/tmp.testkit';
import { addScene, addShot } from '../timeline/ops';
import { UNDOABLE_TABLES } from '../services/session';
import { openProject, type Project } from './project';
import { createProjectFolder } from './projectFiles';
import { listVersions, MAX_AUTO_VERSIONS, restoreAsNewProject, restoreInPlace, saveVersion, VERSIONS_DIR } from './versions';

const tmp = useTmpDir();
let t: ReturnType<typeof testCore> | undefined;
const opened: Project[] = [];
afterEach(() => {
  t?.close();
  t = undefined;
  for (const p of opened.splice(0)) p.close();
});

/** A project open in an app session (undo history, handlers), with one scene. */
async function inApp() {
  const dir = tmp();
  const core = testCore(dir);
  t = core;
  await core.call('project.create', { parentDir: path.join(dir, 'projects'), title: 'Night' });
  const scene = (await core.call('project.snapshot', {})).scenes[0]!.id;
  return { call: core.call, project: core.core.session.current!.project, scene };
}

/** A project open without a session (as the CLI has it): one scene, one shot. */
function bare(title = 'Night'): Project {
  const folder = createProjectFolder(tmp(), title, { createdBy: 'test', setup: (db) => addScene(timelineRepo(db)) });
  const project = openProject(folder);
  opened.push(project);
  addShot(project.timeline, project.timeline.scenes()[0]!.id, { action: 'Mara waits' });
  return project;
}

const actions = (p: Project) => p.timeline.shots().map((s) => s.action);
const files = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
const versionFile = (p: Project, id: string) => files(path.join(p.folder, VERSIONS_DIR)).find((f) => f.endsWith(`-${id}.db`))!;

/** Changes a saved version's file as another program would. */
function editVersionFile(file: string, fn: (db: ReturnType<typeof openSqlite>) => void) {
  const db = openSqlite(file, { fileMustExist: true });
  fn(db);
  db.pragma('journal_mode = DELETE');
  db.close();
}

describe('saving and listing versions', () => {
  it('copies project.db into versions/ as one self-contained file, listed newest first with its counts and size', async () => {
    const project = bare();
    const first = await saveVersion(project, '  First cut ');
    addShot(project.timeline, project.timeline.scenes()[0]!.id, { action: 'Dee leaves' });
    const second = await saveVersion(project, 'Second cut');

    expect(first).toMatchObject({ name: 'First cut', auto: false, shots: 1, scenes: 1 });
    expect(listVersions(project)).toEqual([second, first]);
    expect(second).toMatchObject({ shots: 2, scenes: 1, id: expect.stringMatching(/^[0-9a-f]{8}$/) });
    expect(Date.parse(second.createdAt)).toBeGreaterThan(Date.parse(first.createdAt));

    // A db and its entry per version, nothing else (no -wal, no scratch files left).
    const names = fs.readdirSync(path.join(project.folder, VERSIONS_DIR)).sort();
    expect(names).toHaveLength(4);
    expect(names.every((n) => /^\d{8}-\d{6}-[0-9a-f]{8}\.(db|json)$/.test(n))).toBe(true);
    const file = versionFile(project, first.id);
    expect(first.bytes).toBe(fs.statSync(file).size);
    const copy = openSqlite(file, { readonly: true, fileMustExist: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(
      timelineRepo(copy)
        .shots()
        .map((s) => s.action),
    ).toEqual(['Mara waits']);
    copy.close();
  });

  it('refuses an empty name', async () => {
    await expect(saveVersion(bare(), '   ')).rejects.toThrow(/Give the version a name/);
  });

  it(`keeps the newest ${MAX_AUTO_VERSIONS} automatic versions, and every named one`, async () => {
    const project = bare();
    await saveVersion(project, 'Keep me');
    for (let i = 0; i < MAX_AUTO_VERSIONS + 2; i++) await saveVersion(project, `auto ${i}`, { auto: true });
    const names = listVersions(project).map((v) => v.name);
    expect(names).toHaveLength(MAX_AUTO_VERSIONS + 1);
    expect(names[0]).toBe(`auto ${MAX_AUTO_VERSIONS + 1}`);
    expect(names).not.toContain('auto 0');
    expect(names).not.toContain('auto 1');
    expect(names).toContain('auto 2');
    expect(names.at(-1)).toBe('Keep me');
    expect(fs.readdirSync(path.join(project.folder, VERSIONS_DIR))).toHaveLength(2 * (MAX_AUTO_VERSIONS + 1));
  });
});

describe('restoring in place', () => {
  it('brings the plan, library and reviews back as one undo step; takes and jobs stay; undo brings the present back', async () => {
    const { call, project, scene } = await inApp();
    const clip = await fixtureClip();
    const a = await call('shot.update', { id: (await call('shot.add', { sceneId: scene })).id, patch: { action: 'Mara waits' } });
    const b = await call('shot.add', { sceneId: scene });
    const takeA = await insertTake(project, a, clip);
    await call('takes.select', { shotId: a.id, takeId: takeA });
    await call('takes.rate', { takeId: takeA, fidelity: 4 });
    await call('library.createItem', { kind: 'character', name: 'Mara' });
    const saved = await call('versions.save', { name: 'First cut' });
    const past = { plan: await call('project.snapshot', {}), library: await call('library.list', {}) };

    // The present: edits, and a take made after the version, with its review.
    await call('shot.update', { id: a.id, patch: { action: 'Mara leaves' } });
    await call('shot.delete', { ids: [b.id] });
    const c = await call('shot.add', { sceneId: scene });
    const takeC = await insertTake(project, c, clip);
    await call('takes.rate', { takeId: takeC, fidelity: 2 });
    await call('takes.rate', { takeId: takeA, fidelity: 1 });
    await call('library.createItem', { kind: 'prop', name: 'Cup' });
    await call('project.update', { title: 'Night, recut' });
    const present = { plan: await call('project.snapshot', {}), library: await call('library.list', {}) };
    const jobs = project.jobs.recent().map((j) => [j.id, j.state]);

    const result = await call('versions.restore', { id: saved.id, mode: 'inPlace' });
    expect(result).toMatchObject({ mode: 'inPlace', restored: { id: saved.id }, backup: { name: 'Before restoring “First cut”', auto: true, shots: 2 } });
    expect(await call('project.snapshot', {})).toEqual(past.plan);
    expect(await call('library.list', {})).toEqual(past.library);
    expect(project.takes.all().map((take) => take.id)).toEqual(expect.arrayContaining([takeA, takeC]));
    expect(project.jobs.recent().map((j) => [j.id, j.state])).toEqual(jobs);
    expect(project.reviews.review(takeA).rating.fidelity).toBe(4);
    expect(project.reviews.review(takeC).rating.fidelity).toBe(2);
    expect((await call('history.state', {})).undoLabel).toBe('Restore version “First cut”');

    await call('history.undo', {});
    expect(await call('project.snapshot', {})).toEqual(present.plan);
    expect(await call('library.list', {})).toEqual(present.library);
    expect(project.reviews.review(takeA).rating.fidelity).toBe(1);
    await call('history.redo', {});
    expect(await call('project.snapshot', {})).toEqual(past.plan);
  });

  it('uncircles a shot whose circled take was deleted since the version', async () => {
    const { call, project, scene } = await inApp();
    const shot = await call('shot.add', { sceneId: scene });
    const take = await insertTake(project, shot, await fixtureClip());
    await call('takes.select', { shotId: shot.id, takeId: take });
    const saved = await call('versions.save', { name: 'Circled' });
    await call('takes.delete', { takeId: take, confirm: true, force: true });

    await call('versions.restore', { id: saved.id, mode: 'inPlace' });
    expect(project.db.prepare('SELECT id, selected_take_id FROM shots').raw().all()).toEqual([[shot.id, null]]);
    expect((await call('cut.playback', {})).clips).toHaveLength(1);
  });

  it('saves an automatic version before a script import and before applying a cut from Resolve', async () => {
    const { call, scene } = await inApp();
    await call('shot.add', { sceneId: scene });
    const bytes = Buffer.from('INT. DINER - NIGHT\n\nMara waits by the window.\n').toString('base64');
    await call('script.import', { source: { name: 'draft.fountain', bytes }, granularity: 'paragraph', tool: 'local:animatic', characters: [] });
    const shots = (await call('project.snapshot', {})).shots;
    const diff = { order: shots.map((s) => s.id), reordered: [], durations: [], removed: [], unknown: [], takeChanged: [], repeated: [] };
    await call('cut.importApply', { diff });

    const [cut, script] = await call('versions.list', {});
    expect(script).toMatchObject({ name: 'Before importing draft.fountain', auto: true, shots: 1 });
    expect(cut).toMatchObject({ name: 'Before applying the cut from Resolve', auto: true, shots: shots.length });
  });
});

describe('refused versions change nothing', () => {
  async function attempt(project: Project, id: string) {
    const before = {
      plan: project.snapshot(),
      versions: listVersions(project),
      files: files(project.folder),
      around: fs.readdirSync(path.dirname(project.folder)),
    };
    await expect(restoreInPlace(project, id, { tables: UNDOABLE_TABLES })).rejects.toThrow(/Nothing was changed\.$/);
    expect(() => restoreAsNewProject(project, id)).toThrow(/Nothing was changed\.$/);
    expect({
      plan: project.snapshot(),
      versions: listVersions(project),
      files: files(project.folder),
      around: fs.readdirSync(path.dirname(project.folder)),
    }).toEqual(before);
  }

  it('refuses a version saved by a newer Shotline', async () => {
    const project = bare();
    const saved = await saveVersion(project, 'From the future');
    editVersionFile(versionFile(project, saved.id), (db) => db.pragma(`user_version = ${SCHEMA_VERSION + 1}`));
    addShot(project.timeline, project.timeline.scenes()[0]!.id, { action: 'Dee leaves' });
    await expect(restoreInPlace(project, saved.id, { tables: UNDOABLE_TABLES })).rejects.toThrow(
      `Version "From the future" was saved by a newer version of Shotline (schema ${SCHEMA_VERSION + 1}; this one knows up to ${SCHEMA_VERSION}). Update Shotline to restore it.`,
    );
    await attempt(project, saved.id);
  });

  it('refuses a damaged version file, and a missing one', async () => {
    const project = bare();
    const damaged = await saveVersion(project, 'Damaged');
    const file = versionFile(project, damaged.id);
    fs.writeFileSync(file, Buffer.alloc(fs.statSync(file).size, 0x5a));
    await expect(restoreInPlace(project, damaged.id, { tables: UNDOABLE_TABLES })).rejects.toThrow(/^Version "Damaged" cannot be read: its file is damaged \(/);
    await attempt(project, damaged.id);

    const missing = await saveVersion(project, 'Missing');
    fs.rmSync(versionFile(project, missing.id));
    await expect(restoreInPlace(project, missing.id, { tables: UNDOABLE_TABLES })).rejects.toThrow(/^The file of version "Missing" is missing/);
    await attempt(project, missing.id);
    expect(actions(project)).toEqual(['Mara waits']);
  });

  it('refuses an id the project does not have', async () => {
    await expect(restoreInPlace(bare(), '0123abcd', { tables: UNDOABLE_TABLES })).rejects.toThrow(/This project has no version "0123abcd"/);
  });
});

describe('restoring as a new project', () => {
  it('makes "Title (version)" beside the project, which opens normally, shares media by hard links and carries no job over', async () => {
    const project = bare();
    const shot = project.timeline.shots()[0]!;
    const take = await insertTake(project, shot, await fixtureClip());
    const queued = randomUUID();
    project.jobs.insert(testJob(shot, { id: queued, cost_estimate_usd: 0.5 }), 'queued in the test');
    const saved = await saveVersion(project, 'First cut');
    addShot(project.timeline, shot.sceneId, { action: 'Dee leaves' });

    const made = restoreAsNewProject(project, saved.id);
    expect(made).toMatchObject({ mode: 'newProject', title: 'Night (First cut)', path: path.join(path.dirname(project.folder), 'Night (First cut).shotline') });
    const copy = openProject(made.path);
    opened.push(copy);
    expect(copy.info().title).toBe('Night (First cut)');
    expect(actions(copy)).toEqual(['Mara waits']);
    expect(copy.takes.all().map((x) => x.id)).toEqual([take]);
    expect(copy.jobs.get(queued)?.state).toBe('canceled');
    expect(project.jobs.get(queued)?.state).toBe('queued');
    expect(fs.existsSync(path.join(made.path, VERSIONS_DIR))).toBe(false);

    const media = files(path.join(project.folder, 'media'));
    expect(media.length).toBeGreaterThan(0);
    for (const file of media) {
      const twin = path.join(made.path, path.relative(project.folder, file));
      expect(fs.statSync(twin).ino).toBe(fs.statSync(file).ino);
    }
    // The original is as it was; a second copy gets a folder of its own.
    expect(actions(project)).toEqual(['Mara waits', 'Dee leaves']);
    expect(restoreAsNewProject(project, saved.id).title).toBe('Night (First cut) 2');
  });
});
