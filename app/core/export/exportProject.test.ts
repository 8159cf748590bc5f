// The export checks on a project made in the test (project.testkit.ts): takes from the engine
// (local animatic, a conforming 1080p24 clip, an odd 30 fps clip with sound), one trimmed, one
// held, two shots with no take, Unicode and /\:*?"<>| in the title.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_EXISTS, type ResolveExportSummary } from '../../../shared/domain/resolveExport';
import { secondsToFrames, timecodeToFrames, TIMELINE_START_FRAMES } from '../../../shared/domain/timecode';
import { UserError } from '../errors';
import { makeProject, shot } from '../jobs/jobs.testkit';
import { probeSource } from '../media/conform';
import { frameDiff, tinyFrames } from '../media/clips.testkit';
import type { Project } from '../project/project';
import { METADATA_CSV_COLUMNS, SHOT_LIST_COLUMNS } from './formats/csv';
import { parseFcpxTime } from './formats/fcpxTime';
import { readCut } from '../roundtrip/importCut';
import { exportFileNames } from './planCut';
import { csvRows, dtdMissing, pdfPages, probeTimecode, xmllintErrors } from './tools.testkit';
import { findAll, parseXml } from './formats/xml';
import { exportProjectToResolve } from './exportProject';
import { readExportSource } from './source';
import { buildExportTestProject, TEST_TITLE, type ExportTestProject } from './project.testkit';

const skipDtd = dtdMissing();
if (skipDtd) console.log(skipDtd);

const LABELS = ['1A', '1B', '2A', '2B', '2C'];
/** Planned lengths in frames: 1A 2 s, 1B 2 s, 2A 2 s, 2B 1.5 s (1 s take + 12 held), 2C 1.5 s. */
const PLANNED = [48, 48, 48, 36, 36];

let work: string;
let fixture: ExportTestProject;
let summary: ResolveExportSummary;
const names = exportFileNames(TEST_TITLE);
const read = (name: string) => fs.readFileSync(path.join(summary.folder, name), 'utf8');
const mediaFiles = (folder: string) =>
  ['Media', 'Placeholders', 'Alternates'].flatMap((d) =>
    fs.existsSync(path.join(folder, d)) ? fs.readdirSync(path.join(folder, d)).map((f) => path.join(folder, d, f)) : [],
  );
const freshOut = () => fs.mkdtempSync(path.join(work, 'out-'));

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'shotline-export-int-'));
  fixture = await buildExportTestProject(work);
  summary = await exportProjectToResolve(fixture.project, { outDir: freshOut(), format: 'h264', fit: 'letterbox', alternates: true });
}, 600_000);

afterAll(() => {
  fixture?.project.close();
  fs.rmSync(work, { recursive: true, force: true });
});

