// What every command shares: the streams it writes to, how its arguments are read, and how it
// opens the project it works on.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { UserError } from '../core/errors';
import { openProject, type Project } from '../core/project/project';
import { PACKAGE_ROOT } from './packageRoot';

export const VERSION: string = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')).version;
/** Stored in each new project, like the app's "Shotline <version>", to tell who made it. */
export const CREATED_BY = `shotline CLI ${VERSION}`;

/** The outside world as a command sees it; tests pass their own to run the CLI in-process. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** Redraws the one live progress line on a terminal ('' clears it); absent when stderr is not a terminal. */
  status?(line: string): void;
}

/** What `shotline --help` says of a command, known without loading it (run.ts lists them). */
export interface CommandInfo {
  name: string;
  /** One line for `shotline --help`. */
  summary: string;
}

/** A command's arguments, options and work, in its own module, loaded when it is asked for. */
export interface Command {
  /** Positional arguments in order, as the usage line names them. */
  args: string[];
  /** `value` names a string option's argument in help (`--out DIR`); without it, a flag. `multiple`: may repeat (a list). */
  options: Record<string, { type: 'string' | 'boolean'; value?: string; help: string; multiple?: boolean }>;
  /** Paragraphs after the usage and options in `shotline NAME --help`. */
  details: string;
  run(input: { args: string[]; options: Record<string, string | boolean | string[] | undefined>; io: Io }): void | Promise<void>;
}

export type LoadedCommand = CommandInfo & Command;

export function usage(cmd: LoadedCommand): string {
  const opts = Object.entries(cmd.options).map(([name, o]) => `[--${name}${o.value ? ` ${o.value}` : ''}]`);
  return ['shotline', cmd.name, ...cmd.args, ...opts].join(' ');
}

export function helpText(cmd: LoadedCommand): string {
  const lines = [`Usage: ${usage(cmd)}`, '', cmd.summary];
  const opts = Object.entries(cmd.options);
  if (opts.length > 0) {
    lines.push('', 'Options:');
    const names = opts.map(([name, o]) => `--${name}${o.value ? ` ${o.value}` : ''}`);
    const width = Math.max(...names.map((n) => n.length));
    opts.forEach(([, o], i) => lines.push(`  ${names[i]!.padEnd(width)}  ${o.help}`));
  }
  lines.push('', cmd.details);
  return lines.join('\n') + '\n';
}

/** Parses argv for one command; null means the user asked for help. */
export function parseCommandArgs(cmd: LoadedCommand, argv: string[]) {
  const options = Object.fromEntries(Object.entries(cmd.options).map(([name, { type, multiple }]) => [name, multiple ? { type, multiple } : { type }]));
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (err) {
    // node:util words these for programmers ("Unknown option '--x'. To specify…"); keep the first sentence.
    const first = (err as Error).message.split('. ')[0];
    throw new UserError(`${cmd.name}: ${first}; see shotline ${cmd.name} --help`);
  }
  if (parsed.values.help) return null;
  // A last argument named "FILE..." takes one or more, "[TAG...]" none or more.
  const last = cmd.args.at(-1) ?? '';
  const optional = last.startsWith('[');
  const variadic = last.replace(/\]$/, '').endsWith('...');
  const min = variadic && optional ? cmd.args.length - 1 : cmd.args.length;
  const n = parsed.positionals.length;
  if (n < min || (!variadic && n !== cmd.args.length)) {
    throw new UserError(`${cmd.name} takes ${cmd.args.join(' ') || 'no arguments'}; usage: ${usage(cmd)}`);
  }
  const { help: _help, ...values } = parsed.values;
  return { args: parsed.positionals, options: values as Record<string, string | boolean | string[] | undefined> };
}

/** The value of `--option` when it is one of `allowed` (matched as text: `--per-page 3` is 3); `fallback` when absent. */
export function oneOf<T extends string | number>(
  value: string | boolean | string[] | undefined,
  allowed: readonly T[],
  option: string,
  fallback = allowed[0]!,
): T {
  if (value === undefined) return fallback;
  const found = allowed.find((a) => String(a) === value);
  if (found === undefined) throw new UserError(`--${option} must be one of ${allowed.join(', ')}`);
  return found;
}

/** Opens the project at DIR (relative to the caller's folder) for the length of `fn`. */
export async function withProject<T>(io: Io, dir: string, fn: (project: Project) => T | Promise<T>): Promise<T> {
  const project = openProject(path.resolve(io.cwd, dir));
  try {
    return await fn(project);
  } finally {
    project.close();
  }
}
