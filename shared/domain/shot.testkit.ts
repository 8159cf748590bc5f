// A complete, valid shot for tests of pure rules; override only what a case is about.
import { emptyListFields } from './shotList';
import { emptyPrompt, type PromptParts, type Shot } from './types';

export function makeShot(overrides: Partial<Omit<Shot, 'prompt'>> & { prompt?: Partial<PromptParts> } = {}): Shot {
  const { prompt, ...rest } = overrides;
  return {
    id: 'shot-1',
    sceneId: 'scene-1',
    label: '1A',
    position: 0,
    action: 'Mara steps in out of the rain',
    durationS: 5,
    aspectRatio: '16:9',
    resolution: '',
    tool: 'kling:kling-v2-5-turbo',
    finalTool: null,
    tier: 'draft',
    dialogue: [],
    list: emptyListFields(),
    notes: '',
    status: 'planned',
    soundMode: 'both',
    askSound: false,
    ...rest,
    prompt: { ...emptyPrompt(), ...prompt },
  };
}
