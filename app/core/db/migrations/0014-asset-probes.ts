import type { Migration } from './types';

/**
 * What ffprobe said of a stored video when it arrived (media/sourceProbe.ts, as JSON): the file
 * never changes under its hash, so an export or animatic reads this instead of probing it again.
 * NULL for files stored before, and for files nobody probed (they are probed when needed).
 */
export const assetProbes: Migration = {
  version: 14,
  name: 'asset-probes',
  up: `ALTER TABLE assets ADD COLUMN probe_json TEXT;`,
};
