import type { VersionInfo } from '../../../shared/domain/versions';
import { UserError } from '../../core/errors';
import type { Project } from '../../core/project/project';
import { listVersions, MAX_AUTO_VERSIONS, restoreAsNewProject, restoreInPlace, saveVersion } from '../../core/project/versions';
import { UNDOABLE_TABLES } from '../../core/services/session';
import { withProject, type Command, type Io } from '../command';
import { count, plural, table } from '../format';
import { jsonText } from '../terminal';

/** "2025-01-02 15:30" in the machine's time zone (Swedish dates read year first). */
const when = (iso: string) => new Date(iso).toLocaleString('sv-SE', { dateStyle: 'short', timeStyle: 'short' });
const kilobytes = (bytes: number) => `${count(Math.max(1, Math.round(bytes / 1024)))} KB`;
const contents = (v: VersionInfo) => `${plural(v.shots, 'shot')} in ${plural(v.scenes, 'scene')}`;

function printList(versions: VersionInfo[], dir: string, io: Io) {
  if (versions.length === 0) {
    io.out(`No versions yet. Save one with: shotline versions ${dir} --save NAME\n`);
    return;
  }
  const rows = versions.map((v) => [v.id, when(v.createdAt), v.auto ? `${v.name} (auto)` : v.name, String(v.shots), String(v.scenes), kilobytes(v.bytes)]);
  const columns = [
    { title: 'Id' },
    { title: 'Saved' },
    { title: 'Name', max: 48 },
    { title: 'Shots', align: 'right' as const },
    { title: 'Scenes', align: 'right' as const },
    { title: 'Size', align: 'right' as const },
  ];
  io.out(table(columns, rows));
}

/** Prints `value` as JSON with --json, else the words. */
const say = (io: Io, json: boolean, value: unknown, words: string) => io.out(json ? jsonText(value) : words);

async function restore(project: Project, id: string, opts: { asNew: boolean; dir: string; io: Io; json: boolean }) {
  const { dir, io, json } = opts;
  if (opts.asNew) {
    const made = restoreAsNewProject(project, id);
    say(io, json, made, `Made "${made.title}" from version "${made.restored.name}" (${contents(made.restored)}):\n  ${made.path}\n`);
    return;
  }
  // No undo outside the app: the version saved first is the way back.
  const done = await restoreInPlace(project, id, { tables: UNDOABLE_TABLES });
  say(
    io,
    json,
    done,
    `Restored "${done.restored.name}" (${contents(done.restored)}). Takes and jobs were kept.\n` +
      `The project as it was is saved as version ${done.backup.id}; to go back: shotline versions ${dir} --restore ${done.backup.id}\n`,
  );
}

export const versionsCommand: Command = {
  args: ['DIR'],
  options: {
    save: { type: 'string', value: 'NAME', help: 'save the project as it is now as version NAME' },
    restore: { type: 'string', value: 'ID', help: 'make the project what version ID was (the present is saved as a version first)' },
    'as-new': { type: 'boolean', help: 'with --restore: make a new project "Title (NAME)" beside this one instead' },
    json: { type: 'boolean', help: 'print JSON instead of text' },
  },
  details: [
    'Versions live in DIR/versions/. Without options the versions are listed, newest first; (auto) marks',
    `the ones Shotline saves before an import or a restore (the newest ${MAX_AUTO_VERSIONS} are kept). A restore replaces the`,
    'plan, library and reviews; takes and jobs are never removed. JSON: {"versions": [{"id", "name",',
    '"createdAt", "auto", "shots", "scenes", "bytes"}]} for the list, the version for --save, and',
    '{"mode", "restored", "backup"} or {"mode", "restored", "path", "title"} for --restore.',
  ].join('\n'),
  run: ({ args: [dir], options, io }) =>
    withProject(io, dir!, async (project) => {
      const { save, restore: id, json } = options as { save?: string; restore?: string; json?: boolean };
      if (save !== undefined && id !== undefined) throw new UserError('versions: give --save or --restore, not both.');
      if (options['as-new'] && id === undefined) throw new UserError(`versions: --as-new goes with --restore ID; see the ids with: shotline versions ${dir}`);
      if (id !== undefined) return restore(project, id, { asNew: !!options['as-new'], dir: dir!, io, json: !!json });
      if (save !== undefined) {
        const saved = await saveVersion(project, save);
        return say(io, !!json, saved, `Saved version ${saved.id} "${saved.name}" (${contents(saved)}).\n`);
      }
      const versions = listVersions(project);
      if (json) io.out(jsonText({ versions }));
      else printList(versions, dir!, io);
    }),
};