describe('export of a project to DaVinci Resolve (H.264)', () => {
  it('says what it wrote: the folder, takes, placeholders, alternates, and one clip stream-copied', () => {
    expect(path.basename(summary.folder)).toBe('Cafe_Noir_Night_Diner_Resolve');
    expect(summary).toMatchObject({ shots: 5, takes: 3, placeholders: 2, alternates: 1, copied: 1, encoded: 5, width: 1920, height: 1080, warnings: [] });
    expect(fs.readdirSync(path.join(summary.folder, 'References')).sort()).toEqual(['mara.png', 'window.png']);
  });

  it.skipIf(!!skipDtd)('writes an FCPXML that validates against the 1.10 DTD', () => {
    expect(xmllintErrors(summary.fcpxml)).toBe('');
  });

  it('references only media that exist, in the FCPXML, the EDL and the OTIO', () => {
    const fcpxml = findAll(parseXml(read(names.fcpxml)), 'media-rep').map((m) => fileURLToPath(m.attrs.src!));
    const edl = [...read(names.edl).matchAll(/^\* SOURCE FILE: (.*)$/gm)].map((m) => m[1]!);
    const otio = [...read(names.otio).matchAll(/"target_url": "([^"]+)"/g)].map((m) => fileURLToPath(m[1]!));
    expect([fcpxml.length, edl.length, otio.length]).toEqual([5, 5, 6]);
    for (const file of [...fcpxml, ...edl, ...otio]) expect(fs.existsSync(file), file).toBe(true);
  });

  it('holds one clip per shot, in order, each as long as its shot to the frame', () => {
    const clips = findAll(parseXml(read(names.fcpxml)), 'asset-clip');
    expect(clips.map((c) => c.attrs.name)).toEqual(LABELS);
    expect(clips.map((c) => parseFcpxTime(c.attrs.duration))).toEqual(PLANNED);
    expect(readCut(read(names.edl)).map((c) => c.durationFrames)).toEqual(PLANNED);
    const otio = JSON.parse(read(names.otio)) as {
      tracks: { children: Array<{ children: Array<{ name: string; source_range: { duration: { value: number } } }> }> };
    };
    expect(otio.tracks.children[0]!.children.map((c) => [c.name, c.source_range.duration.value])).toEqual(LABELS.map((l, i) => [l, PLANNED[i]]));
    const shots = fixture.project.snapshot().shots;
    expect(shots.map((s) => secondsToFrames(s.durationS))).toEqual(PLANNED);
  });

  it('lays the EDL record timecodes end to end from 01:00:00:00', () => {
    const events = [...read(names.edl).matchAll(/^\d{3} .* (\d\d:\d\d:\d\d:\d\d) (\d\d:\d\d:\d\d:\d\d)$/gm)];
    expect(events).toHaveLength(5);
    let record = TIMELINE_START_FRAMES;
    for (const [, recIn, recOut] of events) {
      expect(timecodeToFrames(recIn!)).toBe(record);
      record = timecodeToFrames(recOut!)!;
    }
  });

  it('makes every media file constant 24 fps H.264 yuv420p at 1920×1080, as long and as stamped as the timeline says', async () => {
    const assets = new Map(findAll(parseXml(read(names.fcpxml)), 'asset').map((a) => [fileURLToPath(a.children[0]!.attrs.src!), a.attrs]));
    const files = mediaFiles(summary.folder);
    expect(files).toHaveLength(6);
    for (const file of files) {
      const p = await probeSource(file);
      expect(p, file).toMatchObject({ codec: 'h264', pixFmt: 'yuv420p', width: 1920, height: 1080, rFrameRate: '24/1', avgFrameRate: '24/1' });
      expect(p.sar === null || p.sar === '1:1', file).toBe(true);
      const asset = assets.get(file);
      if (!asset) continue; // alternates are not on the timeline
      expect(p.frames, file).toBe(parseFcpxTime(asset.duration));
      expect(timecodeToFrames(probeTimecode(file)), file).toBe(parseFcpxTime(asset.start));
      expect(!!p.audio, file).toBe(asset.hasAudio === '1');
    }
  });

  it('honours the trim: the clip starts 0.25 s into the take and the file keeps the whole take as handles', () => {
    const [trimmed] = findAll(parseXml(read(names.fcpxml)), 'asset-clip');
    const asset = findAll(parseXml(read(names.fcpxml)), 'asset').find((a) => a.attrs.id === trimmed!.attrs.ref)!;
    expect(parseFcpxTime(trimmed!.attrs.start)! - parseFcpxTime(asset.attrs.start)!).toBe(6);
    expect(parseFcpxTime(asset.attrs.duration)).toBe(72);
  });

  it('honours the hold: the 1 s take plays, then its last frame stays for 12 frames, with its sound', async () => {
    const file = path.join(summary.folder, 'Media', 'SC02_SH020_T01_runway.mp4');
    const p = await probeSource(file);
    expect(p.frames).toBe(36);
    expect(p.audio).toEqual({ codec: 'aac', sampleRate: 48000, channels: 2 });
    const frames = tinyFrames(file);
    for (const f of frames.slice(24)) expect(frameDiff(f, frames[23]!)).toBeLessThanOrEqual(4);
    expect(frameDiff(frames[0]!, frames[23]!)).toBeGreaterThan(8);
  });

  it('stream-copies the take that already conforms instead of re-encoding it', () => {
    const hash = (f: string) => execFileSync('ffmpeg', ['-v', 'error', '-i', f, '-map', '0:v:0', '-c', 'copy', '-f', 'md5', '-'], { encoding: 'utf8' });
    const take = path.join(work, 'raw', 'hd.mp4');
    expect(hash(path.join(summary.folder, 'Media', 'SC01_SH020_T01_runway.mp4'))).toBe(hash(take));
  });

  it('writes the CSVs with the columns Resolve imports and a storyboard with a cover and one page of panels', () => {
    expect(csvRows(read(names.metadataCsv))[0]).toEqual([...METADATA_CSV_COLUMNS]);
    expect(csvRows(read(names.metadataCsv))).toHaveLength(1 + 6);
    expect(csvRows(read(names.shotListCsv))[0]).toEqual([...SHOT_LIST_COLUMNS]);
    expect(pdfPages(path.join(summary.folder, names.storyboardPdf))).toBe(2);
  });

  it('keeps every take’s provenance in the manifest', () => {
    const manifest = JSON.parse(read('manifest.json')) as {
      shots: Array<{ label: string; provenance: { takes: Array<{ number: number; tool: string; seed: number; params: unknown }> } }>;
    };
    expect(manifest.shots.map((s) => s.provenance.takes.length)).toEqual([2, 1, 0, 1, 0]);
    expect(manifest.shots[0]!.provenance.takes[0]).toMatchObject({ number: 1, tool: 'local:animatic', seed: expect.any(Number), params: expect.any(Object) });
  });
});

