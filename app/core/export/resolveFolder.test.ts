import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cutMedia, type ExportCut } from '../../../shared/domain/cut';
import { framesToTimecode, secondsToFrames, timecodeToFrames, TIMELINE_START_FRAMES } from '../../../shared/domain/timecode';
import { UserError } from '../errors';
import { METADATA_CSV_COLUMNS } from './formats/csv';
import { FIXTURE_SCENES, FIXTURE_SHOTS, FIXTURE_TITLE, fixturePlan, fixtureSnapshot, type FixtureSources } from './export.testkit';
import { parseFcpxTime } from './formats/fcpxTime';
import { applyCutDiff, diffCut, readCut, type KnownShot } from '../roundtrip/importCut';
import { exportFileNames, planCut, resolveFolderPath } from './planCut';
import { exportResolveFolder, type ExportProgress, type ResolveExportOptions } from './resolveFolder';
import { makeClip } from '../media/clips.testkit';
import { csvRows, dejaVu, dtdMissing, pdfPages, probeTimecode, stampTimecode, xmllintErrors } from './tools.testkit';
import { findAll, parseXml } from './formats/xml';

const skipDtd = dtdMissing();
if (skipDtd) console.log(skipDtd);

let work: string;
let sources: FixtureSources;
let frame: string;

beforeAll(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'shotline-export-'));
  const raw = path.join(work, 'raw');
  fs.mkdirSync(raw);
  sources = {
    take: (label, n, audio) => path.join(raw, `${label}-take${n}${audio ? '-audio' : ''}.mp4`),
    placeholder: (label) => path.join(raw, `${label}-placeholder.mp4`),
  };
  // Media as the providers hand it over: 3 s takes, every file starting at 00:00:00:00.
  const clip = { width: 640, height: 360, durationS: 3, audioChannels: 2 } as const;
  await Promise.all([
    ...(
      [
        ['1A', 2, false],
        ['1B', 1, false],
        ['1B', 2, false],
        ['1B', 3, false],
        ['2B', 1, true],
      ] as const
    ).map(([label, n, audio]) => makeClip(sources.take(label, n, audio), { ...clip, audio })),
    makeClip(sources.placeholder('2A'), { ...clip, durationS: 2 }),
  ]);
  frame = path.join(raw, 'frame.png');
  execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc2=s=640x360', '-frames:v', '1', frame]);
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

/** What conforming will do for these already-conforming clips: stamp the planned start timecode. */
const stamp: ResolveExportOptions['produceMedia'] = async (media, dest) => stampTimecode(media.sourcePath, dest, framesToTimecode(media.startTimecodeFrames));

function plan(out: string): { cut: ExportCut; target: string } {
  const target = resolveFolderPath(out, FIXTURE_TITLE);
  return { cut: planCut(fixturePlan(target, sources)), target };
}

const KNOWN: KnownShot[] = FIXTURE_SHOTS.map((s, i) => ({
  id: s.id,
  label: s.label,
  sceneNumber: i < 2 ? 1 : 2,
  durationS: s.durationS,
  take: [2, 1, null, 1][i]!,
}));

