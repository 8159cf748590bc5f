import type { Migration } from './types';

/**
 * A character's voice for its dialogue: `local` (the keyless scratch voice, optionally
 * `local:<variant>`) or `elevenlabs:<voice id>`; NULL until one is picked.
 */
export const voices: Migration = {
  version: 12,
  name: 'voices',
  up: `ALTER TABLE library_items ADD COLUMN voice TEXT;`,
};
