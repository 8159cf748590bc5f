// Click-free seams: two clips' waveforms butted together click where they jump, so the outgoing
// clip fades out and the incoming one fades in over a few milliseconds. Web Audio gain ramps are
// sample-accurate and used where the media is same-origin (a cross-origin element routed through
// Web Audio would play silence); otherwise the element's volume is ramped on animation frames.
// The take-sound lane's level (mute, solo, fader) scales both. The AudioContext is shared with
// the music lane (musicAudio.ts).

type Fader = (to: number, ms: number) => void;

export class SeamAudio {
  private ctx: AudioContext | null = null;
  private faders = new Map<HTMLVideoElement, Fader>();
  private muted = false;
  /** The take-sound lane's gain: a GainNode for routed elements, a volume factor for the others. */
  private level = 1;
  private levelNode: GainNode | null = null;
  /** Where each element's own fade is heading (0–1), to rescale its volume when the level moves. */
  private targets = new Map<HTMLVideoElement, number>();
  /** Elements whose sound goes through Web Audio (same-origin media). */
  private routed = new Set<HTMLVideoElement>();

  constructor(private readonly videos: HTMLVideoElement[]) {}

  /** Call from a user gesture (pressing play): an AudioContext may only start from one. */
  unlock(): void {
    if (this.ctx) {
      void this.ctx.resume();
      return;
    }
    const Ctx = window.AudioContext;
    if (!Ctx) return;
    try {
      this.ctx = new Ctx({ latencyHint: 'interactive' });
    } catch {
      this.ctx = null;
    }
  }

  /** The context, once play has been pressed. */
  context(): AudioContext | null {
    return this.ctx;
  }

  setLevel(gain: number): void {
    this.level = gain;
    if (this.levelNode && this.ctx) this.levelNode.gain.setTargetAtTime(gain, this.ctx.currentTime, 0.01);
    for (const [el, to] of this.targets) if (!this.routed.has(el)) el.volume = Math.min(1, to * gain);
  }

  private output(ctx: AudioContext): AudioNode {
    if (!this.levelNode) {
      this.levelNode = ctx.createGain();
      this.levelNode.gain.value = this.level;
      this.levelNode.connect(ctx.destination);
    }
    return this.levelNode;
  }

  private fader(el: HTMLVideoElement): Fader {
    const have = this.faders.get(el);
    if (have) return have;
    let fader: Fader;
    const ctx = this.ctx;
    if (ctx && sameOrigin(el.currentSrc || el.src)) {
      const gain = ctx.createGain();
      ctx.createMediaElementSource(el).connect(gain).connect(this.output(ctx));
      this.routed.add(el);
      fader = (to, ms) => {
        const t = ctx.currentTime;
        gain.gain.cancelScheduledValues(t);
        gain.gain.setValueAtTime(gain.gain.value, t);
        gain.gain.linearRampToValueAtTime(to, t + Math.max(0.001, ms / 1000));
      };
    } else {
      let raf = 0;
      fader = (target, ms) => {
        cancelAnimationFrame(raf);
        // Volume cannot go past 1: a level above 0 dB is heard only where Web Audio carries the sound.
        const to = Math.min(1, target * this.level);
        const from = el.volume;
        const t0 = performance.now();
        const tick = () => {
          const k = ms <= 0 ? 1 : Math.min(1, (performance.now() - t0) / ms);
          el.volume = from + (to - from) * k;
          if (k < 1) raf = requestAnimationFrame(tick);
        };
        tick();
      };
    }
    this.faders.set(el, fader);
    return fader;
  }

  fadeOut(el: HTMLVideoElement, ms: number): void {
    this.fade(el, 0, ms);
  }

  fadeIn(el: HTMLVideoElement, ms: number): void {
    this.apply(el);
    this.fade(el, 1, ms);
  }

  /** Silence before a clip starts, so its first samples ramp up from nothing. */
  silence(el: HTMLVideoElement): void {
    this.fade(el, 0, 0);
  }

  private fade(el: HTMLVideoElement, to: number, ms: number): void {
    this.targets.set(el, to);
    this.fader(el)(to, ms);
  }

  /** Fast shuttle speeds are muted: pitch-corrected 4× audio is noise, not information. */
  setMuted(muted: boolean): void {
    this.muted = muted;
    for (const el of this.videos) this.apply(el);
  }

  private apply(el: HTMLVideoElement): void {
    el.muted = this.muted;
  }

  close(): void {
    void this.ctx?.close();
    this.ctx = null;
    this.levelNode = null;
    this.faders.clear();
    this.routed.clear();
    this.targets.clear();
  }
}

function sameOrigin(src: string): boolean {
  try {
    return new URL(src, location.href).origin === location.origin;
  } catch {
    return false;
  }
}
