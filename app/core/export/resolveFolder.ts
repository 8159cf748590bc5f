// Writes the edit-ready folder. Everything goes into a hidden temp folder beside the target and
// is renamed into place only when complete, so a failed or canceled export leaves no half folder.
import { CORES, mapLimit } from '../mapLimit';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { cutMedia, type ClipMedia, type ExportCut } from '../../../shared/domain/cut';
import { renderAudioFile } from './audioFiles';
import type { ProjectSnapshot, Scene } from '../../../shared/domain/types';
import { UserError } from '../errors';
import { sha256File } from '../media/store';
import { metadataCsv, shotListCsv } from './formats/csv';
import { writeEdl, writeMarkersEdl } from './formats/edl';
import { writeFcpxml } from './formats/fcpxml';
import { writeManifest, type ManifestFile } from './formats/manifest';
import { writeOtio } from './formats/otio';
import { writeStoryboardPdf, type StoryboardInput } from './formats/pdf';
import { storyboardScenes } from './storyboard';
import { exportFileNames } from './planCut';
import { writeReadme } from './formats/readme';
import { scratchDir } from '../media/scratch';

export type ExportStep = 'media' | 'timelines' | 'metadata' | 'storyboard' | 'manifest' | 'finish';

export interface ExportProgress {
  step: ExportStep;
  /** What is being done, for people: "Media/SC01_SH010_T02_runway.mp4". */
  detail: string;
  done: number;
  total: number;
}

/** Makes one media file at `dest` from `media.sourcePath`: conform a take, render a placeholder. */
export type ProduceMedia = (media: ClipMedia, dest: string, signal?: AbortSignal) => Promise<void>;

export interface ResolveExportOptions {
  /** Planned for `target` (planCut's targetDir): the timelines reference files there. */
  cut: ExportCut;
  target: string;
  /** Replace an existing target; otherwise an existing target is an error the caller asks about. */
  replace?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
  /** Default: copy the file, for media that already conform. */
  produceMedia?: ProduceMedia;
  /** The frame for each shot's storyboard panel, by shot id (null or missing: a card). */
  storyboardFrames?: Readonly<Record<string, string | null>>;
  /** The project's scenes, for the storyboard's scene headings; without them a heading is "SCENE n" alone. */
  scenes?: ReadonlyArray<Pick<Scene, 'number' | 'name'>>;
  fonts?: StoryboardInput['fonts'];
  paper?: StoryboardInput['paper'];
  /** When given, `<Title>_shotlist.csv` is written too. */
  shotList?: { snapshot: ProjectSnapshot; actualUsd?: Readonly<Record<string, number>> };
  /** Provenance of each shot's takes, by shot id, copied into manifest.json as given. */
  provenance?: Readonly<Record<string, unknown>>;
  now?: Date;
}

export interface ResolveExportResult {
  folder: string;
  files: ManifestFile[];
  /** Things that will not stop the export but the user should know. */
  warnings: string[];
}

const copyMedia: ProduceMedia = async (media, dest) => {
  // A clone where the filesystem can (APFS, btrfs), a plain copy elsewhere.
  await fs.promises.copyFile(media.sourcePath, dest, fs.constants.COPYFILE_FICLONE);
};

const isCode = (err: unknown, code: string) => (err as NodeJS.ErrnoException | null)?.code === code;

