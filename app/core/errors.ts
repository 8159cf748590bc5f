import type { ErrorInfo } from '../../shared/contract';

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

export function describeError(err: unknown): ErrorInfo {
  if (err instanceof UserError) return err.code ? { kind: 'user', message: err.message, code: err.code } : { kind: 'user', message: err.message };
  const message = err instanceof Error ? err.message : String(err);
  if (/SQLITE_FULL|ENOSPC/.test(message)) {
    return { kind: 'user', message: 'The disk is full: nothing was saved by this action. Free some space and try again.' };
  }
  if (/SQLITE_READONLY|EACCES|EPERM|EROFS/.test(message)) {
    return { kind: 'user', message: `The project cannot be written (${message}). Check the folder's permissions or copy it somewhere writable.` };
  }
  return { kind: 'internal', message };
}
