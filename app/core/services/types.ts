// The types the core's handler modules share: the host the core runs in, a handler per channel,
// the open project with its history, and the one way to make an undoable edit. Kept apart so the
// handler modules and the session that assembles them do not import each other.
import type { z } from 'zod';
import type { Channel, ChannelOutput, Contract } from '../../../shared/contract';
import type { History } from '../db/history';
import type { KeySource } from '../keys/keySource';
import type { Project } from '../project/project';

export interface CoreHost {
  kind: 'electron' | 'devhost';
  version: string;
  /** Per-user folder for settings and the recent list (never inside a project). */
  userDataDir: string;
  defaultProjectsDir: string;
  /** Native folder picker; absent where the host has none (the devhost). */
  pickFolder?: () => Promise<string | null>;
  /**
   * Asks the user in the main process (a native dialog the page cannot draw or click): true to go
   * ahead. Absent where the host has none (the devhost, for development only).
   */
  confirm?: (message: string, detail: string) => Promise<boolean>;
  /**
   * Shows `path` (an existing file or folder) in the system's file manager; throws a UserError
   * saying where the file is when it cannot. Absent where the host has no way to.
   */
  showInFolder?: (path: string) => Promise<void>;
  /** The environment settings are read from (a packaged app passes a filtered copy); process.env when absent. */
  env?: Record<string, string | undefined>;
  /** Provider keys: the Electron shell's safeStorage vault; environment variables when absent. */
  keys?: KeySource;
  /** URL prefix the renderer puts before a project-relative media path (see app/core/media/serve.ts). */
  mediaBase?: string;
}

export type Handlers = {
  [C in Channel]: (input: z.output<Contract[C]['input']>) => ChannelOutput<C> | Promise<ChannelOutput<C>>;
};

export interface OpenSession {
  project: Project;
  history: History;
}

/** Runs `fn` as one undoable step named `label`, then tells the renderer which tables it changed. */
export type Edit = <T>(label: string, fn: (s: OpenSession) => T) => T;
