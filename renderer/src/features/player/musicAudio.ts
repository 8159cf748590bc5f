// A lane of clips in the player: the music beds, and the spoken lines and effects the same way.
// Each clip decoded once (fetched from its media URL) and played as an AudioBufferSourceNode
// started at the right context time from the playhead, its gain (level, fades, duck) as
// automation on its own GainNode, all through the lane's level. Started
// when playing picture first shows, stopped by every pause and seek (the engine restarts it), and
// restarted when it drifts from the picture (a loop wrapping, a stalled clip).
import { scheduleBeds, type BedSource, type MixSettings, type ScheduledBed } from './musicSchedule';

/** Further apart than this, music and picture are put back together. Above a frame of jitter plus output latency. */
const DRIFT_S = 0.2;
/** Fade on stop, so a bed cut off mid-note does not click. */
const STOP_RAMP_S = 0.015;

export class MusicAudio {
  private beds: BedSource[] = [];
  private mix: MixSettings = { speech: [], duckDb: 0 };
  private level = 1;
  private bus: GainNode | null = null;
  private buffers = new Map<string, Promise<AudioBuffer | null>>();
  /** The playhead at a context time, while running. */
  private anchor: { ctxTime: number; positionS: number } | null = null;
  private sources = new Set<{ src: AudioBufferSourceNode; gain: GainNode }>();
  private token = 0;

  constructor(
    private readonly context: () => AudioContext | null,
    /** Told how many sources are scheduled, whenever that changes. */
    private readonly onCount: (n: number) => void,
  ) {}

  /**
   * The clips and how they duck; fetched and decoded now, so that pressing play waits on neither
   * and a clip at the playhead sounds from its first sample.
   */
  setBeds(beds: BedSource[], mix: MixSettings): void {
    this.beds = beds;
    this.mix = mix;
    // Beds gone from the lane let go of their sound.
    const urls = new Set(beds.map((b) => b.url));
    for (const url of this.buffers.keys()) if (!urls.has(url)) this.buffers.delete(url);
    for (const b of beds) void this.buffer(b.url);
    const at = this.position();
    if (at !== null) this.start(at);
  }

  setLevel(gain: number): void {
    this.level = gain;
    const ctx = this.context();
    if (this.bus && ctx) this.bus.gain.setTargetAtTime(gain, ctx.currentTime, 0.01);
  }

  /** Plays from timeline second `positionS`, now. */
  start(positionS: number): void {
    const ctx = this.context();
    this.stop();
    if (!ctx) return;
    const token = this.token;
    this.anchor = { ctxTime: ctx.currentTime, positionS };
    for (const bed of this.beds) {
      void this.buffer(bed.url).then((buffer) => {
        if (!buffer || token !== this.token) return;
        // Decoding took time: schedule from where the playhead is by now.
        const [plan] = scheduleBeds([bed], this.position()!, this.mix);
        if (plan) this.play(ctx, buffer, plan);
      });
    }
  }

  /** Called with each frame the picture shows: restarts the music when the two have come apart. */
  follow(positionS: number): void {
    const at = this.position();
    if (at !== null && Math.abs(at - positionS) > DRIFT_S) this.start(positionS);
  }

  stop(): void {
    this.token++;
    this.anchor = null;
    const ctx = this.context();
    for (const s of this.sources) {
      s.src.onended = null;
      if (ctx) {
        const t = ctx.currentTime;
        s.gain.gain.cancelScheduledValues(t);
        s.gain.gain.setValueAtTime(s.gain.gain.value, t);
        s.gain.gain.linearRampToValueAtTime(0, t + STOP_RAMP_S);
        s.src.stop(t + STOP_RAMP_S);
      }
    }
    if (this.sources.size) {
      this.sources.clear();
      this.onCount(0);
    }
  }

  close(): void {
    this.stop();
    this.buffers.clear();
    this.bus = null;
  }

  /** Timeline seconds the music is at, or null when it is not running. */
  private position(): number | null {
    const ctx = this.context();
    return this.anchor && ctx ? this.anchor.positionS + (ctx.currentTime - this.anchor.ctxTime) : null;
  }

  private output(ctx: AudioContext): GainNode {
    if (this.bus?.context !== ctx) {
      this.bus = ctx.createGain();
      this.bus.gain.value = this.level;
      this.bus.connect(ctx.destination);
    }
    return this.bus;
  }

  private buffer(url: string): Promise<AudioBuffer | null> {
    let hit = this.buffers.get(url);
    if (!hit) {
      hit = fetchBytes(url).then((b) => (b ? decode(this.context(), b) : null));
      this.buffers.set(url, hit);
    }
    return hit;
  }

  private play(ctx: AudioContext, buffer: AudioBuffer, plan: ScheduledBed): void {
    const now = ctx.currentTime;
    const src = ctx.createBufferSource();
    src.buffer = buffer;
    const gain = ctx.createGain();
    const [first, ...rest] = plan.envelope;
    gain.gain.setValueAtTime(first?.gain ?? 1, now + (first?.t ?? 0));
    for (const p of rest) gain.gain.linearRampToValueAtTime(p.gain, now + p.t);
    src.connect(gain).connect(this.output(ctx));
    const entry = { src, gain };
    src.onended = () => {
      if (this.sources.delete(entry)) this.onCount(this.sources.size);
    };
    src.start(now + plan.startIn, Math.min(plan.offsetS, buffer.duration), plan.durationS);
    this.sources.add(entry);
    this.onCount(this.sources.size);
  }
}

let offline: OfflineAudioContext | null = null;

/**
 * Decodes with the playing context, or before there is one (it may only start from a press of
 * play) with an offline context: an AudioBuffer plays in any context.
 */
function decode(ctx: AudioContext | null, bytes: ArrayBuffer): Promise<AudioBuffer | null> {
  if (!ctx && typeof OfflineAudioContext !== 'undefined') offline ??= new OfflineAudioContext(2, 1, 48_000);
  const decoder = ctx ?? offline;
  return decoder ? decoder.decodeAudioData(bytes).catch(() => null) : Promise.resolve(null);
}

function fetchBytes(url: string): Promise<ArrayBuffer | null> {
  return fetch(url)
    .then((r) => (r.ok ? r.arrayBuffer() : null))
    .catch(() => null);
}
