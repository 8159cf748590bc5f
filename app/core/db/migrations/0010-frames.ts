import type { Migration } from './types';

/**
 * Storyboard frames: still images an image model makes for a shot, stored as takes of kind
 * `frame` (so rating, rejecting, numbering and provenance are the video takes' own). A shot
 * circles one frame as it circles one video take; the circled frame is its start keyframe.
 * Jobs say which kind they make, so video plans and frame plans are counted apart. The kinds
 * also admit a spoken line's audio (`line`) and a sound effect (`sfx`), the takes sound makes.
 */
export const frames: Migration = {
  version: 10,
  name: 'frames',
  up: `
    ALTER TABLE takes ADD COLUMN kind TEXT NOT NULL DEFAULT 'video' CHECK (kind IN ('video', 'frame', 'line', 'sfx'));
    ALTER TABLE shots ADD COLUMN selected_frame_id TEXT;
    ALTER TABLE jobs ADD COLUMN kind TEXT NOT NULL DEFAULT 'video' CHECK (kind IN ('video', 'frame', 'line', 'sfx'));
  `,
};
