// "About 40 s left" for long work (export, animatic), from how far it is and how long it has taken.
// Said only once there is something to go on: early fractions mislead more than they help.

const MIN_FRACTION = 0.05;
const MIN_ELAPSED_MS = 2000;

export function timeLeftText(startedAt: number, now: number, fraction: number): string | null {
  const elapsed = now - startedAt;
  if (!(fraction >= MIN_FRACTION) || fraction >= 1 || elapsed < MIN_ELAPSED_MS) return null;
  const leftS = (elapsed * (1 - fraction)) / fraction / 1000;
  if (leftS < 10) return 'a few seconds left';
  if (leftS < 90) return `about ${Math.round(leftS / 5) * 5} s left`;
  return `about ${Math.round(leftS / 60)} min left`;
}
