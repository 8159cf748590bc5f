import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildPlaybackCut, type PlaybackShotInput } from '../shared/domain/playback';
import { renderAnimatic } from '../app/core/cut/animatic';
import { makeClip } from '../app/core/media/clips.testkit';
import { probeSource, type SourceProbe } from '../app/core/media/conform';
import { median, mib, ms, report } from './report';

const CLIPS = Number(process.env.BENCH_CUT_CLIPS ?? 30);
const SECONDS = 10;
const ROUNDS = 5;
const SIZE = { width: 1280, height: 720 };

/** `n` shots, each playing a copy of `clip` whole (one file per shot, as takes are). */
function cutOf(folder: string, clip: string, n: number, tag: string) {
  const shots: PlaybackShotInput[] = [];
  for (let i = 0; i < n; i++) {
    const rel = `media/${tag}-${i}.mp4`;
    fs.copyFileSync(clip, path.join(folder, rel));
    shots.push({
      id: `${tag}${i}`,
      label: `${i + 1}A`,
      sceneId: 's',
      durationS: SECONDS,
      action: '',
      takes: [
        {
          id: `t${tag}${i}`,
          number: 1,
          relPath: rel,
          durationS: SECONDS,
          width: SIZE.width,
          height: SIZE.height,
          selected: true,
          rejected: false,
          createdAt: '',
        },
      ],
      fit: { mode: null, trimInS: 0 },
      still: null,
    });
  }
  return buildPlaybackCut(shots);
}

/** The animatic of 30 conforming 10 s takes (stream copy) against copying the same bytes; and of 30 that need conforming. */
export async function cutBench() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shotline-bench-cut-'));
  try {
    fs.mkdirSync(path.join(dir, 'media'));
    const conforming = await makeClip(path.join(dir, 'conforming.mp4'), { durationS: SECONDS, ...SIZE });
    // 30 fps at another size: every clip must be resampled in time and scaled.
    const other = await makeClip(path.join(dir, 'other.mp4'), { durationS: SECONDS, width: 960, height: 540, fps: 30 });

    const copyCut = cutOf(dir, conforming, CLIPS, 'c');
    const bytes = CLIPS * fs.statSync(conforming).size;
    // What the app knows of each take from its arrival (assets.probe_json), probed before the clock starts.
    const kept = new Map<string, SourceProbe>();
    for (const c of copyCut.clips) kept.set(c.relPath!, await probeSource(path.join(dir, c.relPath!)));
    // Renders and plain copies take turns: writing 85 MiB meets the kernel's writeback now and then
    // (the same copy took 40 ms, then 240 ms here), so one run of each says little. Every render is
    // a first one: nothing is kept from the render before.
    const renders: number[] = [];
    const copies: number[] = [];
    let mode = '';
    for (let r = 0; r < ROUNDS; r++) {
      const out = path.join(dir, `copy-${r}.mp4`);
      const t0 = performance.now();
      ({ mode } = await renderAnimatic({ cut: copyCut, folder: dir, size: SIZE, out, knownProbe: (rel) => kept.get(rel) ?? null }));
      renders.push(performance.now() - t0);
      const plain = path.join(dir, `plain-${r}`);
      fs.mkdirSync(plain);
      const t1 = performance.now();
      for (let i = 0; i < CLIPS; i++) fs.copyFileSync(path.join(dir, 'media', `c-${i}.mp4`), path.join(plain, `${i}.mp4`));
      copies.push(performance.now() - t1);
      fs.rmSync(out);
      fs.rmSync(plain, { recursive: true });
    }
    // Takes older than kept probes: each is probed first.
    const older = cutOf(dir, conforming, CLIPS, 'o');
    const t0b = performance.now();
    await renderAnimatic({ cut: older, folder: dir, size: SIZE, out: path.join(dir, 'older.mp4') });
    const olderMs = performance.now() - t0b;
    const copyMs = median(copies);
    report(`animatic, ${CLIPS} conforming ${SECONDS} s takes (${mib(bytes)}), ${ROUNDS} renders and plain copies taking turns`, {
      mode,
      'render (probes kept from arrival)': `median ${ms(median(renders))}, the process's first ${ms(renders[0]!)}, all ${renders.map((v) => v.toFixed(0)).join(', ')} ms`,
      'plain file copy of the same bytes': `median ${ms(copyMs)}, all ${copies.map((v) => v.toFixed(0)).join(', ')} ms`,
      'render ÷ copy (medians)': `${(median(renders) / copyMs).toFixed(1)}×; the process's first render ÷ the median copy ${(renders[0]! / copyMs).toFixed(1)}×`,
      'render of takes without kept probes': ms(olderMs),
    });

    const encodeCut = cutOf(dir, other, CLIPS, 'e');
    const t2 = performance.now();
    const encoded = await renderAnimatic({ cut: encodeCut, folder: dir, size: SIZE, out: path.join(dir, 'encode.mp4') });
    const encodeS = (performance.now() - t2) / 1000;
    report(`animatic, ${CLIPS} non-conforming ${SECONDS} s takes (960×540 at 30 fps → 1280×720 at 24)`, {
      mode: encoded.mode,
      'render wall time': `${encodeS.toFixed(1)} s`,
      'video seconds per wall second': (encoded.durationS / encodeS).toFixed(2),
      cpus: String(os.availableParallelism()),
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
