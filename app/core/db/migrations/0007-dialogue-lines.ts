import type { Migration } from './types';

/**
 * Dialogue becomes a list of lines `{speaker, extension, parenthetical, text}` (JSON in the same
 * `shots.dialogue` column, so the undo triggers that record shot rows stay as they are). A shot's
 * old free text becomes one line with no speaker; an empty one, no lines.
 */
export const dialogueLines: Migration = {
  version: 7,
  name: 'dialogue-lines',
  up: `
    UPDATE shots SET dialogue = CASE
      WHEN trim(dialogue) = '' THEN '[]'
      ELSE json_array(json_object('speaker', '', 'extension', NULL, 'parenthetical', NULL, 'text', trim(dialogue)))
    END;
  `,
};
