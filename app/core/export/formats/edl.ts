// The cut as a CMX3600 EDL (docs/resolve.md, CMX3600 EDL), and the shot markers as Resolve's own timeline-marker
// EDL. EDLs are ASCII, one video track, 24 fps non-drop, at most 999 events.
import { asciiText, type ExportClip, type ExportCut } from '../../../../shared/domain/cut';
import { framesToTimecode } from '../../../../shared/domain/timecode';
import { UserError } from '../../errors';

const MAX_EVENTS = 999;

function header(title: string): string {
  return `TITLE: ${asciiText(title).trim().slice(0, 70) || 'UNTITLED'}\nFCM: NON-DROP FRAME\n`;
}

function checkEventCount(cut: ExportCut): void {
  if (cut.clips.length > MAX_EVENTS) {
    throw new UserError(`An EDL holds at most ${MAX_EVENTS} events and this cut has ${cut.clips.length} shots. Use the FCPXML or OTIO timeline instead.`);
  }
}

/** `001  AX       V     C        src_in src_out rec_in rec_out`, the column layout of [CMX] EventLine. */
function eventLine(event: number, reel: string, srcIn: number, srcOut: number, recIn: number, recOut: number): string {
  const tc = [srcIn, srcOut, recIn, recOut].map((f) => framesToTimecode(f)).join(' ');
  return `${String(event).padStart(3, '0')}  ${reel.padEnd(8)} V     C        ${tc}`;
}

function event(clip: ExportClip, n: number): string {
  const src = clip.media.startTimecodeFrames;
  const comment = asciiText([clip.label, clip.action].filter(Boolean).join(': ')).slice(0, 120);
  return [
    // Reel AX, as Resolve writes for files without a reel: Resolve conforms an EDL by source
    // timecode, which is unique per file, so no shortened file name can mislead it.
    eventLine(n, 'AX', src + clip.sourceInFrames, src + clip.sourceOutFrames, clip.recordInFrames, clip.recordOutFrames),
    // Resolve reads the clip name from this comment; two spaces as Avid writes it.
    `* FROM CLIP NAME:  ${clip.media.fileName}`,
    `* SOURCE FILE: ${clip.media.path}`,
    `* COMMENT: ${comment}`,
  ].join('\n');
}

export function writeEdl(cut: ExportCut): string {
  checkEventCount(cut);
  return `${header(cut.title)}\n${cut.clips.map((c, i) => event(c, i + 1)).join('\n')}\n`;
}

/** Text for a `|`-separated marker field: ASCII, one line, no separators. */
function markerField(text: string): string {
  return asciiText(text).replace(/\|/g, '/').trim();
}

/**
 * One-frame events at each shot's first record frame with ` |C:color |M:name |D:frames`, the format
 * of Timelines › Import › Timeline Markers from EDL: name = label, note = action.
 */
export function writeMarkersEdl(cut: ExportCut): string {
  checkEventCount(cut);
  const events = cut.clips.map((clip, i) => {
    const color = clip.take === null ? 'ResolveColorYellow' : 'ResolveColorBlue';
    const name = clip.take === null ? `${clip.label} PLACEHOLDER` : clip.label;
    const line = eventLine(i + 1, '001', clip.recordInFrames, clip.recordInFrames + 1, clip.recordInFrames, clip.recordInFrames + 1);
    return `${line}  \n${markerField(clip.action)} |C:${color} |M:${markerField(name)} |D:1\n`;
  });
  return `${header(`${cut.title} markers`)}\n${events.join('\n')}`;
}
