// Turns zod's issues into the one-line messages the CLI prints: where (a JSON path, or a CSV
// line and column), then what is wrong in plain words.
import type { z } from 'zod';

export type Path = ReadonlyArray<PropertyKey>;
/** Names a place in the source file: `scenes[0].shots[2].tool`, or `line 4, column tool`. */
export type Locate = (path: Path) => string;

/** `["scenes", 0, "shots", 2, "tool"]` → `scenes[0].shots[2].tool` */
export function jsonPath(path: Path): string {
  const text = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
  return text || '(top level)';
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function bound(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall): string {
  const big = issue.code === 'too_big';
  const limit = Number(big ? issue.maximum : issue.minimum);
  if (issue.origin === 'string') {
    return big ? `is too long (at most ${limit} characters)` : 'must not be empty';
  }
  if (issue.origin === 'array') return big ? `has too many entries (at most ${limit})` : `needs at least ${limit} entries`;
  const words = big ? (issue.inclusive ? 'at most' : 'less than') : issue.inclusive ? 'at least' : 'more than';
  return `must be ${words} ${limit}`;
}

function describeIssue(issue: z.core.$ZodIssue, locate: Locate): string {
  const at = locate(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return `${locate([...issue.path, issue.keys[0]!])}: unknown key`;
    case 'invalid_type':
      return issue.input === undefined ? `${at}: missing` : `${at}: expected ${issue.expected}, got ${describeValue(issue.input)}`;
    case 'invalid_value':
      return `${at}: ${describeValue(issue.input)} is not one of ${issue.values.map(String).join(', ')}`;
    case 'too_big':
    case 'too_small':
      return `${at}: ${bound(issue)}`;
    default:
      return `${at}: ${issue.message}`;
  }
}

/**
 * The first problem, one line. Unknown keys go first: a misspelt key also shows up as the real
 * key missing, and the misspelling is the thing to fix.
 */
export function describeIssues(issues: readonly z.core.$ZodIssue[], locate: Locate): string {
  const first = issues.find((i) => i.code === 'unrecognized_keys') ?? issues[0];
  if (!first) return 'invalid input';
  const more = issues.length - 1;
  return describeIssue(first, locate) + (more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : '');
}
