// Named versions of a project: copies of its database the user can come back to.

export interface VersionInfo {
  id: string;
  name: string;
  /** ISO time the copy was made. */
  createdAt: string;
  /** Made by Shotline before a change it cannot take back on its own (an import, a restore). */
  auto: boolean;
  shots: number;
  scenes: number;
  /** Size of the copy on disk (media is shared with the project, not counted). */
  bytes: number;
}

export const RESTORE_MODES = ['inPlace', 'newProject'] as const;
export type RestoreMode = (typeof RESTORE_MODES)[number];

/** `inPlace`: the project now holds the version (one undo step); `backup` is the present, saved first. */
export type VersionRestoreResult =
  { mode: 'inPlace'; restored: VersionInfo; backup: VersionInfo } | { mode: 'newProject'; restored: VersionInfo; path: string; title: string };
