// The library, reference slot and keyframe channels. Imports do their slow work (copy, decode,
// thumbnail) before the edit, then commit as one undoable step; reads build what the UI shows.
import fs from 'node:fs';
import { loadSharp } from '../media/lazyLibs';
import type { EventMap, EventName } from '../../../shared/contract';
import type { LibraryItem } from '../../../shared/domain/library';
import { UserError } from '../errors';
import { importImages } from '../library/importer';
import * as ops from '../library/ops';
import { allShotRefs, listLibrary, shotRefs } from '../library/queries';
import { renderForSend } from '../library/sendImage';
import { extractTakeFrame, takeFrameSource, takeLookup, type TakeLookup } from '../library/takeFrame';
import { mediaStore } from '../media/store';
import type { Project } from '../project/project';
import type { Edit, Handlers, OpenSession } from './types';

type LibraryChannels = Extract<keyof Handlers, `library.${string}` | `refs.${string}`>;

/** Tables an edit here can touch, for `project.changed`. */

export interface LibraryDeps {
  current: () => OpenSession;
  emit: <E extends EventName>(event: E, payload: EventMap[E]) => void;
  /** Where `shot:…:last` keyframes find a take; none until the project has takes. */
  takes?: (project: Project) => TakeLookup;
}

const linkAfter = <T>(fn: () => T, link: () => void): T => {
  const result = fn();
  link();
  return result;
};

function dataUrl(mime: string, buf: Buffer): string {
  return `data:${mime};base64,${buf.toString('base64')}`;
}

export function libraryHandlers(edit: Edit, deps: LibraryDeps): Pick<Handlers, LibraryChannels> {
  const ctx = () => ops.libraryCtx(deps.current().project);
  const itemView = (id: string): LibraryItem => listLibrary(ctx()).items.find((i) => i.id === id)!;
  const label = (shotId: string) => deps.current().project.timeline.shot(shotId)?.label ?? '';

  /** The commit of an import, refused if another project was opened meanwhile. */
  const commitIn =
    (project: Project) =>
    <T>(name: string, fn: () => T) =>
      edit(name, (s) => {
        if (s.project !== project) throw new UserError('The project changed during the import, so nothing was added. Drop the files again.');
        return fn();
      });

  return {
    'library.list': () => listLibrary(ctx()),
    'library.import': async ({ importId, files, target }) => {
      const project = deps.current().project;
      return importImages(project, files, target, {
        commit: commitIn(project),
        onProgress: (p) => deps.emit('library.importProgress', { importId: importId ?? '', ...p }),
      });
    },
    'library.createItem': (input) => {
      const item = edit(`Add @${input.tag ?? input.name}`, ({ project }) => ops.createItem(ops.libraryCtx(project), input));
      return itemView(item.id);
    },
    'library.updateItem': ({ id, patch }) => {
      const { item, rewritten } = edit(patch.tag ? 'Rename tag' : 'Edit library item', ({ project }) => ops.updateItem(ops.libraryCtx(project), id, patch));
      return { item: itemView(item.id), rewritten };
    },
    'library.deleteItem': ({ id }) => {
      const tag = ctx().lib.item(id)?.tag;
      return edit(`Delete @${tag ?? 'item'}`, ({ project }) => {
        ops.deleteItem(ops.libraryCtx(project), id);
        return null;
      });
    },
    'library.deleteImage': ({ id }) =>
      edit('Delete image', ({ project }) => {
        ops.deleteImage(ops.libraryCtx(project), id);
        return null;
      }),
    'library.setPrimary': ({ imageId }) =>
      edit('Set primary image', ({ project }) => {
        ops.setPrimary(ops.libraryCtx(project), imageId);
        return null;
      }),
    'library.moveImage': ({ imageId, toIndex }) =>
      edit('Move image', ({ project }) => {
        ops.moveImage(ops.libraryCtx(project), imageId, toIndex);
        return null;
      }),
    'library.setFocus': ({ imageId, ratio, rect }) => edit(`Set ${ratio} crop`, ({ project }) => ops.setFocus(ops.libraryCtx(project), imageId, ratio, rect)),
    'library.thumbnail': ({ sha256 }) => {
      const { project } = deps.current();
      const asset = mediaStore(project.db, project.folder).get(sha256);
      // Only files the library refers to: this channel is not a way to read any stored media.
      if (!asset || asset.kind !== 'image' || !project.library.assetInUse(sha256) || asset.size > 4 * 1024 * 1024) {
        throw new UserError('That thumbnail is not in the library.');
      }
      return dataUrl(
        asset.mime,
        fs.readFileSync(mediaStore(project.db, project.folder).absPath(asset.relPath, `The library image ${asset.originalName ?? asset.sha256}`)),
      );
    },
    'library.preview': async ({ imageId, maxSide }) => {
      const { project } = deps.current();
      const image = ops.imageOrThrow(ctx(), imageId);
      const working = mediaStore(project.db, project.folder).get(image.imageSha256);
      if (!working) throw new UserError(`The file behind ${image.name} is missing from the project. Import it again.`);
      const side = maxSide ?? 1024;
      const sharp = await loadSharp();
      const { data, info } = await sharp(mediaStore(project.db, project.folder).absPath(working.relPath, `The library image ${image.name}`), {
        limitInputPixels: false,
      })
        .resize(side, side, { fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 82 })
        .toBuffer({ resolveWithObject: true });
      return { dataUrl: dataUrl('image/webp', data), width: info.width, height: info.height };
    },
    'library.sendPreview': async ({ imageId, tool, ratio }) => {
      const { project } = deps.current();
      const sent = await renderForSend(project.db, project.folder, ops.imageOrThrow(ctx(), imageId), tool, ratio);
      return { dataUrl: dataUrl(sent.mime, fs.readFileSync(sent.path)), width: sent.width, height: sent.height, short: sent.short, notes: sent.notes };
    },
    'refs.all': () => allShotRefs(ctx()),
    'refs.set': ({ shotId, refs }) => {
      edit(`Set references of ${label(shotId)}`, ({ project }) => ops.setShotRefs(ops.libraryCtx(project), shotId, refs));
      return shotRefs(ctx(), shotId);
    },
    'refs.setKeyframe': async ({ shotId, which, source }) => {
      const name = `${source ? 'Set' : 'Clear'} ${which} keyframe of ${label(shotId)}`;
      if (source && 'fromShotId' in source) {
        const project = deps.current().project;
        const from = ops.shotOrThrow(ctx(), source.fromShotId);
        const frame = await extractTakeFrame(project.folder, from, source.frame, (deps.takes ?? takeLookup)(project));
        try {
          const summary = await importImages(
            project,
            [{ name: `${from.label}-${source.frame}-frame.png`, path: frame }],
            { to: 'keyframe', shotId, which, source: takeFrameSource(from.label, source.frame) },
            // The keyframe remembers which shot it is a frame of, so it follows that shot's circled take.
            {
              commit: (label, fn) =>
                commitIn(project)(label, () => linkAfter(fn, () => project.reviews.linkKeyframe(shotId, which, { shotId: from.id, frame: source.frame }))),
            },
          );
          if (summary.refused[0]) throw new UserError(`The frame of shot ${from.label} could not be used: ${summary.refused[0].reason}`);
        } finally {
          fs.rmSync(frame, { force: true });
        }
      } else {
        edit(name, ({ project }) => ops.setKeyframe(ops.libraryCtx(project), shotId, which, source));
      }
      return shotRefs(ctx(), shotId);
    },
  };
}
