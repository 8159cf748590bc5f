import type { Migration } from './types';

/**
 * What a scene and a shot were in the script they came from, so a revised draft can be matched
 * against them: the scene's key (its number, else its heading and occurrence) and the shot's text
 * at import. Kept beside scenes and shots rather than in them; both tables are undoable, so one
 * undo of an import removes these rows with the scenes and shots. And the script's credits.
 */
export const scriptLinks: Migration = {
  version: 8,
  name: 'script-links',
  up: `
    CREATE TABLE script_scenes (scene_id TEXT PRIMARY KEY, key TEXT NOT NULL);
    CREATE TABLE script_shots (shot_id TEXT PRIMARY KEY, text TEXT NOT NULL);
    -- The title page's credit and authors ("Written by / Ana Ruiz"), for the storyboard cover.
    ALTER TABLE project ADD COLUMN credits TEXT NOT NULL DEFAULT '';
  `,
};
