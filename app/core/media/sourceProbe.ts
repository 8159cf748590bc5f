// What the conform needs to know about a video file, read from ffprobe's JSON. Kept with the file's
// asset when a take arrives (the check runs ffprobe anyway), so exports and animatics need not
// probe it again.
/** What the conform needs to know about a source, from one ffprobe run. */
export interface SourceProbe {
  codec: string | null;
  profile: string | null;
  pixFmt: string | null;
  width: number | null;
  height: number | null;
  /** "1:1", or null when the file does not say (read as square). */
  sar: string | null;
  rFrameRate: string | null;
  avgFrameRate: string | null;
  /** The video stream's time base ("1/12288"): files joined by stream copy must share it. */
  timeBase: string | null;
  /** Frames the container declares (cheap; no decoding). */
  frames: number | null;
  durationS: number | null;
  audio: { codec: string; sampleRate: number; channels: number } | null;
}

type Json = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' && v !== 'N/A' ? v : null);
const num = (v: unknown) => {
  const n = typeof v === 'number' || typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
};

export function parseSourceProbe(json: { streams?: Json[]; format?: Json }): SourceProbe {
  const streams = json.streams ?? [];
  const v = streams.find((s) => s.codec_type === 'video' && !(s.disposition as Json | undefined)?.attached_pic) ?? {};
  const a = streams.find((s) => s.codec_type === 'audio');
  return {
    codec: str(v.codec_name),
    profile: str(v.profile),
    pixFmt: str(v.pix_fmt),
    width: num(v.width),
    height: num(v.height),
    sar: str(v.sample_aspect_ratio),
    rFrameRate: str(v.r_frame_rate),
    avgFrameRate: str(v.avg_frame_rate),
    timeBase: str(v.time_base),
    frames: num(v.nb_frames),
    durationS: num(json.format?.duration) ?? num(v.duration),
    audio: a ? { codec: str(a.codec_name) ?? '', sampleRate: num(a.sample_rate) ?? 0, channels: num(a.channels) ?? 0 } : null,
  };
}
