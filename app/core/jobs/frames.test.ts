// Storyboard frames through the engine: an image model's job makes a take of kind `frame`, the
// first one becomes the shot's start keyframe by itself, and the video step then carries it.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveFfmpeg } from '../media/ffmpeg';
import { loadSharp } from '../media/lazyLibs';
import type { Project } from '../project/project';
import { ProviderError, type GenerationRequest } from '../providers/types';
import { exportProjectToResolve } from '../export/exportProject';
import { libraryCtx, setKeyframe } from '../library/ops';
import { writeProjectStoryboard } from '../export/storyboard';
import { listTakes, playbackInputs, takeStrips } from '../takes/queries';
import { commitSelection, prepareSelection } from '../takes/select';
import { useTmpDir } from '../testing/tmp.testkit';
import { enqueueTakes, jobsCtx, shotsWithoutFrames } from './enqueue';
import { drive, fixtureClip, makeProject, ManualClock, ScriptedProvider, shot, testEngine } from './jobs.testkit';
import { costPlan } from './plan';

const tmp = useTmpDir('shotline-frames-');

let project: Project;
let clock: ManualClock;

/** A solid-colour still, as an image model would send it. */
async function still(dir: string, colour: string): Promise<string> {
  const file = path.join(dir, `${colour}.png`);
  execFileSync(await resolveFfmpeg(), ['-v', 'error', '-f', 'lavfi', '-i', `color=c=${colour}:s=1280x720`, '-frames:v', '1', '-y', file]);
  return file;
}

beforeEach(() => {
  project = makeProject(tmp());
  clock = new ManualClock();
});
afterEach(() => project.close());

async function run(provider: ScriptedProvider) {
  const engine = testEngine(project, { provider, clock });
  engine.start({ loop: false });
  await drive(engine, clock);
  await engine.stop();
}

const isRed = ([r, g, b]: number[]) => r! > 200 && g! < 60 && b! < 60;

async function centrePixel(file: string): Promise<number[]> {
  const sharp = await loadSharp();
  const { data, info } = await sharp(file).raw().toBuffer({ resolveWithObject: true });
  const i = (Math.floor(info.height / 2) * info.width + Math.floor(info.width / 2)) * info.channels;
  return [data[i]!, data[i + 1]!, data[i + 2]!];
}

