// The Resolve export of a 100-shot project (SHOTLINE_BENCH_EXPORT_SHOTS to change it), one 2 s
// take per shot made through the job engine: takes that already conform (1080p, 24 fps, H.264)
// against a plain copy of the same files, and takes that must be conformed (720p, 30 fps) in
// seconds of video exported per second. Every take has the same frames, but each is its own file
// (a remux with its own title), so the store keeps one per shot as it would real takes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportProjectToResolve } from '../app/core/export/exportProject';
import { readExportSource } from '../app/core/export/source';
import { enqueueTakes, jobsCtx } from '../app/core/jobs/enqueue';
import { drive, makeProject, ManualClock, ScriptedProvider, shot, testEngine } from '../app/core/jobs/jobs.testkit';
import { makeClip } from '../app/core/media/clips.testkit';
import { runFfmpeg } from '../app/core/media/ffmpeg';
import { mapLimit } from '../app/core/mapLimit';
import { report } from './report';

const SHOTS = Number(process.env.SHOTLINE_BENCH_EXPORT_SHOTS ?? 100);
const TAKE_S = 2;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** A provider that delivers a different file of the same clip for every take. */
class DistinctTakes extends ScriptedProvider {
  private next = 0;
  constructor(
    clock: ManualClock,
    private readonly files: string[],
  ) {
    super(clock, files[0]!);
  }
  override async download(_url: string, dest: string): Promise<void> {
    fs.copyFileSync(this.files[this.next++ % this.files.length]!, dest);
  }
}

async function variants(clip: string, n: number): Promise<string[]> {
  return mapLimit(
    Array.from({ length: n }, (_, i) => i),
    2,
    async (i) => {
      const file = clip.replace(/\.mp4$/, `-${i}.mp4`);
      await runFfmpeg(['-i', clip, '-map', '0', '-c', 'copy', '-metadata', `title=take ${i}`, '-y', file]);
      return file;
    },
  );
}

async function projectWithTakes(dir: string, clip: string) {
  const project = makeProject(dir);
  project.timeline.updateProject({ title: `Bench ${SHOTS}`, aspectRatio: '16:9', budgetUsd: null });
  const ids = project.db.transaction(() =>
    Array.from({ length: SHOTS }, (_, i) => shot(project, { tool: 'runway:gen4_turbo', durationS: TAKE_S, action: `Shot ${i + 1}` }).id),
  )();
  const clock = new ManualClock();
  const engine = testEngine(project, { clock, provider: new DistinctTakes(clock, await variants(clip, SHOTS)) });
  await enqueueTakes(jobsCtx(project, clock), { shotIds: ids, takes: 1 });
  engine.start({ loop: false });
  await drive(engine, clock, 100_000);
  await engine.stop();
  return project;
}

async function run(kind: 'conforming' | 'non-conforming') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shotline-bench-export-'));
  try {
    const clip = await makeClip(
      path.join(dir, 'take.mp4'),
      kind === 'conforming'
        ? { width: 1920, height: 1080, fps: 24, durationS: TAKE_S }
        : { width: 1280, height: 720, fps: 30, durationS: TAKE_S, audio: true, audioRate: 44100 },
    );
    const project = await projectWithTakes(path.join(dir, 'p'), clip);
    try {
      const takes = readExportSource(project).shots.map((s) => s.take!.path);
      const copyDir = path.join(dir, 'copy');
      fs.mkdirSync(copyDir);
      const c0 = performance.now();
      for (const [i, file] of takes.entries()) await fs.promises.copyFile(file, path.join(copyDir, `${i}.mp4`));
      const copyMs = performance.now() - c0;

      const out = path.join(dir, 'out');
      fs.mkdirSync(out);
      const t0 = performance.now();
      const r = await exportProjectToResolve(project, { outDir: out, format: 'h264', fit: 'letterbox', alternates: false });
      const exportMs = performance.now() - t0;
      const videoS = SHOTS * TAKE_S;
      const figures: Record<string, string> = {
        // ffmpeg runs as child processes: the machine's load says how much CPU they got.
        'load average (1 min) after': os.loadavg()[0]!.toFixed(1),
        'export wall time': seconds(exportMs),
        'media copied / conformed': `${r.copied} / ${r.encoded}`,
      };
      if (kind === 'conforming') {
        figures['plain copy of the same files'] = `${copyMs.toFixed(0)} ms`;
        figures['export ÷ plain copy'] = `${(exportMs / copyMs).toFixed(1)}×`;
      } else {
        figures['video exported per second'] = `${(videoS / (exportMs / 1000)).toFixed(2)} s/s`;
      }
      report(
        `Resolve export, ${SHOTS} shots × ${TAKE_S} s, ${kind} takes (${kind === 'conforming' ? '1920×1080 24 fps H.264, no sound' : '1280×720 30 fps with AAC → 1920×1080 24 fps'})`,
        figures,
      );
    } finally {
      project.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function exportBench() {
  await run('conforming');
  await run('non-conforming');
}
