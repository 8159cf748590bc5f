// Whether a change of the shots played without their take's sound (their sound mode) touches the
// clip under the playhead: so the player silences or restores it at once, not from the next clip.

export type TakeSoundChange = 'silence' | 'restore' | null;

export function takeSoundChange(before: ReadonlySet<string>, after: ReadonlySet<string>, playingShotId: string | null): TakeSoundChange {
  if (playingShotId === null || before.has(playingShotId) === after.has(playingShotId)) return null;
  return after.has(playingShotId) ? 'silence' : 'restore';
}
