// A small project for the export tests: a title and texts that break naive writers (Unicode,
// characters Windows refuses in names, XML specials, a control character), a trimmed take, a
// shot with alternates, one with audio and one with no take at all.
import { emptyListFields } from '../../../shared/domain/shotList';
import { makeShot } from '../../../shared/domain/shot.testkit';
import type { ProjectSnapshot, Scene, Shot } from '../../../shared/domain/types';
import type { PlanCutInput, PlanShot } from './planCut';

export const FIXTURE_TITLE = 'Café "Noir": 東京/Night\\Diner*?<>|';

export const FIXTURE_SCENES: Scene[] = [
  { id: 'sc1', number: 1, name: 'Diner', position: 0 },
  { id: 'sc2', number: 2, name: 'Street', position: 1 },
];

export const FIXTURE_SHOTS: Shot[] = [
  makeShot({
    id: 's1',
    sceneId: 'sc1',
    label: '1A',
    position: 0,
    durationS: 2.5,
    tool: 'runway:gen4_turbo',
    action: 'Mara enters — “Tom & Jerry’s” <diner> \u0001 at 2am',
    dialogue: [{ speaker: 'MARA', extension: null, parenthetical: '(flat)', text: 'We\'re "closed".' }],
    prompt: { subject: 'Mara, 30s, wet coat 🌧️', camera: 'push_in' },
    list: {
      ...emptyListFields(),
      size: 'CU',
      angle: 'low',
      lensMm: 35,
      location: 'Diner, back booth',
      cast: ['Mara'],
      setup: 2,
      custom: { Wardrobe: 'Red coat' },
    },
  }),
  makeShot({
    id: 's2',
    sceneId: 'sc1',
    label: '1B',
    position: 1,
    durationS: 3,
    tool: 'kling:kling-v2-5-turbo',
    action: 'Tom looks up, 東京の夜',
    tier: 'final',
  }),
  makeShot({ id: 's3', sceneId: 'sc2', label: '2A', position: 0, durationS: 2, action: 'The street, empty; rain, neon', prompt: { camera: 'pan_left' } }),
  makeShot({ id: 's4', sceneId: 'sc2', label: '2B', position: 1, durationS: 1.5, tool: 'local:animatic', action: 'Sign flickers, line one\nline two' }),
];

export function fixtureSnapshot(): ProjectSnapshot {
  return {
    project: {
      title: FIXTURE_TITLE,
      path: '/projects/Noir.shotline',
      aspectRatio: '16:9',
      budgetUsd: 50,
      credits: 'Written by\nAna Ruiz',
      customColumns: ['Wardrobe'],
      schemaVersion: 3,
    },
    scenes: FIXTURE_SCENES,
    shots: FIXTURE_SHOTS,
  };
}

export interface FixtureSources {
  /** A 3 s (72-frame) clip; `audio` asks for one with a sound track. */
  take: (label: string, take: number, audio: boolean) => string;
  /** A 2 s (48-frame) placeholder clip. */
  placeholder: (label: string) => string;
}

export const RAW_FRAMES = 72;

/** 1A: take 2 trimmed 6 frames in; 1B: take 1 plus alternates 2 and 3; 2A: no take; 2B: take 1 with audio. */
export function fixturePlan(targetDir: string, sources: FixtureSources, width = 640, height = 360): PlanCutInput {
  const [s1, s2, s3, s4] = FIXTURE_SHOTS as [Shot, Shot, Shot, Shot];
  const take = (shot: Shot, number: number, audio = false) => ({
    number,
    tool: shot.tool,
    sourcePath: sources.take(shot.label, number, audio),
    durationFrames: RAW_FRAMES,
    hasAudio: audio,
  });
  const shots: PlanShot[] = [
    { shot: s1, sceneNumber: 1, take: { ...take(s1, 2), inFrames: 6 }, placeholder: null, alternates: [] },
    { shot: s2, sceneNumber: 1, take: { ...take(s2, 1), inFrames: 0 }, placeholder: null, alternates: [take(s2, 2), take(s2, 3)] },
    { shot: s3, sceneNumber: 2, take: null, placeholder: sources.placeholder(s3.label), alternates: [] },
    { shot: s4, sceneNumber: 2, take: { ...take(s4, 1, true), inFrames: 0 }, placeholder: null, alternates: [] },
  ];
  return { title: FIXTURE_TITLE, width, height, aspectRatio: '16:9', targetDir, shots };
}

/** Source paths that need not exist, for the pure writers. */
export const FAKE_SOURCES: FixtureSources = {
  take: (label, n) => `/src/${label}-take${n}.mp4`,
  placeholder: (label) => `/src/${label}-still.png`,
};
