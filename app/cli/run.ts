// The `shotline` command line: picks the command, runs it, and turns what escapes into an exit
// code. Exported as a function over injected streams so tests run it in-process.
import { describeError } from '../core/errors';
import { helpText, parseCommandArgs, VERSION, type Command, type CommandInfo, type Io } from './command';
import { terminalSafe } from './terminal';

export type { Io } from './command';

export const EXIT = { ok: 0, user: 1, internal: 2 } as const;

/**
 * Every command's name and help line, so that finding a command and `shotline --help` load none of
 * them: a command's code (and all it imports) loads only when it runs or shows its own help. With
 * every command imported up front, `shotline list` compiled the whole CLI before it started, zod
 * and the app's contract included: 300 ms from start to exit then, about 210 ms now.
 */
interface CommandEntry extends CommandInfo {
  load(): Promise<Command>;
}

const COMMANDS: CommandEntry[] = [
  { name: 'new', summary: 'Create an empty project folder at DIR.', load: async () => (await import('./commands/new')).newCommand },
  {
    name: 'import',
    summary: 'Add a screenplay (Fountain, Final Draft) or a shot list (JSON, CSV) to the project at DIR.',
    load: async () => (await import('./commands/import')).importCommand,
  },
  {
    name: 'list',
    summary: 'List the shots in timeline order with duration, tool, camera and estimated cost.',
    load: async () => (await import('./commands/list')).listCommand,
  },
  {
    name: 'cost',
    summary: 'Show what the plan will cost: total, budget, by provider, by scene, and all on one provider.',
    load: async () => (await import('./commands/cost')).costCommand,
  },
  {
    name: 'demo',
    summary: 'Build a sample project, "Night Diner": 3 scenes, mixed tools, a budget.',
    load: async () => (await import('./commands/demo')).demoCommand,
  },
  {
    name: 'generate',
    summary: 'Queue takes of shots (--wait: and make them now, with progress).',
    load: async () => (await import('./commands/generate')).generateCommand,
  },
  {
    name: 'frames',
    summary: 'Queue storyboard frames of shots: stills made by an image model (--wait: make them now).',
    load: async () => (await import('./commands/generate')).framesCommand,
  },
  {
    name: 'jobs',
    summary: 'List the generation jobs, newest first: shot, tool, state, cost, and the take or the reason.',
    load: async () => (await import('./commands/jobs')).jobsCommand,
  },
  {
    name: 'resume',
    summary: "Run the project's queued and unfinished jobs until none is active (after a crash, or from a script).",
    load: async () => (await import('./commands/resume')).resumeCommand,
  },
  {
    name: 'cancel',
    summary: 'Cancel a job (by id or its first characters), at the provider too where it can.',
    load: async () => (await import('./commands/cancel')).cancelCommand,
  },
  {
    name: 'library add',
    summary: 'Add reference images to the library as one item (a character, location, prop or style).',
    load: async () => (await import('./commands/library')).libraryAddCommand,
  },
  {
    name: 'library list',
    summary: 'List the library: each item’s tag, kind, name, images and the shots that use it.',
    load: async () => (await import('./commands/library')).libraryListCommand,
  },
  {
    name: 'refs set',
    summary: 'Fill a shot’s reference slots with library items, in order (none clears them).',
    load: async () => (await import('./commands/refs')).refsSetCommand,
  },
  {
    name: 'keyframe',
    summary: 'Set a shot’s start and/or end keyframe from an image file, a library @tag, or another shot’s take.',
    load: async () => (await import('./commands/keyframe')).keyframeCommand,
  },
  {
    name: 'music',
    summary: 'Lay audio files on the cut’s music lane, one after another (or list the beds with --list).',
    load: async () => (await import('./commands/music')).musicCommand,
  },
  {
    name: 'sfx',
    summary: 'Add a sound-effect cue to a shot and queue the job that makes it (or list the cues with --list).',
    load: async () => (await import('./commands/sfx')).sfxCommand,
  },
  {
    name: 'voice',
    summary: 'Give a character a voice for its dialogue: the free local scratch voice or an ElevenLabs voice.',
    load: async () => (await import('./commands/voice')).voiceCommand,
  },
  {
    name: 'takes',
    summary: 'List a shot’s takes: circled, length, tool, ratings and the technical check.',
    load: async () => (await import('./commands/takes')).takesCommand,
  },
  {
    name: 'select',
    summary: 'Circle a take for the cut (shots chained to this one follow it), or a frame as the start keyframe.',
    load: async () => (await import('./commands/takes')).selectCommand,
  },
  {
    name: 'rate',
    summary: 'Rate a take 1–5 on visual fidelity, temporal consistency and prompt adherence.',
    load: async () => (await import('./commands/takes')).rateCommand,
  },
  {
    name: 'qc',
    summary: 'The technical check of every take: frame rate, length, size, black, frozen, cuts inside, audio.',
    load: async () => (await import('./commands/takes')).qcCommand,
  },
  {
    name: 'animatic',
    summary: 'Render the cut as it plays now to one MP4 (24 fps, the project’s ratio at 720p).',
    load: async () => (await import('./commands/animatic')).animaticCommand,
  },
  {
    name: 'export',
    summary: 'Export the project: an edit-ready folder for DaVinci Resolve, and/or the shot list as CSV.',
    load: async () => (await import('./commands/export')).exportCommand,
  },
  {
    name: 'storyboard',
    summary: 'Write the storyboard PDF on its own, in seconds: a panel per shot, scene by scene.',
    load: async () => (await import('./commands/storyboard')).storyboardCommand,
  },
  {
    name: 'import-cut',
    summary: 'Compare an edit exported from DaVinci Resolve (FCPXML or EDL) with the plan; --apply it.',
    load: async () => (await import('./commands/importCut')).importCutCommand,
  },
  {
    name: 'versions',
    summary: 'List, save and restore named versions of a project (copies of its plan; media is shared).',
    load: async () => (await import('./commands/versions')).versionsCommand,
  },
];

/** Finds the command the words name; two-word names ("library add") win over one. */
function findCommand(words: string[]): { cmd: CommandEntry | undefined; rest: string[]; asked: string } {
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
    const entry = found.cmd;
    if (!entry) {
      const subs = COMMANDS.filter((c) => c.name.startsWith(`${found.asked} `)).map((c) => c.name.slice(found.asked.length + 1));
      io.err(
        subs.length > 0
          ? `shotline: ${found.asked} needs one of: ${subs.join(', ')} (see shotline ${found.asked} ${subs[0]} --help)\n`
          : `shotline: unknown command "${found.asked}"; commands are ${COMMANDS.map((c) => c.name).join(', ')} (see shotline --help)\n`,
      );
      return EXIT.user;
    }
    const cmd = { ...entry, ...(await entry.load()) };
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
