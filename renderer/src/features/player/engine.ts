// The player engine: plays the cut on a few stacked layers, imperatively (React only renders the
// empty stage and reads the state this publishes). While a clip plays forward its <video> is the
// clock (what is on screen is what the timecode says); stills, held last frames and reverse play
// run on a wall clock. Seams are scheduled from the frame callback of the outgoing clip's last
// frame, with the next clip already parked on its first frame (see seam.ts). The music, dialogue
// and effects lanes play on Web Audio beside them (musicAudio.ts), started when playing picture
// first shows, and only at 1× forward like the takes' own sound.
import type { Interval } from '../../../../shared/domain/sound';
import { TIMELINE_FPS } from '../../../../shared/domain/timecode';
import { VideoDeck, bringToFront, type Slot } from './deck';
import { SeamAudio } from './audio';
import { StateStore, watchFrames, type FrameMeta } from './frames';
import { frameInItem, frameToMediaTime, itemIndexAt, recordFrameFromMedia, totalFrames, type PlayItem } from './items';
import { MusicAudio } from './musicAudio';
import type { BedSource } from './musicSchedule';
import { FRAME_MS, STARTUP_MS, clockFrames, seamAfter, seamTiming, type Seam } from './seam';
import { StillLayer, type StillElements } from './stillLayer';
import { NO_LOOP, clampFrame, playStart, wrapFrame, type LoopRange } from './transport';
import { takeSoundChange } from './takeSound';

export interface PlayerState {
  /** Record frame under the playhead, from the first frame of the cut. */
  frame: number;
  /** Index of the item under the playhead (-1: empty cut). */
  index: number;
  /** 0 stopped; ±1, ±2, ±4, ±8. */
  rate: number;
  loop: LoopRange;
  total: number;
  /** Sources scheduled on Web Audio right now, per lane (the lanes show it; tests read it). */
  musicSources: number;
  dialogueSources: number;
  effectsSources: number;
}

/** The lanes of clips the player schedules on Web Audio (the takes' own sound plays in their <video>). */
export type ClipLane = 'music' | 'dialogue' | 'effects';

export const PLAY_MARK = 'shotline:play';
export const FIRST_FRAME_MARK = 'shotline:first-frame';

export class PlayerEngine extends StateStore<PlayerState> {
  private items: PlayItem[] = [];
  private deck: VideoDeck;
  private audio: SeamAudio;
  private music: MusicAudio;
  private clips: Record<Exclude<ClipLane, 'music'>, MusicAudio>;
  /** Shots whose take plays without its own sound (the shot is set to dialogue and effects only). */
  private silentTakes: ReadonlySet<string> = new Set();
  private still: StillLayer;
  private front: Slot | null = null;
  /** Bumped by every stop, seek and play: async work of an older run gives up. */
  private run = 0;
  private showToken = 0;
  private timers = new Set<number>();
  private raf = 0;
  private firstFramePending = false;

  constructor(videos: HTMLVideoElement[], still: StillElements) {
    super({ frame: 0, index: -1, rate: 0, loop: NO_LOOP, total: 0, musicSources: 0, dialogueSources: 0, effectsSources: 0 });
    this.deck = new VideoDeck(videos);
    this.audio = new SeamAudio(videos);
    const lane = (key: `${ClipLane}Sources`) =>
      new MusicAudio(
        () => this.audio.context(),
        (n) => this.set({ [key]: n }),
      );
    this.music = lane('musicSources');
    this.clips = { dialogue: lane('dialogueSources'), effects: lane('effectsSources') };
    this.still = new StillLayer(still);
  }

  private setFrame(frame: number) {
    this.set({ frame, index: itemIndexAt(this.items, frame) });
    if (this.state.rate === 1) for (const l of this.lanes()) l.follow(frame / TIMELINE_FPS);
  }

  // ---- commands ---------------------------------------------------------------------------------
  setItems(items: PlayItem[]): void {
    const rate = this.state.rate;
    this.halt();
    this.items = items;
    const total = totalFrames(items);
    this.set({ total, rate: 0 });
    this.setFrame(clampFrame(this.state.frame, total));
    if (rate) this.play(rate);
    else this.showFrame(this.state.frame);
  }

  /**
   * The music beds and how far they duck under `speech` (dialogue, timeline seconds: none until
   * voices exist). A change while playing is heard at once.
   */
  setMusic(beds: BedSource[], duckDb: number, speech: readonly Interval[] = []): void {
    this.music.setBeds(beds, { speech, duckDb });
  }

  /** The spoken lines or the effects as clips on the cut (no fades: each plays as made). A change while playing is heard at once. */
  setClips(lane: Exclude<ClipLane, 'music'>, clips: BedSource[]): void {
    this.clips[lane].setBeds(clips, { speech: [], duckDb: 0 });
  }