export async function exportResolveFolder(options: ResolveExportOptions): Promise<ResolveExportResult> {
  const { cut, signal } = options;
  const target = path.resolve(options.target);
  const now = options.now ?? new Date();
  const names = exportFileNames(cut.title);
  const media = cutMedia(cut);
  for (const m of media) {
    if (m.path !== path.join(target, m.folder, m.fileName)) throw new Error(`the cut was planned for another folder than ${target} (${m.path})`);
  }
  if (fs.existsSync(target) && !options.replace) {
    throw new UserError(`"${target}" already exists. Choose another folder, or confirm that the export should replace it.`);
  }
  const warnings: string[] = [];
  if (/[^\x20-\x7e]/.test(target)) {
    warnings.push(
      `The export folder's path has non-ASCII characters (${target}). Resolve may fail to link media at such paths: if clips show offline, move the folder to a plain-ASCII path and relink.`,
    );
  }

  const audio = cut.audio ?? [];
  const total = media.length + audio.length + cut.references.length + 5;
  let done = 0;
  const report = (step: ExportStep, detail: string) => {
    signal?.throwIfAborted();
    options.onProgress?.({ step, detail, done: done++, total });
  };

  signal?.throwIfAborted();
  const temp = scratchDir(path.dirname(target), 'export');
  try {
    const produce = options.produceMedia ?? copyMedia;
    for (const folder of new Set(media.map((m) => m.folder))) fs.mkdirSync(path.join(temp, folder), { recursive: true });
    // A file each core at a time: most are a copy or a remux, bound by process start and the disk.
    await mapLimit(media, CORES, async (m) => {
      report('media', `${m.folder}/${m.fileName}`);
      await produce(m, path.join(temp, m.folder, m.fileName), signal);
    });
    if (audio.length > 0) fs.mkdirSync(path.join(temp, 'Audio'), { recursive: true });
    await mapLimit(audio, CORES, async (a) => {
      report('media', `Audio/${a.fileName}`);
      await renderAudioFile(a, path.join(temp, 'Audio', a.fileName), signal);
    });
    for (const ref of cut.references) {
      report('media', `References/${ref.fileName}`);
      fs.mkdirSync(path.join(temp, 'References'), { recursive: true });
      await fs.promises.copyFile(ref.sourcePath, path.join(temp, 'References', ref.fileName), fs.constants.COPYFILE_FICLONE);
    }
    const write = (name: string, content: string | Buffer) => fs.writeFileSync(path.join(temp, name), content);

    report('timelines', `${names.fcpxml}, ${names.edl}, ${names.otio}`);
    write(names.fcpxml, writeFcpxml(cut));
    write(names.edl, writeEdl(cut));
    write(names.markersEdl, writeMarkersEdl(cut));
    write(names.otio, writeOtio(cut));

    report('metadata', names.metadataCsv);
    write(names.metadataCsv, metadataCsv(cut));
    if (options.shotList) write(names.shotListCsv, shotListCsv(options.shotList.snapshot, options.shotList.actualUsd));
    write(names.readme, writeReadme({ cut, names, folderName: path.basename(target), createdAt: now, hasShotList: !!options.shotList }));

    report('storyboard', names.storyboardPdf);
    const shots = cut.clips.map((clip) => ({ ...clip, durationS: (clip.recordOutFrames - clip.recordInFrames) / cut.fps }));
    const storyboard = await writeStoryboardPdf({
      title: cut.title,
      credits: cut.credits,
      aspectRatio: cut.aspectRatio,
      ...storyboardScenes(
        shots,
        options.scenes ?? [],
        (shotId) => options.storyboardFrames?.[shotId] ?? null,
        options.shotList?.snapshot.project.customColumns,
      ),
      date: now,
      fonts: options.fonts,
      paper: options.paper,
    });
    write(names.storyboardPdf, storyboard.pdf);

    report('manifest', names.manifest);
    const files = await hashTree(temp);
    write(names.manifest, writeManifest({ cut, files, provenance: options.provenance ?? {}, createdAt: now }));

    report('finish', path.basename(target));
    moveIntoPlace(temp, target, !!options.replace);
    options.onProgress?.({ step: 'finish', detail: target, done: total, total });
    return { folder: target, files, warnings };
  } catch (err) {
    fs.rmSync(temp, { recursive: true, force: true });
    if (isCode(err, 'ENOSPC')) {
      throw new UserError(
        `The disk is full: the export to "${target}" was not written and nothing was left behind. Free some space or export to another disk, then try again.`,
      );
    }
    throw err;
  }
}

/** Every file under `root` (relative, "/"-separated) with its size and sha256. */
async function hashTree(root: string): Promise<ManifestFile[]> {
  const out: ManifestFile[] = [];
  for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    out.push({ path: path.relative(root, full).split(path.sep).join('/'), bytes: fs.statSync(full).size, sha256: await sha256File(full) });
  }
  return out;
}

/** Renames the finished temp folder to `target`; an old target is set aside first and restored on failure. */
function moveIntoPlace(temp: string, target: string, replace: boolean): void {
  if (!(replace && fs.existsSync(target))) {
    fs.renameSync(temp, target);
    return;
  }
  const old = path.join(path.dirname(target), `.${path.basename(target)}.old-${randomBytes(4).toString('hex')}`);
  fs.renameSync(target, old);
  try {
    fs.renameSync(temp, target);
  } catch (err) {
    fs.renameSync(old, target);
    throw err;
  }
  fs.rmSync(old, { recursive: true, force: true });
}
