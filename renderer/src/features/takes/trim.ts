// Trim maths for fitting a long take into its slot: the planned window slides over the take;
// its left edge is the in point. Frames at 24 fps; the strip is `width` pixels for the whole take.

/** Latest in point that still fills the slot (0 when the take is not longer). */
export function maxTrimIn(takeFrames: number, plannedFrames: number): number {
  return Math.max(0, takeFrames - plannedFrames);
}

export function clampTrimIn(frames: number, takeFrames: number, plannedFrames: number): number {
  return Math.min(Math.max(0, Math.round(frames)), maxTrimIn(takeFrames, plannedFrames));
}

/** The window's left edge and width in pixels. */
export function trimWindow(trimIn: number, takeFrames: number, plannedFrames: number, width: number): { left: number; width: number } {
  if (takeFrames <= 0) return { left: 0, width };
  const px = width / takeFrames;
  return { left: clampTrimIn(trimIn, takeFrames, plannedFrames) * px, width: Math.min(plannedFrames, takeFrames) * px };
}

/** The in point after dragging the window by `dx` pixels from `startIn`. */
export function dragTrimIn(startIn: number, dx: number, takeFrames: number, plannedFrames: number, width: number): number {
  if (width <= 0 || takeFrames <= 0) return startIn;
  return clampTrimIn(startIn + (dx / width) * takeFrames, takeFrames, plannedFrames);
}

/** Arrow keys: a frame; with Shift, a second; Home/End: either end. Null for other keys. */
export function keyTrimIn(key: string, shift: boolean, trimIn: number, takeFrames: number, plannedFrames: number): number | null {
  const step = shift ? 24 : 1;
  const to =
    key === 'ArrowLeft' || key === 'ArrowDown'
      ? trimIn - step
      : key === 'ArrowRight' || key === 'ArrowUp'
        ? trimIn + step
        : key === 'Home'
          ? 0
          : key === 'End'
            ? Infinity
            : null;
  return to === null ? null : clampTrimIn(Math.min(to, 1e9), takeFrames, plannedFrames);
}
