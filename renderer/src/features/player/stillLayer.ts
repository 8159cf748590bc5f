// The layer that shows a shot without a take: its start keyframe or first reference when it has
// one, else a title card (label, action, camera). Images are decoded before the layer comes
// forward, so a still never appears half-drawn.
import { bringToFront } from './deck';
import type { PlayStill } from './items';

export interface StillElements {
  root: HTMLElement;
  img: HTMLImageElement;
  title: HTMLElement;
  detail: HTMLElement;
}

export class StillLayer {
  private shown: PlayStill | null = null;
  private decoded = new Map<string, Promise<boolean>>();

  constructor(private readonly els: StillElements) {}

  get root(): HTMLElement {
    return this.els.root;
  }

  /** Starts fetching and decoding an image so showing it later is instant. */
  preload(still: PlayStill): Promise<boolean> {
    if (!still.src) return Promise.resolve(true);
    let p = this.decoded.get(still.src);
    if (!p) {
      const img = new Image();
      img.src = still.src;
      p = img.decode().then(
        () => true,
        () => false,
      );
      this.decoded.set(still.src, p);
      if (this.decoded.size > 24) this.decoded.delete(this.decoded.keys().next().value!);
    }
    return p;
  }

  /** Fills the layer with `still` (once its image is ready) and brings it forward. */
  async show(still: PlayStill, isCurrent: () => boolean): Promise<void> {
    const ok = await this.preload(still);
    if (!isCurrent()) return;
    if (this.shown !== still) {
      const { img, title, detail, root } = this.els;
      const src = ok ? still.src : null;
      if (src) {
        img.src = src;
        await img.decode().catch(() => undefined);
        if (!isCurrent()) return;
      } else img.removeAttribute('src');
      root.dataset.kind = src ? 'image' : 'card';
      title.textContent = still.title;
      detail.textContent = still.detail;
      this.shown = still;
    }
    bringToFront(this.els.root);
  }
}
