// The `shotline` command line: picks the command, runs it, and turns what escapes into an exit
// code. Exported as a function over injected streams so tests run it in-process.
import { describeError } from '../core/errors';
import { helpText, parseCommandArgs, VERSION, type Command, type Io } from './command';
import { animaticCommand } from './commands/animatic';
import { cancelCommand } from './commands/cancel';
import { costCommand } from './commands/cost';
import { demoCommand } from './commands/demo';
import { exportCommand } from './commands/export';
import { framesCommand, generateCommand } from './commands/generate';
import { importCommand } from './commands/import';
import { importCutCommand } from './commands/importCut';
import { jobsCommand } from './commands/jobs';
import { keyframeCommand } from './commands/keyframe';
import { musicCommand } from './commands/music';
import { sfxCommand } from './commands/sfx';
import { voiceCommand } from './commands/voice';
import { libraryAddCommand, libraryListCommand } from './commands/library';
import { listCommand } from './commands/list';
import { newCommand } from './commands/new';
import { refsSetCommand } from './commands/refs';
import { resumeCommand } from './commands/resume';
import { storyboardCommand } from './commands/storyboard';
import { qcCommand, rateCommand, selectCommand, takesCommand } from './commands/takes';
import { versionsCommand } from './commands/versions';
import { terminalSafe } from './terminal';

export type { Io } from './command';

export const EXIT = { ok: 0, user: 1, internal: 2 } as const;

const COMMANDS: Command[] = [
  newCommand,
  importCommand,
  listCommand,
  costCommand,
  demoCommand,
  generateCommand,
  framesCommand,
  jobsCommand,
  resumeCommand,
  cancelCommand,
  libraryAddCommand,
  libraryListCommand,
  refsSetCommand,
  keyframeCommand,
  musicCommand,
  sfxCommand,
  voiceCommand,
  takesCommand,
  selectCommand,
  rateCommand,
  qcCommand,
  animaticCommand,
  exportCommand,
  storyboardCommand,
  importCutCommand,
  versionsCommand,
];

/** Finds the command the words name; two-word names ("library add") win over one. */
function findCommand(words: string[]): { cmd: Command | undefined; rest: string[]; asked: string } {
  const two = COMMANDS.find((c) => c.name === `${words[0]} ${words[1]}`);
  if (two) return { cmd: two, rest: words.slice(2), asked: two.name };
  return { cmd: COMMANDS.find((c) => c.name === words[0]), rest: words.slice(1), asked: words[0] ?? '' };
}

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'shotline: plan a short film as scenes and shots, and see what it will cost.',
    '',
    'Usage: shotline COMMAND [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run shotline COMMAND --help for its arguments. Try: shotline demo',
    '',
    'Exit codes: 0 ok, 1 a problem you can fix (one line on stderr), 2 an internal error.',
    '',
  ].join('\n');
}

/** Errors become one line; with SHOTLINE_DEBUG=1 an internal error also prints its stack. */
/** The same streams, cleaned of anything a terminal would act on (project text is untrusted). */
function safeIo(io: Io): Io {
  const status = io.status;
  return {
    ...io,
    out: (text) => io.out(terminalSafe(text)),
    err: (text) => io.err(terminalSafe(text)),
    ...(status ? { status: (line: string) => status(terminalSafe(line)) } : {}),
  };
}

function fail(io: Io, err: unknown): number {
  const info = describeError(err);
  const message = info.message.replace(/\s*\n\s*/g, ' ');
  if (info.kind === 'user') {
    io.err(`shotline: ${message}\n`);
    return EXIT.user;
  }
  const debug = io.env.SHOTLINE_DEBUG === '1';
  io.err(`shotline: internal error: ${message}${debug ? '' : ' (run with SHOTLINE_DEBUG=1 for details)'}\n`);
  if (debug && err instanceof Error && err.stack) io.err(`${err.stack}\n`);
  return EXIT.internal;
}

export async function run(argv: string[], rawIo: Io): Promise<number> {
  const io = safeIo(rawIo);
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) {
      io.out(mainHelp());
      return EXIT.ok;
    }
    if (name === '--version') {
      io.out(`${VERSION}\n`);
      return EXIT.ok;
    }
    const helpFor = name === 'help';
    const found = findCommand(helpFor ? rest : argv);
    const cmd = found.cmd;
    if (!cmd) {
      const subs = COMMANDS.filter((c) => c.name.startsWith(`${found.asked} `)).map((c) => c.name.slice(found.asked.length + 1));
      io.err(
        subs.length > 0
          ? `shotline: ${found.asked} needs one of: ${subs.join(', ')} (see shotline ${found.asked} ${subs[0]} --help)\n`
          : `shotline: unknown command "${found.asked}"; commands are ${COMMANDS.map((c) => c.name).join(', ')} (see shotline --help)\n`,
      );
      return EXIT.user;
    }
    const parsed = helpFor ? null : parseCommandArgs(cmd, found.rest);
    if (!parsed) {
      io.out(helpText(cmd));
      return EXIT.ok;
    }
    await cmd.run({ ...parsed, io });
    return EXIT.ok;
  } catch (err) {
    return fail(io, err);
  }
}