describe('exportResolveFolder with real media', () => {
  let out: string;
  let target: string;
  let cut: ExportCut;
  const progress: ExportProgress[] = [];
  const names = exportFileNames(FIXTURE_TITLE);
  const read = (name: string) => fs.readFileSync(path.join(target, name), 'utf8');

  beforeAll(async () => {
    out = path.join(work, 'out');
    fs.mkdirSync(out);
    ({ cut, target } = plan(out));
    await exportResolveFolder({
      cut,
      target,
      produceMedia: stamp,
      storyboardFrames: { s1: frame },
      scenes: FIXTURE_SCENES,
      fonts: dejaVu(),
      shotList: { snapshot: fixtureSnapshot(), actualUsd: { s1: 0.5 } },
      provenance: { s1: { provider: 'runway', model: 'gen4_turbo', seed: 42 } },
      onProgress: (p) => progress.push(p),
    });
  });

  it('writes the folder in one piece, with nothing half-written beside it', () => {
    expect(fs.readdirSync(out)).toEqual(['Cafe_Noir_Night_Diner_Resolve']);
    expect(fs.readdirSync(target).sort()).toEqual(
      [
        'Alternates',
        'Media',
        'Placeholders',
        'README.txt',
        'manifest.json',
        ...Object.values(names).filter((n) => !['manifest.json', 'README.txt'].includes(n)),
      ].sort(),
    );
    expect(progress.map((p) => p.step)).toEqual([
      'media',
      'media',
      'media',
      'media',
      'media',
      'media',
      'timelines',
      'metadata',
      'storyboard',
      'manifest',
      'finish',
      'finish',
    ]);
    expect(progress.at(-1)).toMatchObject({ done: progress.at(-1)!.total });
  });

  it.skipIf(!!skipDtd)('writes an FCPXML that validates against the 1.10 DTD', () => {
    expect(xmllintErrors(path.join(target, names.fcpxml))).toBe('');
  });

  it('references only media that exist, in the FCPXML, the EDL and the OTIO', () => {
    const fcpxml = findAll(parseXml(read(names.fcpxml)), 'media-rep').map((m) => fileURLToPath(m.attrs.src!));
    const edl = [...read(names.edl).matchAll(/^\* SOURCE FILE: (.*)$/gm)].map((m) => m[1]!);
    const otio = [...read(names.otio).matchAll(/"target_url": "([^"]+)"/g)].map((m) => fileURLToPath(m[1]!));
    expect(fcpxml).toHaveLength(4);
    expect(edl).toHaveLength(4);
    expect(otio).toHaveLength(6);
    for (const file of [...fcpxml, ...edl, ...otio]) expect(fs.existsSync(file), file).toBe(true);
  });

  it('holds one clip per shot in order, each as long as its shot to the frame', () => {
    const planned = FIXTURE_SHOTS.map((s) => secondsToFrames(s.durationS));
    const fcpxClips = findAll(parseXml(read(names.fcpxml)), 'asset-clip');
    expect(fcpxClips.map((c) => c.attrs.name)).toEqual(FIXTURE_SHOTS.map((s) => s.label));
    expect(fcpxClips.map((c) => parseFcpxTime(c.attrs.duration))).toEqual(planned);
    const otio = JSON.parse(read(names.otio)) as {
      tracks: { children: Array<{ children: Array<{ name: string; source_range: { duration: { value: number } } }> }> };
    };
    const otioClips = otio.tracks.children[0]!.children;
    expect(otioClips.map((c) => [c.name, c.source_range.duration.value])).toEqual(FIXTURE_SHOTS.map((s, i) => [s.label, planned[i]]));
    expect(readCut(read(names.edl)).map((c) => [c.name, c.durationFrames])).toEqual(cut.clips.map((c, i) => [c.media.fileName, planned[i]]));
  });

  it('lays the EDL record timecodes end to end from 01:00:00:00', () => {
    const events = [...read(names.edl).matchAll(/^\d{3} .* (\d\d:\d\d:\d\d:\d\d) (\d\d:\d\d:\d\d:\d\d)$/gm)];
    let record = TIMELINE_START_FRAMES;
    for (const [, recIn, recOut] of events) {
      expect(timecodeToFrames(recIn!)).toBe(record);
      record = timecodeToFrames(recOut!)!;
    }
    expect(events).toHaveLength(4);
  });

  it('stamps each file with the timecode the timelines give it, and keeps the whole take as handles', () => {
    const assets = findAll(parseXml(read(names.fcpxml)), 'asset');
    for (const asset of assets) {
      const file = fileURLToPath(asset.children[0]!.attrs.src!);
      expect(timecodeToFrames(probeTimecode(file))).toBe(parseFcpxTime(asset.attrs.start));
      const frames = execFileSync(
        'ffprobe',
        ['-v', 'error', '-select_streams', 'v', '-count_packets', '-show_entries', 'stream=nb_read_packets', '-of', 'csv=p=0', file],
        { encoding: 'utf8' },
      );
      expect(parseFcpxTime(asset.attrs.duration)).toBe(Number(frames.trim()));
    }
    const starts = cutMedia(cut).map((m) => probeTimecode(m.path));
    expect(new Set(starts).size).toBe(6);
  });

  it('writes the metadata CSV with the columns Resolve imports', () => {
    expect(csvRows(read(names.metadataCsv))[0]).toEqual([...METADATA_CSV_COLUMNS]);
    const shotList = csvRows(read(names.shotListCsv));
    expect(shotList[1]![shotList[0]!.indexOf('Actual Cost (USD)')]).toBe('0.50');
  });

  it('writes a storyboard of the right length, scene by scene, numbered over all its pages', () => {
    // Scenes 1 and 2 each start a row of the 3×2 grid: one page of panels after the cover.
    const pdf = path.join(target, names.storyboardPdf);
    expect(pdfPages(pdf)).toBe(2);
    const panels = execFileSync('pdftotext', ['-f', '2', '-l', '2', pdf, '-'], { encoding: 'utf8' });
    expect(panels).toContain('SCENE 1 — Diner');
    expect(panels).toContain('SCENE 2 — Street');
    expect(panels).toMatch(/^2 ?\/ ?2$/m);
  });

  it('lists every file with its sha256 and every shot with its takes and provenance', () => {
    const manifest = JSON.parse(read('manifest.json')) as {
      files: Array<{ path: string; sha256: string; bytes: number }>;
      shots: Array<{ label: string; selected: { file: string }; alternates: Array<{ file: string }>; provenance: unknown }>;
    };
    const onDisk = (fs.readdirSync(target, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(target, f)).isFile() && f !== 'manifest.json');
    expect(manifest.files.map((f) => f.path).sort()).toEqual(onDisk.map((f) => f.split(path.sep).join('/')).sort());
    for (const file of manifest.files) {
      expect(
        createHash('sha256')
          .update(fs.readFileSync(path.join(target, file.path)))
          .digest('hex'),
      ).toBe(file.sha256);
    }
    expect(manifest.shots.map((s) => s.label)).toEqual(['1A', '1B', '2A', '2B']);
    expect(manifest.shots[0]!.provenance).toEqual({ provider: 'runway', model: 'gen4_turbo', seed: 42 });
    expect(manifest.shots[1]!.alternates.map((a) => a.file)).toEqual(['Alternates/SC01_SH020_T02_kling.mp4', 'Alternates/SC01_SH020_T03_kling.mp4']);
  });

  it('explains the three import steps and the relink in README.txt', () => {
    const readme = read('README.txt');
    expect(readme).toContain(`File > Import > Timeline... and pick ${names.fcpxml}`);
    expect(readme).toContain(names.metadataCsv);
    expect(readme).toContain(names.markersEdl);
    expect(readme).toContain('choose this folder (Cafe_Noir_Night_Diner_Resolve)');
  });

  it('round-trips: an edit that swaps two clips and trims one comes back as that diff', () => {
    let xml = read(names.fcpxml);
    const clips = [...xml.matchAll(/<asset-clip [\s\S]*?<\/asset-clip>/g)].map((m) => m[0]);
    const trimmed = clips[3]!.replace(/duration="[^"]+"/, 'duration="24/24s"');
    xml = xml.replace(clips[0]!, '@0').replace(clips[1]!, '@1').replace(clips[3]!, '@3');
    xml = xml.replace('@0', clips[1]!).replace('@1', clips[0]!).replace('@3', trimmed);
    const edited = path.join(work, 'edited.fcpxml');
    fs.writeFileSync(edited, xml);
    if (!skipDtd) expect(xmllintErrors(edited)).toBe('');

    const diff = diffCut(KNOWN, readCut(fs.readFileSync(edited, 'utf8')));
    expect(diff.order).toEqual(['s2', 's1', 's3', 's4']);
    expect(diff.reordered).toHaveLength(1);
    expect(diff.durations).toEqual([{ shotId: 's4', label: '2B', beforeFrames: 36, afterFrames: 24, deltaFrames: -12, deltaSeconds: -0.5 }]);
    expect([diff.removed, diff.unknown, diff.takeChanged, diff.repeated]).toEqual([[], [], [], []]);
    expect(applyCutDiff({ shots: KNOWN }, diff)).toEqual({ order: ['s2', 's1', 's3', 's4'], durationsS: { s4: 1 }, deleted: [] });
  });

  it('round-trips the EDL unchanged into an empty diff', () => {
    const diff = diffCut(KNOWN, readCut(read(names.edl)));
    expect(diff).toEqual({ order: ['s1', 's2', 's3', 's4'], reordered: [], durations: [], removed: [], unknown: [], takeChanged: [], repeated: [] });
  });
});

