// A project received from someone else is untrusted: a symlink in its media folder or a tampered
// rel_path in its db must never make Shotline read (and copy out) a file from elsewhere.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderAnimatic } from '../cut/animatic';
import { enqueueTakes, jobsCtx } from '../jobs/enqueue';
import { drive, makeProject, ManualClock, shot, testEngine } from '../jobs/jobs.testkit';
import { importImages } from '../library/importer';
import { libraryCtx, setShotRefs } from '../library/ops';
import { renderForSend } from '../library/sendImage';
import { runFfmpeg } from '../media/ffmpeg';
import { mediaStore } from '../media/store';
import type { Project } from '../project/project';
import { playbackCut } from '../takes/queries';
import { useTmpDir } from '../testing/tmp.testkit';
import { exportProjectToResolve } from './exportProject';

const SECRET = 'the neighbour’s diary';

/** Shot 1A with one local take and the reference @mara; a secret file beside the project. */
async function hostileProject(dir: string) {
  const project = makeProject(dir);
  const id = shot(project, { label: '1A', tool: 'local:animatic', durationS: 1, prompt: { subject: '@mara at the window' } }).id;
  const clock = new ManualClock();
  const engine = testEngine(project, { clock });
  await enqueueTakes(jobsCtx(project, clock), { shotIds: [id], takes: 1 });
  engine.start({ loop: false });
  await drive(engine, clock);
  await engine.stop();
  const still = path.join(dir, 'mara.png');
  await runFfmpeg(['-f', 'lavfi', '-i', 'testsrc2=s=640x360', '-frames:v', '1', '-y', still]);
  const commit = <T>(_label: string, fn: () => T) => project.db.transaction(fn)();
  const item = (await importImages(project, [{ name: 'mara.png', path: still }], { to: 'item', kind: 'character', name: 'Mara', tag: 'mara' }, { commit }))
    .itemsCreated[0]!;
  commit('refs', () => setShotRefs(libraryCtx(project), id, [{ itemId: item.id }]));
  const secret = path.join(dir, 'secret.txt');
  fs.writeFileSync(secret, SECRET);
  const image = project.library.imagesOf(item.id)[0]!;
  return { project, id, secret, image, out: fs.mkdtempSync(path.join(dir, 'out-')) };
}

/** Every file under `dir` that holds the secret. */
function leaked(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => {
    const file = path.join(dir, f);
    return fs.statSync(file).isFile() && fs.readFileSync(file).includes(SECRET);
  });
}

const assetFile = (project: Project, sha256: string) => path.join(project.folder, ...mediaStore(project.db, project.folder).get(sha256)!.relPath.split('/'));

describe('a tampered project', () => {
  const tmp = useTmpDir();

  it('a library image symlinked outside media/: export, send and preview refuse it by name, nothing is copied', async () => {
    const { project, secret, image, out } = await hostileProject(tmp());
    try {
      for (const sha of [image.sha256, image.imageSha256]) {
        fs.rmSync(assetFile(project, sha));
        fs.symlinkSync(secret, assetFile(project, sha));
      }
      await expect(exportProjectToResolve(project, { outDir: out, format: 'h264', fit: 'letterbox', alternates: true })).rejects.toThrow(
        /^The library image mara\.png: its file .* lies outside the project's media folder/,
      );
      await expect(renderForSend(project.db, project.folder, image, 'runway:gen4_turbo', '16:9')).rejects.toThrow(/The library image mara\.png: .*outside/);
      expect(leaked(out)).toEqual([]);
    } finally {
      project.close();
    }
  }, 120_000);

  it('a take whose rel_path climbs out of the project: export and the animatic refuse it by name', async () => {
    const { project, id, secret, out } = await hostileProject(tmp());
    try {
      const take = project.takes.byShot(id)[0]!;
      const climb = `media/${path.relative(path.join(project.folder, 'media'), secret).split(path.sep).join('/')}`;
      expect(climb).toMatch(/^media\/\.\.\/\.\.\//);
      project.db.prepare('UPDATE assets SET rel_path = ? WHERE sha256 = (SELECT asset_sha256 FROM takes WHERE id = ?)').run(climb, take.id);
      await expect(exportProjectToResolve(project, { outDir: out, format: 'h264', fit: 'letterbox', alternates: true })).rejects.toThrow(
        /^Take 1 of 1A: its file "media\/\.\.\/.*" is not a plain path below media\//,
      );
      await expect(
        renderAnimatic({ cut: playbackCut(project), folder: project.folder, size: { width: 320, height: 180 }, out: path.join(out, 'cut.mp4') }),
      ).rejects.toThrow(/^Shot 1A: its file/);
      expect(leaked(out)).toEqual([]);
    } finally {
      project.close();
    }
  }, 120_000);
});
