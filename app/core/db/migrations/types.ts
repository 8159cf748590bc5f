export interface Migration {
  version: number;
  name: string;
  /** SQL run inside the migration's transaction. Append-only: never edit a shipped one. */
  up: string;
}
