// What ffprobe said of a take when it arrived is kept with its file, and the export reads that
// instead of probing again, unless the file changed since; a conforming take then leaves the
// export decoding to exactly the frames it had (framemd5 equal).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enqueueTakes, jobsCtx } from '../jobs/enqueue';
import { drive, makeProject, ManualClock, ScriptedProvider, shot, testEngine } from '../jobs/jobs.testkit';
import { probeSource } from '../media/conform';
import { resolveFfmpeg } from '../media/ffmpeg';
import { makeClip } from '../media/clips.testkit';
import type { Project } from '../project/project';
import { useTmpDir } from '../testing/tmp.testkit';
import { exportProjectToResolve } from './exportProject';
import { readExportSource } from './source';

const tmp = useTmpDir('shotline-kept-probe-');
const run = promisify(execFile);
let project: Project;

beforeEach(async () => {
  const dir = tmp();
  project = makeProject(path.join(dir, 'p'));
  const s = shot(project, { tool: 'runway:gen4_turbo', durationS: 2 });
  const clip = await makeClip(path.join(dir, 'hd.mp4'), { width: 1920, height: 1080, fps: 24, durationS: 2 });
  const clock = new ManualClock();
  const engine = testEngine(project, { clock, provider: new ScriptedProvider(clock, clip) });
  await enqueueTakes(jobsCtx(project, clock), { shotIds: [s.id], takes: 1 });
  engine.start({ loop: false });
  await drive(engine, clock);
  await engine.stop();
});
afterEach(() => project.close());

/** The decoded frames' checksums, one line per frame (framemd5 without its header). */
async function frameSums(file: string): Promise<string[]> {
  const { stdout } = await run(await resolveFfmpeg(), ['-v', 'error', '-i', file, '-map', '0:v:0', '-f', 'framemd5', '-']);
  return stdout
    .split('\n')
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => l.split(',').at(-1)!.trim());
}

describe('the probe kept with a take', () => {
  it('is what ffprobe says of the file, kept when the take arrived; the export copies a conforming take frame for frame', async () => {
    const [take] = readExportSource(project).shots.map((s) => s.take!);
    expect(take!.probe).toEqual(await probeSource(take!.path));
    expect(take!.probe).toMatchObject({ codec: 'h264', width: 1920, height: 1080, avgFrameRate: '24/1' });

    const out = tmp();
    const summary = await exportProjectToResolve(project, { outDir: out, format: 'h264', fit: 'letterbox', alternates: false });
    expect(summary).toMatchObject({ copied: 1, encoded: 0 });
    const exported = path.join(summary.folder, 'Media', fs.readdirSync(path.join(summary.folder, 'Media'))[0]!);
    const sums = await frameSums(take!.path);
    expect(sums).toHaveLength(48);
    expect(await frameSums(exported)).toEqual(sums);
  });

  it('is not trusted once the file is no longer the size it was stored at', () => {
    const [take] = readExportSource(project).shots.map((s) => s.take!);
    fs.appendFileSync(take!.path, Buffer.from('changed'));
    expect(readExportSource(project).shots[0]!.take!.probe).toBeNull();
  });
});