describe('export behaviour', () => {
  it('refuses an existing folder with a code the UI asks about, then replaces it when told', async () => {
    const out = path.dirname(summary.folder);
    const again = exportProjectToResolve(fixture.project, { outDir: out, format: 'h264', fit: 'crop', alternates: false });
    await expect(again).rejects.toMatchObject({ code: EXPORT_EXISTS });
    await expect(again).rejects.toBeInstanceOf(UserError);
  });

  it('writes DNxHR HQ with PCM sound in MOV that decodes', async () => {
    const result = await exportProjectToResolve(fixture.project, { outDir: freshOut(), format: 'dnxhr', fit: 'crop', alternates: false });
    const files = mediaFiles(result.folder);
    expect(files.map((f) => path.extname(f))).toEqual(Array(5).fill('.mov'));
    for (const file of files) {
      const p = await probeSource(file);
      expect(p, file).toMatchObject({ codec: 'dnxhd', profile: 'DNXHR HQ', width: 1920, height: 1080, avgFrameRate: '24/1' });
      expect(execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-f', 'null', '-'], { encoding: 'utf8' })).toBe('');
    }
    expect((await probeSource(path.join(result.folder, 'Media', 'SC02_SH020_T01_runway.mov'))).audio?.codec).toBe('pcm_s16le');
    if (!skipDtd) expect(xmllintErrors(result.fcpxml)).toBe('');
  }, 300_000);

  it('leaves no half folder when canceled or when a take fails to convert', async () => {
    const out = freshOut();
    const abort = new AbortController();
    const canceled = exportProjectToResolve(fixture.project, {
      outDir: out,
      format: 'h264',
      fit: 'letterbox',
      alternates: false,
      signal: abort.signal,
      onProgress: (p) => p.step === 'media' && abort.abort(),
    });
    await expect(canceled).rejects.toThrow();
    expect(fs.readdirSync(out)).toEqual([]);

    // A take that turns unreadable after it was probed: ffmpeg fails mid-export.
    const victim = path.join(work, 'victim');
    const odd = fixture.project.snapshot().shots.find((s) => s.label === '2B')!;
    const takePath = readExportSource(fixture.project).shots.find((s) => s.shot.id === odd.id)!.take!.path;
    fs.copyFileSync(takePath, victim);
    try {
      const failed = exportProjectToResolve(fixture.project, {
        outDir: out,
        format: 'h264',
        fit: 'letterbox',
        alternates: false,
        onProgress: (p) => p.step === 'media' && p.detail.includes('SC02_SH020') && fs.writeFileSync(takePath, 'not a video any more'),
      });
      await expect(failed).rejects.toThrow(/ffmpeg failed/);
      expect(fs.readdirSync(out)).toEqual([]);
    } finally {
      fs.copyFileSync(victim, takePath);
    }
  }, 300_000);

  it('exports a project with no takes at all: placeholders only', async () => {
    const project: Project = makeProject(fs.mkdtempSync(path.join(work, 'empty-')));
    try {
      shot(project, { label: '1A', durationS: 2, action: 'Opening' });
      shot(project, { label: '1B', durationS: 1, action: 'Close-up' });
      const result = await exportProjectToResolve(project, { outDir: freshOut(), format: 'h264', fit: 'letterbox', alternates: true });
      expect(result).toMatchObject({ shots: 2, takes: 0, placeholders: 2, alternates: 0 });
      expect(fs.existsSync(path.join(result.folder, 'Media'))).toBe(false);
      expect(fs.readdirSync(path.join(result.folder, 'Placeholders'))).toEqual(['SC01_SH010_PH.mp4', 'SC01_SH020_PH.mp4']);
      expect((await probeSource(path.join(result.folder, 'Placeholders', 'SC01_SH020_PH.mp4'))).frames).toBe(24);
      if (!skipDtd) expect(xmllintErrors(result.fcpxml)).toBe('');
    } finally {
      project.close();
    }
  }, 300_000);
});
