// README.txt: how to bring the folder into Resolve, in the words of Resolve's menus, and the
// one-step relink after the folder moves (docs/resolve.md).
import type { ExportCut } from '../../../../shared/domain/cut';
import { formatRunningTime, framesToTimecode } from '../../../../shared/domain/timecode';
import type { exportFileNames } from '../planCut';

export interface ReadmeInput {
  cut: ExportCut;
  names: ReturnType<typeof exportFileNames>;
  folderName: string;
  createdAt: Date;
  hasShotList: boolean;
}

/** A name, then its description wrapped at about 90 columns and indented. */
function item(name: string, text: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length > 86) {
      lines.push(line);
      line = '';
    }
    line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return [name, ...lines.map((l) => `    ${l}`)].join('\n');
}

export function writeReadme({ cut, names, folderName, createdAt, hasShotList }: ReadmeInput): string {
  const frames = cut.clips.reduce((sum, c) => sum + c.recordOutFrames - c.recordInFrames, 0);
  const placeholders = cut.clips.filter((c) => c.take === null).length;
  const alternates = cut.clips.reduce((sum, c) => sum + c.alternates.length, 0);
  const firstSource = cut.clips[0] ? framesToTimecode(cut.clips[0].media.startTimecodeFrames) : '';
  const lines = [
    `${cut.title} - edit-ready folder for DaVinci Resolve`,
    `Exported by Shotline on ${createdAt.toISOString().slice(0, 10)}: ${cut.clips.length} shots, running time ${formatRunningTime(frames / cut.fps)},`,
    `${cut.fps} fps, ${cut.width}x${cut.height}, timeline from ${framesToTimecode(cut.startTimecodeFrames)}.`,
    '',
    'BRING IT INTO RESOLVE IN THREE STEPS',
    '',
    `1. In a new project (the timeline frame rate cannot change once media is in the Media Pool),`,
    `   choose File > Import > Timeline... and pick ${names.fcpxml}. In the dialog tick`,
    '   "Automatically import source clips into media pool" and "Automatically set project',
    `   settings" (${cut.fps} fps, ${cut.width}x${cut.height}). Clips are named after the shots; each clip's note holds its prompt.`,
    `2. File > Import Metadata to > Media Pool... and pick ${names.metadataCsv}. Match clips by`,
    '   FILE NAME, not timecode: scene, shot, take, description (action), comments (prompt) and',
    '   keywords (tool, draft/final) land on every clip.',
    `3. With the timeline open, Timelines > Import > Timeline Markers from EDL... and pick`,
    `   ${names.markersEdl}: a marker at the start of every shot with its label and action.`,
    '',
    'IF THIS FOLDER HAS MOVED',
    '',
    'The timeline files point at the place this folder was exported to. When Resolve asks where the',
    `clips are, choose this folder (${folderName}): Resolve searches all of its subfolders and`,
    'relinks every clip at once. If clips show offline later, select them in the Media Pool,',
    'right-click > Relink Selected Clips..., and choose this folder the same way.',
    '',
    'WHAT IS HERE',
    '',
    placeholders < cut.clips.length &&
      item(
        'Media/',
        `the selected take of each shot, ${cut.fps} fps, ${cut.width}x${cut.height}, named SC<scene>_SH<shot>_T<take>_<tool>. Each file has its own start timecode (the first ${firstSource}, the next ones on later minutes), and the whole take is there: what the cut leaves out is available as handles.`,
      ),
    placeholders > 0 && item('Placeholders/', `${placeholders} shot(s) with no take yet, as still clips of the planned length (_PH).`),
    alternates > 0 &&
      item(
        'Alternates/',
        `${alternates} other take(s), named the same way. Import the folder into the Media Pool to cut them in; their timecodes never overlap.`,
      ),
    cut.references.length > 0 && item('References/', 'the library images the shots use, named by tag.'),
    (cut.audio?.length ?? 0) > 0 &&
      item(
        'Audio/',
        `${cut.audio!.length} sound file(s), 48 kHz 24-bit WAV, each exactly what plays (trim, level and fades are in the file). In the FCPXML they are connected under the picture on their own lanes: dialogue (-1, A2), effects (-2, A3), music (-3, A4); the OTIO has one Audio track per lane. The music is not ducked in the files: duck it under the dialogue in Fairlight.`,
      ),
    item(
      names.edl,
      `the same cut as a CMX3600 EDL: import Media/ and Placeholders/ into the Media Pool first, then File > Import > Timeline... at ${cut.fps} fps; clips conform by their unique timecode.`,
    ),
    item(names.otio, 'the same cut as OpenTimelineIO (Resolve 18.5 and later).'),
    item(names.storyboardPdf, 'the storyboard: a cover and the shots as panels.'),
    hasShotList && item(names.shotListCsv, 'the shot list for spreadsheets, with estimated and actual costs.'),
    item(names.manifest, 'every file with its sha256, every shot with its takes and their provenance.'),
  ];
  return `${lines.filter((l): l is string => typeof l === 'string').join('\n')}\n`;
}
