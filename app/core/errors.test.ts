import { describe, expect, it } from 'vitest';
import { describeError, UserError } from './errors';

/** Errors shaped as better-sqlite3 and Node raise them: a message and a code. */
const raised = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});

describe('describeError', () => {
  it('files a full disk, a locked project and a long name as the user’s to fix, saying what to do', () => {
    const cases: Array<[Error, RegExp]> = [
      [raised('database or disk is full', 'SQLITE_FULL'), /disk is full.*Free some space/],
      [raised('ffmpeg failed: [out#0/mp4] Error writing trailer: No space left on device'), /disk is full/],
      [raised('ENOSPC: no space left on device, write'), /disk is full/],
      [raised('database is locked', 'SQLITE_BUSY'), /another program .* kept it locked .* try again/],
      [raised("ENAMETOOLONG: name too long, mkdir '/x/…'", 'ENAMETOOLONG'), /name is too long.*shorter/],
      [raised('attempt to write a readonly database', 'SQLITE_READONLY'), /cannot be written/],
    ];
    for (const [err, said] of cases) {
      const info = describeError(err);
      expect(info.kind, err.message).toBe('user');
      expect(info.message, err.message).toMatch(said);
    }
  });

  it('keeps a user error as it is and everything else internal', () => {
    expect(describeError(new UserError('Pick a tool.', { code: 'X' }))).toEqual({ kind: 'user', message: 'Pick a tool.', code: 'X' });
    expect(describeError(new TypeError("Cannot read properties of undefined (reading 'id')")).kind).toBe('internal');
  });
});