describe('exportResolveFolder safety', () => {
  const fresh = () => {
    const out = fs.mkdtempSync(path.join(work, 'out-'));
    return { out, ...plan(out) };
  };

  it('refuses an existing folder unless told to replace it, and then replaces it whole', async () => {
    const { out, cut, target } = fresh();
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'old.txt'), 'old');
    await expect(exportResolveFolder({ cut, target })).rejects.toThrow(/already exists/);
    expect(fs.readdirSync(target)).toEqual(['old.txt']);
    await exportResolveFolder({ cut, target, replace: true });
    expect(fs.existsSync(path.join(target, 'old.txt'))).toBe(false);
    expect(fs.existsSync(path.join(target, 'Media', 'SC01_SH010_T02_runway.mp4'))).toBe(true);
    expect(fs.readdirSync(out)).toEqual([path.basename(target)]);
  });

  it('leaves nothing behind when canceled', async () => {
    const { out, cut, target } = fresh();
    const abort = new AbortController();
    const run = exportResolveFolder({ cut, target, signal: abort.signal, onProgress: (p) => p.done === 2 && abort.abort() });
    await expect(run).rejects.toThrow(/aborted/i);
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('turns a full disk into a clear error and leaves nothing behind', async () => {
    const { out, cut, target } = fresh();
    const full = async () => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    const run = exportResolveFolder({ cut, target, produceMedia: full });
    await expect(run).rejects.toThrow(UserError);
    await expect(exportResolveFolder({ cut, target, produceMedia: full })).rejects.toThrow(/disk is full/);
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('warns when the folder path is not ASCII, which Resolve may not link', async () => {
    const out = path.join(work, 'Café');
    fs.mkdirSync(out);
    const { cut, target } = plan(out);
    const result = await exportResolveFolder({ cut, target });
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/non-ASCII/);
  });

  it('refuses a cut planned for another folder', async () => {
    const { cut } = fresh();
    await expect(exportResolveFolder({ cut, target: path.join(work, 'elsewhere') })).rejects.toThrow(/another folder/);
  });
});
