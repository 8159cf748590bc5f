import type { ErrorInfo } from '../../shared/contract';
import { scrubText } from './redact';

/**
 * An error the user can act on: the message says what happened and what to do. Anything
 * else that escapes a handler is a bug and is reported as internal.
 */
export class UserError extends Error {
  override name = 'UserError';
  /** Set when the UI acts on this error itself (ErrorInfo.code), e.g. asks "replace?" and retries. */
  readonly code?: string;
  constructor(message: string, opts: { code?: string } = {}) {
    super(message);
    if (opts.code) this.code = opts.code;
  }
}

/**
 * Conditions of the machine rather than bugs, as SQLite, Node and ffmpeg report them (by code where
 * there is one, by their words where there is not), each with what the user can do.
 */
const CONDITIONS: Array<{ match: RegExp; say: (message: string) => string }> = [
  {
    match: /SQLITE_FULL|ENOSPC|database or disk is full|No space left on device/i,
    say: () => 'The disk is full: nothing was saved by this action. Free some space and try again.',
  },
  {
    match: /SQLITE_BUSY|SQLITE_LOCKED|database is locked|database table is locked/i,
    say: () =>
      'The project is busy: another program (a Shotline window or a shotline command) kept it locked for more than 30 seconds. ' +
      'Let that finish, then try again. Nothing was changed.',
  },
  {
    match: /ENAMETOOLONG|File name too long/i,
    say: (message) => `A file or folder name is too long for this disk (${message}). Choose a shorter title or name, or a folder nearer the top of the disk.`,
  },
  {
    match: /SQLITE_READONLY|EACCES|EPERM|EROFS/,
    say: (message) => `The project cannot be written (${message}). Check the folder's permissions or copy it somewhere writable.`,
  },
];

export function describeError(err: unknown): ErrorInfo {
  if (err instanceof UserError)
    return err.code ? { kind: 'user', message: scrubText(err.message), code: err.code } : { kind: 'user', message: scrubText(err.message) };
  const message = scrubText(err instanceof Error ? err.message : String(err));
  const code = typeof (err as { code?: unknown } | null)?.code === 'string' ? (err as { code: string }).code : '';
  const condition = CONDITIONS.find((c) => c.match.test(message) || c.match.test(code));
  return condition ? { kind: 'user', message: condition.say(message) } : { kind: 'internal', message };
}
