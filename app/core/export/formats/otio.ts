// The cut as OpenTimelineIO JSON in the OTIO 0.15–0.18 schema set Resolve 18.5+ reads
// (docs/resolve.md, OpenTimelineIO: Clip.2, Marker.2, never Marker.3).
// All times are in media time at rate 24: a file stamped 02:00:00:00 starts at value 172800.
import { AUDIO_LANES, type ClipMedia, type ExportAudio, type ExportClip, type ExportCut } from '../../../../shared/domain/cut';
import { fileUrl } from './fileUrl';

/** A number OTIO stores as a double, printed with a decimal point ("24.0") as OTIO writes it. */
class Float {
  constructor(readonly value: number) {}
}

type Json = string | number | boolean | null | Float | Json[] | { [key: string]: Json };

function print(value: Json, indent: string): string {
  if (value instanceof Float) return Number.isInteger(value.value) ? value.value.toFixed(1) : String(value.value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const inner = indent + '    ';
    return `[\n${value.map((v) => inner + print(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const inner = indent + '    ';
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${print(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

function time(frames: number, rate: number): Json {
  return { OTIO_SCHEMA: 'RationalTime.1', rate: new Float(rate), value: new Float(frames) };
}

function range(startFrames: number, durationFrames: number, rate: number): Json {
  return { OTIO_SCHEMA: 'TimeRange.1', start_time: time(startFrames, rate), duration: time(durationFrames, rate) };
}

function reference(media: ClipMedia, rate: number): Json {
  return {
    OTIO_SCHEMA: 'ExternalReference.1',
    metadata: {},
    name: media.fileName,
    // The whole file on its own timecode axis: the handles beyond the trim stay reachable.
    available_range: range(media.startTimecodeFrames, media.durationFrames, rate),
    available_image_bounds: null,
    target_url: fileUrl(media.path),
  };
}

function clipJson(clip: ExportClip, rate: number): Json {
  const start = clip.media.startTimecodeFrames + clip.sourceInFrames;
  return {
    OTIO_SCHEMA: 'Clip.2',
    metadata: {
      shotline: {
        scene: clip.sceneNumber,
        shot: clip.label,
        take: clip.take,
        placeholder: clip.take === null,
        tool: clip.tool,
        tier: clip.tier,
        camera: clip.camera,
        prompt: clip.prompt,
        action: clip.action,
        dialogue: clip.dialogue,
        alternates: clip.alternates.map((a) => ({ take: a.take, tool: a.tool, file: a.media.fileName, target_url: fileUrl(a.media.path) })),
      },
    },
    name: clip.label,
    source_range: range(start, clip.sourceOutFrames - clip.sourceInFrames, rate),
    effects: [],
    markers: [
      {
        OTIO_SCHEMA: 'Marker.2',
        metadata: {},
        name: clip.label,
        color: clip.take === null ? 'YELLOW' : 'BLUE',
        comment: clip.action,
        marked_range: range(start, 0, rate),
      },
    ],
    enabled: true,
    media_references: { DEFAULT_MEDIA: reference(clip.media, rate) },
    active_media_reference_key: 'DEFAULT_MEDIA',
  };
}

function gap(frames: number, rate: number): Json {
  return { OTIO_SCHEMA: 'Gap.1', metadata: {}, name: '', source_range: range(0, frames, rate), effects: [], markers: [], enabled: true };
}

/** A sound from Audio/: the file plays from its start (or `skip` frames in), all of it. */
function audioClipJson(audio: ExportAudio, skip: number, rate: number): Json {
  return {
    OTIO_SCHEMA: 'Clip.2',
    metadata: { shotline: { lane: audio.lane, name: audio.name } },
    name: audio.name,
    source_range: range(skip, audio.durationFrames - skip, rate),
    effects: [],
    markers: [],
    enabled: true,
    media_references: {
      DEFAULT_MEDIA: {
        OTIO_SCHEMA: 'ExternalReference.1',
        metadata: {},
        name: audio.fileName,
        available_range: range(0, audio.durationFrames, rate),
        available_image_bounds: null,
        target_url: fileUrl(audio.path),
      },
    },
    active_media_reference_key: 'DEFAULT_MEDIA',
  };
}

export function writeOtio(cut: ExportCut): string {
  const rate = cut.fps;
  const container = (schema: string, name: string, children: Json[], extra: Record<string, Json> = {}): Json => ({
    OTIO_SCHEMA: schema,
    metadata: {},
    name,
    ...extra,
    source_range: null,
    effects: [],
    markers: [],
    enabled: true,
    children,
  });
  const track = container(
    'Track.1',
    'V1',
    cut.clips.map((c) => clipJson(c, rate)),
    { kind: 'Video' },
  );
  // One Audio track per sound lane in use (dialogue, effects, music), gaps between its pieces.
  const audioTracks = AUDIO_LANES.flatMap((lane, n) => {
    const pieces = (cut.audio ?? []).filter((a) => a.lane === lane).sort((a, b) => a.recordInFrames - b.recordInFrames);
    if (pieces.length === 0) return [];
    const children: Json[] = [];
    let at = cut.startTimecodeFrames;
    for (const a of pieces) {
      // A piece that overlaps the one before starts where that one ends on this single track.
      const start = Math.max(at, a.recordInFrames);
      const skip = start - a.recordInFrames;
      if (skip >= a.durationFrames) continue;
      if (start > at) children.push(gap(start - at, rate));
      children.push(audioClipJson(a, skip, rate));
      at = start + a.durationFrames - skip;
    }
    return [container('Track.1', `A${n + 2} ${lane}`, children, { kind: 'Audio' })];
  });
  const timeline: Json = {
    OTIO_SCHEMA: 'Timeline.1',
    // The namespace Resolve's own OTIO exports carry; optional but harmless.
    metadata: { Resolve_OTIO: { 'Resolve OTIO Meta Version': '1.0' }, shotline: { title: cut.title, width: cut.width, height: cut.height } },
    name: cut.title,
    global_start_time: time(cut.startTimecodeFrames, rate),
    tracks: container('Stack.1', 'tracks', [track, ...audioTracks]),
  };
  return `${print(timeline, '')}\n`;
}