describe('storyboard frames', () => {
  it('are takes of their own kind; the first becomes the start keyframe, and the video step sends it', async () => {
    const s = shot(project, { tool: 'runway:gen4_turbo', durationS: 5 });
    const red = new ScriptedProvider(clock, await still(tmp(), 'red'));
    const ctx = jobsCtx(project, clock);
    expect(shotsWithoutFrames(ctx).map((x) => x.id)).toEqual([s.id]);
    expect(costPlan(ctx).frames).toMatchObject({ tool: 'local:frame', missing: 1, planUsd: 0 });

    await enqueueTakes(ctx, { shotIds: [s.id], takes: 2, tool: 'runway:gen4_image' });
    expect(shotsWithoutFrames(ctx)).toEqual([]);
    // Frames do not count as video work: Generate all drafts still has the shot to do.
    expect(project.jobs.shotsWithWork().has(s.id)).toBe(false);
    await run(red);

    // Sent as a frame: no start image, the image model's own resolution, a prompt without motion.
    const sent = red.submits[0]!.req as GenerationRequest;
    expect(sent.model.output).toBe('image');
    expect(sent.startFrame).toBeNull();
    expect(sent.resolution).toBe('720p');

    const frames = listTakes(project, s.id, false, 'frame');
    expect(frames.map((f) => [f.kind, f.number, f.relPath.endsWith('.png')])).toEqual([
      ['frame', 1, true],
      ['frame', 2, true],
    ]);
    expect(listTakes(project, s.id)).toEqual([]);
    const strip = takeStrips(project)[s.id]!;
    expect(strip.takes).toEqual([]);
    expect(strip.frames).toHaveLength(2);
    // Exactly one was circled by itself (the first to arrive), and it is the start keyframe.
    expect(strip.selectedFrameId).not.toBeNull();
    const keyframe = project.library.keyframesOf(s.id).find((k) => k.which === 'start');
    expect(keyframe?.source).toMatch(/^frame [12]$/);
    expect(costPlan(ctx).frames.spentUsd).toBe(0.1);

    // The video step animates the circled frame: what reaches the provider is that picture.
    const clipProvider = new ScriptedProvider(clock, await fixtureClip());
    await enqueueTakes(ctx, { shotIds: [s.id], takes: 1 });
    await run(clipProvider);
    const video = clipProvider.submits[0]!.req;
    expect(video.startFrame).not.toBeNull();
    expect(await centrePixel(video.startFrame!.path)).toEqual([expect.closeTo(254, -1), expect.closeTo(0, -1), expect.closeTo(0, -1)]);
    const [take] = listTakes(project, s.id);
    expect(take?.continuityStale).toBe(false);

    // Circling the other frame makes it the keyframe; the video take from the old one is marked.
    const other = frames.find((f) => f.id !== strip.selectedFrameId)!;
    const prepared = await prepareSelection(project, s.id, other.id);
    project.db.transaction(() => commitSelection(project, prepared))();
    expect(takeStrips(project)[s.id]!.selectedFrameId).toBe(other.id);
    expect(project.library.keyframesOf(s.id).find((k) => k.which === 'start')?.source).toBe(`frame ${other.number}`);
    expect(listTakes(project, s.id)[0]?.continuityStale).toBe(true);
    // The cut plays the video take, never a frame.
    expect(takeStrips(project)[s.id]!.selectedTakeId).toBeNull();
  });

  it('a shot with a circled frame and no video take shows the frame: player still, Resolve placeholder, storyboard PDF', async () => {
    const s = shot(project, { tool: 'runway:gen4_turbo', durationS: 2 });
    const ctx = jobsCtx(project, clock);
    await enqueueTakes(ctx, { shotIds: [s.id], takes: 1, tool: 'runway:gen4_image' });
    await run(new ScriptedProvider(clock, await still(tmp(), 'red')));
    const [frame] = listTakes(project, s.id, false, 'frame');
    // The circled frame shows even once the start keyframe is cleared (or set to something else).
    project.db.transaction(() => setKeyframe(libraryCtx(project), s.id, 'start', null))();
    expect(playbackInputs(project)[0]?.still).toEqual({ relPath: frame!.relPath, from: 'frame' });

    const out = tmp();
    const summary = await exportProjectToResolve(project, { outDir: out, format: 'h264', fit: 'letterbox', alternates: false });
    expect(summary.placeholders).toBe(1);
    const [placeholder] = fs.readdirSync(path.join(summary.folder, 'Placeholders'));
    const grab = path.join(tmp(), 'placeholder.png');
    execFileSync(await resolveFfmpeg(), ['-v', 'error', '-i', path.join(summary.folder, 'Placeholders', placeholder!), '-frames:v', '1', '-y', grab]);
    expect(isRed(await centrePixel(grab))).toBe(true);

    const pdf = await writeProjectStoryboard(project, path.join(tmp(), 'board.pdf'), { perPage: 2 });
    const page = path.join(tmp(), 'page');
    // Page 1 is the cover; the panels start on page 2.
    execFileSync('pdftoppm', ['-png', '-r', '30', '-f', '2', '-l', '2', pdf.path, page]);
    const sharp = await loadSharp();
    const png = fs.readdirSync(path.dirname(page)).find((f) => f.startsWith('page') && f.endsWith('.png'))!;
    const { data, info } = await sharp(path.join(path.dirname(page), png))
      .raw()
      .toBuffer({ resolveWithObject: true });
    let red = 0;
    for (let i = 0; i < data.length; i += info.channels) if (isRed([data[i]!, data[i + 1]!, data[i + 2]!])) red += 1;
    // The panel is the red frame: a good part of the page, where a title card would have none.
    expect(red / (info.width * info.height)).toBeGreaterThan(0.05);
  });

  it('a 429 on a frame sends it again later, billed once; a file that is not an image fails the job', async () => {
    const s = shot(project, { tool: 'runway:gen4_turbo', durationS: 5 });
    const provider = new ScriptedProvider(clock, await still(tmp(), 'blue'));
    provider.submitErrors = [new ProviderError('rate_limited', 'Too many requests', { status: 429, retryAfterS: 3 })];
    const ctx = jobsCtx(project, clock);
    const { jobIds } = await enqueueTakes(ctx, { shotIds: [s.id], takes: 1, tool: 'runway:gen4_image' });
    await run(provider);
    expect(provider.submits).toHaveLength(2);
    expect(project.jobs.get(jobIds[0]!)?.state).toBe('ready');

    const text = path.join(tmp(), 'not-an-image.png');
    fs.writeFileSync(text, 'this is not a picture');
    const bad = new ScriptedProvider(clock, text);
    const second = await enqueueTakes(ctx, { shotIds: [s.id], takes: 1, tool: 'runway:gen4_image' });
    await run(bad);
    const job = project.jobs.get(second.jobIds[0]!)!;
    expect(job.state).toBe('failed');
    expect(job.error).toMatch(/not a usable frame/);
    // Fetched once more (a truncated download looks the same), then given up: never fetched forever.
    expect(project.jobs.events(job.id).filter((e) => e.from_state === 'checking' && e.to_state === 'downloading')).toHaveLength(1);
  });

  it('after a crash: a frame half-sent is asked about, never sent twice; one being downloaded is finished', async () => {
    const s = shot(project, { tool: 'runway:gen4_turbo', durationS: 5 });
    const ctx = jobsCtx(project, clock);
    const provider = new ScriptedProvider(clock, await still(tmp(), 'green'));
    const [sending, fetching] = (await enqueueTakes(ctx, { shotIds: [s.id], takes: 2, tool: 'runway:gen4_image' })).jobIds as [string, string];
    // As a killed process leaves them: one was being sent, the other had finished at the provider.
    project.jobs.move(sending, 'queued', 'submitting', { now: clock.now() });
    project.jobs.move(fetching, 'queued', 'downloading', {
      now: clock.now(),
      patch: { remote_id: 'task-made-before', output_url: 'https://fake.test/frame.png' },
    });
    await run(provider);
    expect(provider.submits).toEqual([]);
    expect(project.jobs.get(sending)?.state).toBe('needs_attention');
    expect(project.jobs.get(fetching)?.state).toBe('ready');
    expect(listTakes(project, s.id, false, 'frame')).toHaveLength(1);
  });

  it('refuses a video model as a frame tool and a frame tool the shot cannot use, before anything is queued', async () => {
    const s = shot(project, { tool: 'runway:gen4_turbo', durationS: 5, aspectRatio: '16:9' });
    const ctx = jobsCtx(project, clock);
    await expect(enqueueTakes(ctx, { shotIds: [s.id], takes: 1, tool: 'local:frame' })).resolves.toMatchObject({ jobIds: [expect.any(String)] });
    const empty = shot(project, { tool: 'runway:gen4_turbo', action: '', durationS: 5 });
    await expect(enqueueTakes(ctx, { shotIds: [empty.id], takes: 1, tool: 'runway:gen4_image' })).rejects.toThrow(/does not say what is in it/);
  });
});
