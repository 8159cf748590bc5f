// The cut as FCPXML 1.10, one `.fcpxml` file: the version every Resolve from 18.5 on imports
// (docs/resolve.md, FCPXML version) in the shape of the timelines Resolve itself exports.
import { FCPXML_AUDIO_LANE, type ClipMedia, type ExportAudio, type ExportClip, type ExportCut } from '../../../../shared/domain/cut';
import { fcpxTime, FRAME_DURATION } from './fcpxTime';
import { fileUrl } from './fileUrl';
import { element, textElement } from './xml';

export const FCPXML_VERSION = '1.10';

/** Low enough to be inaudible; FCPXML has no "muted" for a clip's own sound. */
const SILENCED = '-96dB';

/** Format names Final Cut gives the standard 24p sizes; other sizes go without one (it is optional). */
const FORMAT_NAMES: Record<string, string> = { '1920x1080': 'FFVideoFormat1080p24', '1280x720': 'FFVideoFormat720p24' };

function stem(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(0, dot) : fileName;
}

function asset(id: string, media: ClipMedia): string {
  return element(
    'asset',
    {
      id,
      name: stem(media.fileName),
      // the asset starts at the file's embedded timecode, or Resolve cannot link it.
      start: fcpxTime(media.startTimecodeFrames),
      // The whole file: what lies beyond the clip's trim stays available as handles.
      duration: fcpxTime(media.durationFrames),
      hasVideo: 1,
      videoSources: 1,
      hasAudio: media.hasAudio ? 1 : 0,
      // Conformed audio is 48 kHz stereo (docs/resolve.md, Conformed clips).
      audioSources: media.hasAudio ? 1 : undefined,
      audioChannels: media.hasAudio ? 2 : undefined,
      audioRate: media.hasAudio ? 48000 : undefined,
      format: 'r1',
    },
    [element('media-rep', { kind: 'original-media', src: fileUrl(media.path) })],
  );
}

/** The prompt (and what else the editor should know) as the clip's note. */
function noteText(clip: ExportClip): string {
  const alternates = clip.alternates.map((a) => `T${String(a.take).padStart(2, '0')} ${a.media.fileName}`).join(', ');
  return [
    clip.prompt && `Prompt: ${clip.prompt}`,
    clip.dialogue && `Dialogue: ${clip.dialogue}`,
    clip.take === null ? 'Placeholder: no take generated yet.' : `Take ${clip.take} (${clip.tool}, ${clip.tier})`,
    clip.takeSoundOff && 'Take sound silenced: the shot plays its dialogue and effects (on the audio lanes) instead.',
    alternates && `Alternates (in Alternates/): ${alternates}`,
  ]
    .filter(Boolean)
    .join('\n');
}

/** An Audio/ file: sound only, 48 kHz stereo, starting at zero (WAVs carry no timecode). */
function audioAsset(id: string, audio: ExportAudio): string {
  return element(
    'asset',
    { id, name: stem(audio.fileName), start: '0s', duration: fcpxTime(audio.durationFrames), hasAudio: 1, audioSources: 1, audioChannels: 2, audioRate: 48000 },
    [element('media-rep', { kind: 'original-media', src: fileUrl(audio.path) })],
  );
}

/**
 * A sound connected to the picture clip it starts under, on its lane below the picture
 * (dialogue -1, effects -2, music -3), named by its role. `offset` is on the parent's own axis.
 */
function connectedAudio(audio: ExportAudio, ref: string, parent: ExportClip): string {
  const parentStart = parent.media.startTimecodeFrames + parent.sourceInFrames;
  return element('asset-clip', {
    name: audio.name,
    ref,
    lane: FCPXML_AUDIO_LANE[audio.lane],
    offset: fcpxTime(parentStart + (audio.recordInFrames - parent.recordInFrames)),
    start: '0s',
    duration: fcpxTime(audio.durationFrames),
    audioRole: audio.lane,
  });
}

function assetClip(clip: ExportClip, ref: string, connected: string[] = []): string {
  const start = clip.media.startTimecodeFrames + clip.sourceInFrames;
  return element(
    'asset-clip',
    {
      name: clip.label,
      ref,
      offset: fcpxTime(clip.recordInFrames),
      // The in point on the file's own timecode axis (embedded start + trim).
      start: fcpxTime(start),
      duration: fcpxTime(clip.recordOutFrames - clip.recordInFrames),
      tcFormat: 'NDF',
    },
    [
      // DTD order: note first, the volume, connected clips, then markers. A marker's start is on the clip's source axis.
      textElement('note', noteText(clip)),
      // Kept on the clip, where the editor can bring it back, but not heard.
      ...(clip.takeSoundOff ? [element('adjust-volume', { amount: SILENCED })] : []),
      ...connected,
      element('marker', { start: fcpxTime(start), duration: FRAME_DURATION, value: clip.label, note: clip.action || undefined }),
    ],
  );
}

/**
 * Alternates are not put on the timeline: no public source documents Resolve support for FCPXML
 * auditions or for reading extra lanes as takes, so they travel as files in Alternates/ (named in
 * each clip's note, the metadata CSV and the manifest) for the editor to bring in by hand.
 */
export function writeFcpxml(cut: ExportCut): string {
  const refs = cut.clips.map((_, i) => `r${i + 2}`);
  const audio = cut.audio ?? [];
  const audioRefs = audio.map((_, i) => `r${cut.clips.length + 2 + i}`);
  // Each sound hangs from the picture clip it starts under.
  const under = (a: ExportAudio) => cut.clips.findIndex((c) => a.recordInFrames >= c.recordInFrames && a.recordInFrames < c.recordOutFrames);
  const connected = cut.clips.map((_, ci) => audio.flatMap((a, ai) => (under(a) === ci ? [connectedAudio(a, audioRefs[ai]!, cut.clips[ci]!)] : [])));
  const format = element('format', {
    id: 'r1',
    name: FORMAT_NAMES[`${cut.width}x${cut.height}`],
    frameDuration: FRAME_DURATION,
    width: cut.width,
    height: cut.height,
    colorSpace: '1-1-1 (Rec. 709)',
  });
  const resources = element('resources', {}, [
    format,
    ...cut.clips.map((c, i) => asset(refs[i]!, c.media)),
    ...audio.map((a, i) => audioAsset(audioRefs[i]!, a)),
  ]);
  const last = cut.clips.at(-1);
  const duration = last ? last.recordOutFrames - cut.startTimecodeFrames : 0;
  const sequence = element(
    'sequence',
    {
      format: 'r1',
      duration: fcpxTime(duration),
      // a timeline starting at 01:00:00:00, as Resolve's own exports have it.
      tcStart: fcpxTime(cut.startTimecodeFrames),
      tcFormat: 'NDF',
      audioLayout: 'stereo',
      audioRate: '48k',
    },
    [
      element(
        'spine',
        {},
        cut.clips.map((c, i) => assetClip(c, refs[i]!, connected[i])),
      ),
    ],
  );
  const library = element('library', {}, [element('event', { name: cut.title }, [element('project', { name: cut.title }, [sequence])])]);
  const body = element('fcpxml', { version: FCPXML_VERSION }, [resources, library]);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE fcpxml>\n${body}\n`;
}
