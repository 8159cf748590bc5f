import path from 'node:path';
import { LIBRARY_KINDS, type ImportSummary, type LibraryKind } from '../../../shared/domain/library';
import { bareTag } from '../../../shared/domain/tags';
import { UserError } from '../../core/errors';
import { importImages } from '../../core/library/importer';
import { libraryCtx } from '../../core/library/ops';
import { listLibrary, usedByLabels } from '../../core/library/queries';
import { mediaStore } from '../../core/media/store';
import type { Project } from '../../core/project/project';
import { withProject, type Command, type Io } from '../command';
import { plural, table } from '../format';
import { jsonText } from '../terminal';

function kindOption(value: string | boolean | string[] | undefined): LibraryKind {
  const kind = typeof value === 'string' ? value : 'character';
  if (!(LIBRARY_KINDS as readonly string[]).includes(kind)) {
    throw new UserError(`--kind must be ${LIBRARY_KINDS.join(', ')}; got "${kind}".`);
  }
  return kind as LibraryKind;
}

/** Prints what was added and refused; a refusal makes the command exit 1 once all is said. */
export function reportImport(io: Io, summary: ImportSummary, what: string) {
  for (const a of summary.added) io.out(`added    ${a.name}  ${a.width}×${a.height}${a.tag ? `  @${a.tag}` : ''}\n`);
  for (const s of summary.skipped) io.out(`skipped  ${s.name}: ${s.reason}\n`);
  for (const r of summary.refused) io.err(`shotline: ${r.name}: ${r.reason}\n`);
  if (summary.added.length > 0) io.out(`${plural(summary.added.length, 'image')} added to ${what}.\n`);
  if (summary.refused.length > 0) {
    const of = summary.refused.length + summary.added.length + summary.skipped.length;
    throw new UserError(
      summary.added.length === 0 && summary.skipped.length === 0
        ? `no file could be added (${summary.refused.length} refused); nothing was changed.`
        : `${summary.refused.length} of ${of} files refused; the others were added.`,
    );
  }
}

/** Runs an import with the CLI's commit: one plain transaction. */
export function cliImport(project: Project, ...args: [Parameters<typeof importImages>[1], Parameters<typeof importImages>[2]]) {
  return importImages(project, args[0], args[1], { commit: (_label, fn) => project.db.transaction(fn)() });
}

export const libraryAddCommand: Command = {
  args: ['DIR', 'FILE...'],
  options: {
    kind: { type: 'string', value: 'K', help: `${LIBRARY_KINDS.join(', ')} (default character)` },
    name: { type: 'string', value: 'N', help: 'the item’s name (default: from the tag, else the first file)' },
    tag: { type: 'string', value: 'T', help: 'its tag for prompts, e.g. mara for @mara; an existing tag adds to that item' },
    notes: { type: 'string', value: 'TEXT', help: 'notes kept with a new item' },
  },
  details: [
    'FILE may be a folder (a reference sheet export): its images are added in name order.',
    'JPEG, PNG, WebP, TIFF and HEIC are taken, judged by content, not by name. Each refused file is',
    'named on stderr with the reason, and the command exits 1; when every file is refused nothing is',
    'created. A tag has 3–16 letters, digits or _ and starts with a letter. The first image is primary.',
  ].join('\n'),
  run: ({ args: [dir, ...files], options, io }) =>
    withProject(io, dir!, async (project) => {
      const tag = typeof options.tag === 'string' ? bareTag(options.tag) : undefined;
      const first = files[0]!;
      const name = typeof options.name === 'string' ? options.name : (tag ?? path.basename(first).replace(/\.[^.]+$/, ''));
      const notes = typeof options.notes === 'string' ? options.notes : undefined;
      const target = { to: 'item' as const, kind: kindOption(options.kind), name, ...(tag ? { tag } : {}), ...(notes ? { notes } : {}) };
      const inputs = files.map((f) => ({ name: path.basename(f), path: path.resolve(io.cwd, f) }));
      const summary = await cliImport(project, inputs, target);
      const item = summary.added[0]?.tag ?? summary.itemsCreated[0]?.tag ?? tag;
      reportImport(io, summary, item ? `@${item}` : 'the library');
    }),
};

/** The JSON form: width and height are after EXIF orientation; path is the stored original. */
function libraryJson(project: Project) {
  const { items } = listLibrary(libraryCtx(project));
  const store = mediaStore(project.db, project.folder);
  return {
    items: items.map((i) => ({
      tag: i.tag,
      kind: i.kind,
      name: i.name,
      voice: i.voice,
      usedBy: usedByLabels(i.usedBy),
      images: i.images.map((img) => ({
        sha256: img.sha256,
        width: img.width,
        height: img.height,
        path: ((asset) => (asset ? store.absPath(asset.relPath, `An image of ${i.name}`) : null))(store.get(img.sha256)),
      })),
    })),
  };
}

export const libraryListCommand: Command = {
  args: ['DIR'],
  options: { json: { type: 'boolean', help: 'print JSON instead of a table' } },
  details: [
    'JSON: {"items": [{"tag", "kind", "name", "voice", "usedBy": [shot labels], "images": [{"sha256", "width",',
    '"height", "path"}]}]}. Sizes are after EXIF orientation; path is the original file as stored in the',
    'project. A shot uses an item when the item fills a reference slot or a keyframe, or the prompt names its @tag.',
  ].join('\n'),
  run: ({ args: [dir], options, io }) =>
    withProject(io, dir!, (project) => {
      const json = libraryJson(project);
      if (options.json) {
        io.out(jsonText(json));
        return;
      }
      if (json.items.length === 0) {
        io.out(`The library is empty. Add images with: shotline library add ${dir} --name NAME --tag TAG FILE...\n`);
        return;
      }
      const rows = json.items.map((i) => [`@${i.tag}`, i.kind, i.name, String(i.images.length), i.usedBy.join(' ') || '-']);
      io.out(
        table([{ title: 'Tag' }, { title: 'Kind' }, { title: 'Name', max: 40 }, { title: 'Images', align: 'right' }, { title: 'Used by', max: 50 }], rows),
      );
    }),
};