  /** Shots whose take is heard without its own sound; the clip playing now follows at once. */
  setSilentTakes(shotIds: ReadonlySet<string>): void {
    const before = this.silentTakes;
    this.silentTakes = shotIds;
    const el = this.front?.el;
    if (!el || el.paused || this.state.rate === 0) return;
    const change = takeSoundChange(before, shotIds, this.items[this.state.index]?.shotId ?? null);
    if (change === 'silence') this.audio.silence(el);
    else if (change === 'restore') this.audio.fadeIn(el, 25);
  }

  /** Lane gains (mute, solo and level already applied). */
  setMix(gains: Record<'take' | ClipLane, number>): void {
    this.audio.setLevel(gains.take);
    for (const l of ['music', 'dialogue', 'effects'] as const) this.lane(l).setLevel(gains[l]);
  }

  private lane(l: ClipLane): MusicAudio {
    return l === 'music' ? this.music : this.clips[l];
  }

  private lanes(): MusicAudio[] {
    return [this.music, this.clips.dialogue, this.clips.effects];
  }

  setLoop(loop: LoopRange): void {
    this.set({ loop });
    if (this.state.rate) this.play(this.state.rate);
  }

  /** Moves the playhead; playback (if any) carries on from there. */
  seek(frame: number): void {
    const f = clampFrame(frame, this.state.total);
    if (this.state.rate) {
      this.set({ frame: f });
      this.play(this.state.rate);
    } else {
      this.setFrame(f);
      this.showFrame(f);
    }
  }

  pause(): void {
    this.halt();
    this.set({ rate: 0 });
    this.showFrame(this.state.frame);
  }

  play(rate = 1): void {
    if (!this.items.length || rate === 0) return this.pause();
    this.halt();
    this.audio.unlock();
    this.audio.setMuted(Math.abs(rate) > 2);
    const { loop, total } = this.state;
    const frame = playStart(this.state.frame, loop, total, rate);
    this.set({ rate });
    this.setFrame(frame);
    performance.clearMarks(FIRST_FRAME_MARK);
    performance.mark(PLAY_MARK);
    this.firstFramePending = true;
    const run = this.run;
    if (rate < 0) this.runClock(frame, run, () => this.endOfPlay(run));
    else void this.startAt(frame, run);
  }

  destroy(): void {
    this.halt();
    this.clearListeners();
    this.deck.release();
    for (const l of this.lanes()) l.close();
    this.audio.close();
  }

  // ---- display ----------------------------------------------------------------------------------
  /** Shows `frame` still (scrubbing, stepping, reverse play); the old picture stays until the new one is ready. */
  private showFrame(frame: number): void {
    const i = itemIndexAt(this.items, frame);
    const item = this.items[i];
    if (!item) return;
    const at = frameInItem(item, frame);
    const token = ++this.showToken;
    const current = () => token === this.showToken;
    if (at.kind === 'still' || !item.video) {
      void this.still.show(item.still, current).then(() => current() && this.presented());
      return;
    }
    const slot = this.deck.acquire(item.video.src, [this.front]);
    void this.deck.park(slot, frameToMediaTime(at.sourceFrame)).then(() => {
      if (!current()) return;
      if (slot.el.error) return void this.still.show(item.still, current);
      this.bring(slot);
      this.presented();
    });
  }

  private bring(slot: Slot) {
    bringToFront(slot.el);
    if (this.front && this.front !== slot) this.front.el.pause();
    this.front = slot;
  }

  private presented() {
    if (!this.firstFramePending) return;
    this.firstFramePending = false;
    performance.mark(FIRST_FRAME_MARK);
    // The lanes start with the picture, not with the button: a clip may take a moment to park.
    // Only at normal speed: a bed or a line at 2× or backwards is noise, not information.
    if (this.state.rate === 1) for (const l of this.lanes()) l.start(this.state.frame / TIMELINE_FPS);
  }

  // ---- forward play -----------------------------------------------------------------------------
  private async startAt(frame: number, run: number): Promise<void> {
    const i = itemIndexAt(this.items, frame);
    const item = this.items[i]!;
    const at = frameInItem(item, frame);
    const seam = seamAfter(this.items, i, this.state.loop, this.state.total);
    this.setFrame(frame);
    let still = at.kind === 'still' || !item.video;
    // This clip's slot first (it may be the one parked at the last seam), then the next clip's.
    const slot = !still && item.video ? this.deck.acquire(item.video.src, [this.front]) : null;
    this.preload(seam, [this.front, slot]);
    if (slot) {
      const t = frameToMediaTime(at.kind === 'still' ? 0 : at.sourceFrame);
      if (!this.deck.isAt(slot, t)) await this.deck.park(slot, t);
      if (run !== this.run) return;
      if (slot.el.error) still = true;
      else if (at.kind === 'video') return this.playVideo(slot, item, seam, run);
      else {
        this.bring(slot); // a held last frame
        this.presented();
      }
    }
    if (still) {
      this.showToken++;
      await this.still.show(item.still, () => run === this.run);
      if (run !== this.run) return;
      this.front?.el.pause();
      this.front = null;
      this.presented();
    }
    this.runClock(frame, run, () => this.cut(seam, run), seam.cutFrame);
  }

