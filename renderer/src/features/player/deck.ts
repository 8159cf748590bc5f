// A small pool of stacked <video> elements (three: the one on screen, the next clip parked on
// its first frame, and a spare for scrubbing back). However long the cut, only these exist.
// Layers are never hidden, only restacked: the one in front is opaque and covers the others, so
// a clip is brought forward only once it has a decoded frame to show (no black flash).

export interface Slot {
  el: HTMLVideoElement;
  src: string | null;
  /** Last use, to pick the least recently used slot for a new clip. */
  used: number;
  /** Media time asked for and not yet reached (seeks are coalesced while one is in flight). */
  wantTime: number | null;
  seeking: boolean;
  /** Resolvers waiting for the slot to show `wantTime`. */
  waiters: Array<() => void>;
}

/** Puts a layer in front of its sibling layers (which one is behind it does not matter: it is opaque). */
export function bringToFront(el: HTMLElement): void {
  for (const layer of el.parentElement?.children ?? []) {
    if (layer instanceof HTMLElement && layer.classList.contains('player-layer')) layer.style.zIndex = layer === el ? '2' : '1';
  }
}

export class VideoDeck {
  readonly slots: Slot[];
  private clock = 0;
  private listening = new AbortController();

  constructor(elements: HTMLVideoElement[]) {
    this.slots = elements.map((el) => ({ el, src: null, used: 0, wantTime: null, seeking: false, waiters: [] }));
    const { signal } = this.listening;
    for (const slot of this.slots) {
      slot.el.preload = 'auto';
      slot.el.playsInline = true;
      slot.el.disablePictureInPicture = true;
      slot.el.addEventListener('seeked', () => this.onSeeked(slot), { signal });
      slot.el.addEventListener('loadedmetadata', () => this.applySeek(slot), { signal });
      // An unreadable file must not leave anyone waiting: the picture just stays where it was.
      slot.el.addEventListener('error', () => ((slot.seeking = false), (slot.wantTime = null), this.resolve(slot)), { signal });
    }
  }

  /** The slot holding `src`, else the least recently used one not in `keep`, loaded with it. */
  acquire(src: string, keep: ReadonlyArray<Slot | null> = []): Slot {
    const have = this.slots.find((s) => s.src === src);
    if (have) {
      have.used = ++this.clock;
      return have;
    }
    const free = this.slots.filter((s) => !keep.includes(s)).sort((a, b) => a.used - b.used)[0] ?? this.slots[0]!;
    free.el.pause();
    this.resolve(free); // anyone waiting on the old clip gives up: it is gone
    free.src = src;
    free.used = ++this.clock;
    free.wantTime = null;
    free.seeking = false;
    free.el.src = src;
    free.el.load();
    return free;
  }

  /** Seeks the slot to `time` (seconds); resolves once that frame is decoded and can be shown. */
  park(slot: Slot, time: number): Promise<void> {
    return new Promise((resolve) => {
      slot.waiters.push(resolve);
      slot.wantTime = time;
      this.applySeek(slot);
    });
  }

  /** True when the slot already shows `time` (within a fraction of a frame) and nothing is pending. */
  isAt(slot: Slot, time: number): boolean {
    return !slot.seeking && slot.wantTime === null && slot.el.readyState >= 2 && Math.abs(slot.el.currentTime - time) < 0.01;
  }

  private applySeek(slot: Slot): void {
    const want = slot.wantTime;
    if (want === null || slot.seeking) return;
    const el = slot.el;
    if (el.readyState < 1) return; // loadedmetadata will call again
    if (Math.abs(el.currentTime - want) < 0.001 && el.readyState >= 2) {
      slot.wantTime = null;
      this.resolve(slot);
      return;
    }
    slot.seeking = true;
    el.currentTime = want;
  }

  private onSeeked(slot: Slot): void {
    slot.seeking = false;
    const el = slot.el;
    if (slot.wantTime !== null && Math.abs(el.currentTime - slot.wantTime) >= 0.001) {
      this.applySeek(slot); // a newer target arrived while seeking
      return;
    }
    slot.wantTime = null;
    this.resolve(slot);
  }

  private resolve(slot: Slot): void {
    const waiters = slot.waiters;
    slot.waiters = [];
    for (const w of waiters) w();
  }

  /** Stops every clip and lets go of the media (the player is going away). */
  release(): void {
    this.listening.abort();
    for (const slot of this.slots) {
      slot.el.pause();
      slot.el.removeAttribute('src');
      slot.el.load();
      slot.src = null;
      this.resolve(slot);
    }
  }
}
