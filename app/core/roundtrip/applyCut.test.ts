import { describe, expect, it } from 'vitest';
import { makeShot } from '../../../shared/domain/shot.testkit';
import type { Scene } from '../../../shared/domain/types';
import { sceneLayout } from './applyCut';

const scenes: Scene[] = [
  { id: 's1', number: 1, name: 'One', position: 0 },
  { id: 's2', number: 2, name: 'Two', position: 1 },
  { id: 's3', number: 3, name: 'Empty', position: 2 },
  { id: 's4', number: 4, name: 'Four', position: 3 },
];
const shots = [
  makeShot({ id: 'a', sceneId: 's1', position: 0 }),
  makeShot({ id: 'b', sceneId: 's1', position: 1 }),
  makeShot({ id: 'c', sceneId: 's2', position: 0 }),
  makeShot({ id: 'd', sceneId: 's2', position: 1 }),
  makeShot({ id: 'e', sceneId: 's4', position: 0 }),
];
const layout = (order: string[]) => {
  const r = sceneLayout(scenes, shots, order);
  return { scenes: r.scenes, shots: r.shots.map((s) => `${s.id}@${s.sceneId}:${s.position}`) };
};

describe('sceneLayout', () => {
  it('keeps every shot in its scene when the edit only reorders within scenes', () => {
    expect(layout(['b', 'a', 'd', 'c', 'e'])).toEqual({ scenes: ['s1', 's2', 's3', 's4'], shots: ['b@s1:0', 'a@s1:1', 'd@s2:0', 'c@s2:1', 'e@s4:0'] });
  });

  it('moves a whole scene when the editor moved all of its shots, the empty scene travelling with its predecessor', () => {
    expect(layout(['c', 'd', 'a', 'b', 'e'])).toEqual({ scenes: ['s2', 's3', 's1', 's4'], shots: ['c@s2:0', 'd@s2:1', 'a@s1:0', 'b@s1:1', 'e@s4:0'] });
    expect(layout(['e', 'a', 'b', 'c', 'd']).scenes).toEqual(['s4', 's1', 's2', 's3']);
  });

  it('puts a shot the editor cut into another scene into that scene', () => {
    expect(layout(['a', 'c', 'b', 'd', 'e']).shots).toEqual(['a@s1:0', 'c@s1:1', 'b@s1:2', 'd@s2:0', 'e@s4:0']);
  });
});
