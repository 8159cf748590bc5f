// Sound: 100 dialogue lines spoken with the local voice through the job engine (as `generate
// --dialogue` runs them), and the animatic's mix of a 5-minute cut with dialogue, effects and
// music lanes, in seconds of audio per second. Figures only; nothing asserted.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { JobEngine } from '../app/core/jobs/engine';
import { enqueueLines, planLines } from '../app/core/jobs/audio';
import { jobsCtx } from '../app/core/jobs/enqueue';
import { createRunners } from '../app/core/jobs/runners';
import { makeProject, shot } from '../app/core/jobs/jobs.testkit';
import { envKeySource } from '../app/core/keys/keySource';
import { createItem, libraryCtx, updateItem } from '../app/core/library/ops';
import { renderMix, type SoundEvent } from '../app/core/cut/mix';
import { resolveFfmpeg } from '../app/core/media/ffmpeg';
import { report } from './report';

const run = promisify(execFile);
const LINES = 100;
const LINES_PER_SHOT = 4;
const CUT_S = 300;

const WORDS = ['rain', 'counter', 'coffee', 'closed', 'door', 'light', 'wait', 'night', 'road', 'home', 'cold', 'late'];
/** A line of 5–14 words, different for each index so every line is its own job. */
const sentence = (i: number) =>
  Array.from({ length: 5 + (i % 10) }, (_, w) => WORDS[(i * 7 + w * 3) % WORDS.length])
    .join(' ')
    .replace(/^./, (c) => c.toUpperCase()) + '.';

async function linesBench(dir: string) {
  const project = makeProject(dir);
  try {
    const lib = libraryCtx(project);
    for (const [name, voice] of [
      ['Mara', 'local'],
      ['Dee', 'local:f2'],
    ] as const) {
      const item = createItem(lib, { kind: 'character', name, tag: name.toLowerCase() });
      updateItem(lib, item.id, { voice });
    }
    const shots = Array.from({ length: LINES / LINES_PER_SHOT }, (_, s) =>
      shot(project, {
        tool: 'local:animatic',
        durationS: 8,
        dialogue: Array.from({ length: LINES_PER_SHOT }, (_, l) => ({
          speaker: l % 2 ? 'DEE' : 'MARA',
          extension: null,
          parenthetical: null,
          text: sentence(s * LINES_PER_SHOT + l),
        })),
      }),
    );
    const ctx = jobsCtx(project);
    const { lines } = planLines(ctx, shots);
    enqueueLines(ctx, lines, 1);
    const engine = new JobEngine({
      db: project.db,
      folder: project.folder,
      runners: createRunners({ keys: envKeySource({}), env: process.env }),
      label: 'bench',
      emit: () => {},
    });
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    engine.start();
    await engine.whenIdle();
    const wall = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    await engine.stop();
    const takes = project.takes.all('line');
    const audioS = takes.reduce((sum, t) => sum + (t.durationS ?? 0), 0);
    report(`dialogue: ${LINES} lines, local voice (espeak-ng), through the job engine`, {
      'all spoken, checked and stored': `${wall.toFixed(1)} s (${((wall / LINES) * 1000).toFixed(0)} ms a line, ${os.availableParallelism()} cores)`,
      'audio made': `${audioS.toFixed(0)} s (${(audioS / wall).toFixed(1)} s of speech per second)`,
      'engine CPU (this process)': `${((cpu.user + cpu.system) / 1e6).toFixed(1)} s; espeak-ng and ffmpeg run as child processes`,
      'line takes stored': `${takes.length} of ${lines.length}`,
    });
  } finally {
    project.close();
  }
}

async function synth(file: string, source: string, seconds: number) {
  await run(await resolveFfmpeg(), ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', `${source}:duration=${seconds}`, '-ar', '48000', '-y', file]);
}

async function mixBench(dir: string) {
  const line = path.join(dir, 'line.wav');
  const hit = path.join(dir, 'hit.wav');
  const pad = path.join(dir, 'pad.wav');
  await synth(line, 'sine=frequency=220:sample_rate=48000', 2.5);
  await synth(hit, 'anoisesrc=color=pink:sample_rate=48000:amplitude=0.3', 1);
  await synth(pad, 'sine=frequency=110:sample_rate=48000', 100);
  const at = (file: string, lane: SoundEvent['lane'], startS: number, lengthS: number, extra: Partial<SoundEvent> = {}): SoundEvent => ({
    file,
    lane,
    startS,
    inS: 0,
    lengthS,
    gainDb: 0,
    fadeInS: 0,
    fadeOutS: 0,
    ...extra,
  });
  // A line every 5 s, an effect every 10 s, three 100 s music beds with fades: 60 + 30 + 3 events.
  const events = [
    ...Array.from({ length: CUT_S / 5 }, (_, i) => at(line, 'dialogue', i * 5 + 0.5, 2.5)),
    ...Array.from({ length: CUT_S / 10 }, (_, i) => at(hit, 'effects', i * 10 + 3, 1, { gainDb: -6 })),
    ...[0, 100, 200].map((s) => at(pad, 'music', s, 100, { gainDb: -12, fadeInS: 2, fadeOutS: 2 })),
  ];
  const t0 = performance.now();
  await renderMix(events, CUT_S, path.join(dir, 'mix.wav'), { duckDb: 10 });
  const wall = (performance.now() - t0) / 1000;
  report(`mix: a ${CUT_S / 60}-minute cut, 3 lanes (${events.length} clips), two-pass loudnorm to -16 LUFS, 48 kHz WAV (the animatic then encodes AAC)`, {
    'render time': `${wall.toFixed(1)} s`,
    speed: `${(CUT_S / wall).toFixed(0)} s of audio per second`,
  });
}

export async function soundBench() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shotline-bench-sound-'));
  try {
    await linesBench(fs.mkdtempSync(path.join(dir, 'lines-')));
    await mixBench(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
