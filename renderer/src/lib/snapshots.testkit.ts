// Small snapshots for the pure-logic tests beside this file.
import { emptyListFields } from '../../../shared/domain/shotList';
import { emptyPrompt, type Scene, type Shot } from '../../../shared/domain/types';

export function scene(id: string, number: number, position = number - 1): Scene {
  return { id, number, name: `Scene ${number}`, position };
}

export function shot(id: string, sceneId: string, position: number, durationS = 5): Shot {
  return {
    id,
    sceneId,
    label: id.toUpperCase(),
    position,
    action: '',
    prompt: emptyPrompt(),
    durationS,
    aspectRatio: '16:9',
    resolution: '',
    tool: 'runway:gen4_turbo',
    finalTool: null,
    tier: 'draft',
    dialogue: [],
    list: emptyListFields(),
    notes: '',
    status: 'planned',
    soundMode: 'both',
    askSound: false,
  };
}

/** Two scenes: s1 = a, b, c; s2 = d, e. */
export function twoScenes() {
  return {
    scenes: [scene('s2', 2, 1), scene('s1', 1, 0)],
    shots: [shot('d', 's2', 0), shot('b', 's1', 1), shot('a', 's1', 0), shot('e', 's2', 1, 10), shot('c', 's1', 2, 2)],
  };
}