  /** Loads what plays after the seam and parks it on its first frame. */
  private preload(seam: Seam, keep: Array<Slot | null>) {
    const next = seam.next && this.items[seam.next.index];
    if (!next) return;
    const at = frameInItem(next, seam.next!.frame);
    if (at.kind === 'video' && next.video) {
      const src = next.video.src;
      // The same file on screen (a loop inside one shot): it is sought when its turn comes.
      if (this.deck.slots.some((s) => s.src === src && keep.includes(s))) return;
      const slot = this.deck.acquire(src, keep);
      void this.deck.park(slot, frameToMediaTime(at.sourceFrame));
    } else void this.still.preload(next.still);
  }

  private playVideo(slot: Slot, item: PlayItem, seam: Seam, run: number) {
    const el = slot.el;
    const rate = this.state.rate;
    let first = true;
    let done = false;
    el.playbackRate = rate;
    this.audio.silence(el);
    // Parked on its first frame, the clip already has that frame painted behind the front layer:
    // bringing it forward now shows the frame on time; waiting for the first frame callback
    // would report the frame after it, and frame one of every shot would never be seen.
    if (el.readyState >= 2 && !slot.seeking) this.bring(slot);
    const finish = (presentedAt: number, last: number) => {
      if (done) return;
      done = true;
      el.onended = null;
      const t = seamTiming(presentedAt, rate);
      const holds = last + 1 < seam.cutFrame;
      if (!holds) this.at(t.fadeAt, run, () => this.audio.fadeOut(el, t.fadeMs));
      this.at(t.startAt, run, () => {
        el.pause();
        if (holds) this.runClock(last + 1, run, () => this.cut(seam, run), seam.cutFrame);
        else this.cut(seam, run);
      });
    };
    const onFrame = (now: number, meta: FrameMeta) => {
      if (run !== this.run || done) return;
      if (first) {
        first = false;
        if (this.front !== slot) this.bring(slot);
        this.presented();
      }
      const frame = recordFrameFromMedia(item, meta.mediaTime);
      this.setFrame(frame);
      if (seam.videoEnd !== null && frame >= seam.videoEnd) finish(meta.expectedDisplayTime || now, frame);
      else watchFrames(el, onFrame);
    };
    el.onended = () => run === this.run && finish(performance.now() - FRAME_MS, this.state.frame);
    watchFrames(el, onFrame);
    // The sound ramps up from silence as the clip starts (no click where its waveform begins),
    // unless the shot plays only its dialogue and effects.
    if (this.silentTakes.has(item.shotId)) this.audio.silence(el);
    else this.audio.fadeIn(el, 25);
    el.play().catch(() => {
      // A clip that will not play (unreadable file) must not stall the cut: hold it and move on.
      if (run === this.run) finish(performance.now(), this.state.frame);
    });
  }

  private cut(seam: Seam, run: number) {
    if (run !== this.run) return;
    if (!seam.next) return this.endOfPlay(run);
    void this.startAt(seam.next.frame, run);
  }

  private endOfPlay(run: number) {
    if (run !== this.run) return;
    this.halt();
    this.set({ rate: 0 });
    this.showFrame(this.state.frame);
  }

  // ---- wall clock -------------------------------------------------------------------------------
  /** Advances the playhead from `from` at the current rate; `end` (exclusive) calls `onEnd` on time. */
  private runClock(from: number, run: number, onEnd: () => void, end?: number) {
    const rate = this.state.rate;
    const t0 = performance.now();
    let last = from;
    const tick = () => {
      if (run !== this.run) return;
      const now = performance.now();
      let f = from + clockFrames(now - t0, rate);
      if (end !== undefined && rate > 0) {
        const msLeft = ((end - from) * FRAME_MS) / rate - (now - t0);
        if (msLeft < 20) {
          this.setFrame(end - 1);
          this.at(now + msLeft - STARTUP_MS, run, onEnd);
          return;
        }
      }
      if (rate < 0) {
        const wrapped = wrapFrame(f, rate, this.state.loop, this.state.total);
        if (wrapped === null) return onEnd();
        if (wrapped !== f) return this.runClock(wrapped, run, onEnd);
        f = wrapped;
        if (f !== last) this.showFrame(f);
      }
      if (f !== last) this.setFrame(f);
      last = f;
      this.raf = requestAnimationFrame(tick);
    };
    if (rate < 0) this.showFrame(from);
    this.raf = requestAnimationFrame(tick);
  }

  private at(when: number, run: number, fn: () => void) {
    const id = window.setTimeout(
      () => {
        this.timers.delete(id);
        if (run === this.run) fn();
      },
      Math.max(0, when - performance.now()),
    );
    this.timers.add(id);
  }

  /** Stops whatever is running: timers, the clock, the playing clip. */
  private halt() {
    this.run++;
    cancelAnimationFrame(this.raf);
    for (const id of this.timers) clearTimeout(id);
    this.timers.clear();
    for (const s of this.deck.slots) s.el.pause();
    for (const l of this.lanes()) l.stop();
  }
}
