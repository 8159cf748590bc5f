import type { Edit, Handlers } from './types';
import { copyShotImages, libraryCtx } from '../library/ops';
import * as ops from '../timeline/ops';
import { plural } from '../../../shared/domain/words';

type TimelineChannels =
  | 'scene.add'
  | 'scene.rename'
  | 'scene.move'
  | 'scene.delete'
  | 'shot.add'
  | 'shot.update'
  | 'shot.updateMany'
  | 'shot.duplicate'
  | 'shot.delete'
  | 'shot.move'
  | 'shot.renumber';

export function timelineHandlers(edit: Edit): Pick<Handlers, TimelineChannels> {
  // Undo labels name one item in title case ("Delete Shot") and count several ("Delete 3 shots").
  const items = (n: number, one: string) => (n === 1 ? one : plural(n, one.toLowerCase()));
  return {
    'scene.add': (input) => edit('Add scene', ({ project }) => ops.addScene(project.timeline, input)),
    'scene.rename': ({ id, name }) => edit('Rename scene', ({ project }) => ops.renameScene(project.timeline, id, name)),
    'scene.move': ({ id, toIndex }) =>
      edit('Move scene', ({ project }) => {
        ops.moveScene(project.timeline, id, toIndex);
        return null;
      }),
    'scene.delete': ({ ids }) =>
      edit(`Delete ${items(ids.length, 'Scene')}`, ({ project }) => {
        ops.deleteScenes(project.timeline, ids);
        return null;
      }),
    'shot.add': ({ sceneId, afterShotId }) => edit('Add shot', ({ project }) => ops.addShot(project.timeline, sceneId, {}, { afterShotId })),
    'shot.update': ({ id, patch }) => edit('Edit shot', ({ project }) => ops.updateShot(project.timeline, id, patch)),
    'shot.updateMany': ({ ids, patch }) =>
      edit(`Edit ${items(ids.length, 'Shot')}`, ({ project }) => {
        for (const id of ids) ops.updateShot(project.timeline, id, patch);
        return null;
      }),
    'shot.duplicate': ({ ids }) =>
      edit(`Duplicate ${items(ids.length, 'Shot')}`, ({ project }) => {
        const copies = ops.duplicateShots(project.timeline, ids);
        const library = libraryCtx(project);
        for (const { from, shot } of copies) copyShotImages(library, from, shot.id);
        return copies.map((c) => c.shot);
      }),
    'shot.delete': ({ ids }) =>
      edit(`Delete ${items(ids.length, 'Shot')}`, ({ project }) => {
        ops.deleteShots(project.timeline, ids);
        return null;
      }),
    'shot.move': ({ ids, toSceneId, toIndex }) =>
      edit(`Move ${items(ids.length, 'Shot')}`, ({ project }) => {
        ops.moveShots(project.timeline, ids, toSceneId, toIndex);
        return null;
      }),
    'shot.renumber': () =>
      edit('Renumber shots', ({ project }) => {
        ops.renumberAll(project.timeline);
        return null;
      }),
  };
}
