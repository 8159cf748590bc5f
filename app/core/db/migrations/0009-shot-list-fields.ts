import type { Migration } from './types';

/**
 * The shot list's columns (size, angle, lens, equipment, location, cast, setup, custom) as one
 * JSON object per shot: they are read and written together, never queried one by one, and a new
 * column costs no migration. The project names its custom columns, in order.
 */
export const shotListFields: Migration = {
  version: 9,
  name: 'shot-list-fields',
  up: `
    ALTER TABLE shots ADD COLUMN list_json TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE project ADD COLUMN custom_columns TEXT NOT NULL DEFAULT '[]';
  `,
};
