// Small pieces the engine is built from: a subscribable state holder (read by React through
// useSyncExternalStore) and a per-presented-frame callback for <video>.

export class StateStore<S extends object> {
  private listeners = new Set<() => void>();
  constructor(protected state: S) {}

  subscribe = (fn: () => void) => {
    this.listeners.add(fn);
    return () => void this.listeners.delete(fn);
  };
  getState = () => this.state;

  /** Publishes a new state object only when a field actually changed. */
  protected set(patch: Partial<S>): void {
    const keys = Object.keys(patch) as Array<keyof S>;
    if (keys.every((k) => patch[k] === this.state[k])) return;
    this.state = { ...this.state, ...patch };
    for (const fn of this.listeners) fn();
  }

  protected clearListeners(): void {
    this.listeners.clear();
  }
}

export type FrameMeta = { mediaTime: number; expectedDisplayTime: number };

/** requestVideoFrameCallback where the browser has it, else an animation frame reading currentTime. */
export function watchFrames(el: HTMLVideoElement, cb: (now: number, meta: FrameMeta) => void): void {
  if ('requestVideoFrameCallback' in el) {
    el.requestVideoFrameCallback((now, meta) => cb(now, meta));
    return;
  }
  const v = el as HTMLVideoElement;
  requestAnimationFrame((now) => cb(now, { mediaTime: v.currentTime, expectedDisplayTime: now }));
}
