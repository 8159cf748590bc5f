import { randomUUID } from 'node:crypto';
import type { ShotPatch } from '../../../shared/contract';
import { DEFAULT_TOOL } from '../../../shared/catalog';
import { labelSource, nextShotLabel, renumber } from '../../../shared/domain/labels';
import { moveItems } from '../../../shared/domain/ordering';
import type { Scene, Shot } from '../../../shared/domain/types';
import { emptyListFields, patchListFields } from '../../../shared/domain/shotList';
import { emptyPrompt } from '../../../shared/domain/types';
import type { TimelineRepo } from '../db/repos/timelineRepo';
import { UserError } from '../errors';

// Timeline edits as plain synchronous functions over the repo. Callers run them inside a
// transaction (a history step in the app, a plain transaction in the CLI).

export type NewShot = Partial<Omit<Shot, 'id' | 'sceneId' | 'position' | 'prompt'>> & { prompt?: Partial<Shot['prompt']> };

function sceneOrThrow(repo: TimelineRepo, id: string): Scene {
  const scene = repo.scene(id);
  if (!scene) throw new UserError('That scene no longer exists. It may have been deleted; press Ctrl+Z to bring it back.');
  return scene;
}

function shotOrThrow(repo: TimelineRepo, id: string): Shot {
  const shot = repo.shot(id);
  if (!shot) throw new UserError('That shot no longer exists. It may have been deleted; press Ctrl+Z to bring it back.');
  return shot;
}

/** A new shot's fields before the user says anything (ids, place and label are the caller's). */
function newShotDefaults(aspectRatio: Shot['aspectRatio']): Omit<Shot, 'id' | 'sceneId' | 'position' | 'label'> {
  return {
    action: '',
    prompt: emptyPrompt(),
    durationS: 5,
    aspectRatio,
    resolution: '',
    tool: DEFAULT_TOOL,
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

function placeScenes(repo: TimelineRepo, ids: string[]) {
  ids.forEach((id, i) => repo.placeScene(id, i));
}

function placeShots(repo: TimelineRepo, sceneId: string, ids: string[]) {
  ids.forEach((id, i) => repo.placeShot(id, sceneId, i));
}

export function addScene(repo: TimelineRepo, opts: { name?: string; afterSceneId?: string | null } = {}): Scene {
  const order = repo.scenes().map((s) => s.id);
  const at = opts.afterSceneId ? order.indexOf(opts.afterSceneId) + 1 || order.length : order.length;
  const scene: Scene = { id: randomUUID(), number: repo.maxSceneNumber() + 1, name: opts.name ?? '', position: order.length };
  if (!scene.name) scene.name = `Scene ${scene.number}`;
  repo.insertScene(scene);
  placeScenes(repo, moveItems([...order, scene.id], new Set([scene.id]), at));
  return repo.scene(scene.id)!;
}

/** Scenes to append, each with its shots in order; a shot with a label keeps it (the caller checked it is free). */
export type AppendedScene = { name?: string; shots: NewShot[] };

/**
 * Appends whole scenes after the project's own, as an import does: one read of what exists, then
 * inserts only, so 50,000 shots take seconds (adding them one by one re-reads and re-places the
 * scene every time). `onProgress` hears (shots done, shots in all) now and then.
 */
export function appendScenes(repo: TimelineRepo, scenes: AppendedScene[], onProgress?: (done: number, total: number) => void): Shot[] {
  const project = repo.project();
  const firstPosition = repo.scenes().length;
  const firstNumber = repo.maxSceneNumber() + 1;
  const named = scenes.flatMap((s) => s.shots.map((shot) => shot.label?.trim() ?? '')).filter(Boolean);
  const taken = new Set([...repo.labels(), ...named]);
  const total = scenes.reduce((n, s) => n + s.shots.length, 0);
  const added: Shot[] = [];
  scenes.forEach((planned, k) => {
    const number = firstNumber + k;
    const scene: Scene = { id: randomUUID(), number, name: planned.name || `Scene ${number}`, position: firstPosition + k };
    repo.insertScene(scene);
    const nextLabel = labelSource(number, taken);
    planned.shots.forEach(({ prompt, ...fields }, position) => {
      const shot: Shot = {
        ...newShotDefaults(project.aspectRatio),
        ...fields,
        id: randomUUID(),
        sceneId: scene.id,
        position,
        label: fields.label?.trim() || nextLabel(),
        prompt: { ...emptyPrompt(), ...prompt },
      };
      repo.insertShot(shot);
      added.push(shot);
      if (onProgress && (added.length % 1000 === 0 || added.length === total)) onProgress(added.length, total);
    });
  });
  return added;
}

export function renameScene(repo: TimelineRepo, id: string, name: string): Scene {
  const scene = sceneOrThrow(repo, id);
  repo.updateScene({ ...scene, name });
  return repo.scene(id)!;
}

export function moveScene(repo: TimelineRepo, id: string, toIndex: number) {
  sceneOrThrow(repo, id);
  placeScenes(
    repo,
    moveItems(
      repo.scenes().map((s) => s.id),
      new Set([id]),
      toIndex,
    ),
  );
}

export function deleteScenes(repo: TimelineRepo, ids: string[]) {
  for (const id of ids) {
    sceneOrThrow(repo, id);
    for (const shot of repo.shotsInScene(id)) repo.deleteShot(shot.id);
    repo.deleteScene(id);
  }
  placeScenes(
    repo,
    repo.scenes().map((s) => s.id),
  );
}

export function addShot(repo: TimelineRepo, sceneId: string, fields: NewShot = {}, opts: { afterShotId?: string | null; defaults?: Partial<Shot> } = {}): Shot {
  const scene = sceneOrThrow(repo, sceneId);
  const order = repo.shotsInScene(sceneId).map((s) => s.id);
  const at = opts.afterShotId ? order.indexOf(opts.afterShotId) + 1 || order.length : order.length;
  const project = repo.project();
  const label = fields.label?.trim() || nextShotLabel(scene.number, repo.labels());
  if (fields.label && repo.labels().includes(label)) {
    throw new UserError(`Shot label "${label}" is already used in this project. Pick another label or leave it empty.`);
  }
  const base: Shot = { ...newShotDefaults(project.aspectRatio), id: randomUUID(), sceneId, label, position: order.length, ...opts.defaults };
  const { prompt, ...rest } = fields;
  const shot: Shot = { ...base, ...rest, label, id: base.id, sceneId, prompt: { ...base.prompt, ...prompt } };
  repo.insertShot(shot);
  placeShots(repo, sceneId, moveItems([...order, shot.id], new Set([shot.id]), at));
  return repo.shot(shot.id)!;
}

export function updateShot(repo: TimelineRepo, id: string, patch: ShotPatch): Shot {
  const shot = shotOrThrow(repo, id);
  const { prompt, list, ...rest } = patch;
  repo.updateShot({ ...shot, ...rest, prompt: { ...shot.prompt, ...prompt }, list: patchListFields(shot.list, list) });
  return repo.shot(id)!;
}

/** Copies each shot right after itself; `from` names the original of each copy. */
export function duplicateShots(repo: TimelineRepo, ids: string[]): Array<{ from: string; shot: Shot }> {
  return timelineOrder(repo, ids).map((shot) => {
    const { id: from, label: _label, position: _p, sceneId, ...fields } = shot;
    return { from, shot: addShot(repo, sceneId, { ...fields, status: 'planned' }, { afterShotId: from }) };
  });
}

export function deleteShots(repo: TimelineRepo, ids: string[]) {
  const scenes = new Set<string>();
  for (const id of ids) {
    const shot = repo.shot(id);
    if (!shot) continue;
    scenes.add(shot.sceneId);
    repo.deleteShot(id);
  }
  for (const sceneId of scenes)
    placeShots(
      repo,
      sceneId,
      repo.shotsInScene(sceneId).map((s) => s.id),
    );
}

/** The given shots in timeline order (scene order, then position). */
function timelineOrder(repo: TimelineRepo, ids: string[]): Shot[] {
  const wanted = new Set(ids);
  const shots = repo.shots().filter((s) => wanted.has(s.id));
  if (shots.length !== wanted.size) throw new UserError('Some of the selected shots no longer exist. Reselect and try again.');
  return shots;
}

export function moveShots(repo: TimelineRepo, ids: string[], toSceneId: string, toIndex: number) {
  sceneOrThrow(repo, toSceneId);
  const moving = timelineOrder(repo, ids);
  const sources = new Set(moving.map((s) => s.sceneId));
  const movingIds = new Set(moving.map((s) => s.id));
  const target = repo.shotsInScene(toSceneId).map((s) => s.id);
  const merged = moveItems([...target.filter((id) => !movingIds.has(id)), ...moving.map((s) => s.id)], movingIds, toIndex);
  placeShots(repo, toSceneId, merged);
  for (const sceneId of sources) {
    if (sceneId !== toSceneId)
      placeShots(
        repo,
        sceneId,
        repo.shotsInScene(sceneId).map((s) => s.id),
      );
  }
}

export function renumberAll(repo: TimelineRepo) {
  const scenes = repo.scenes();
  const shots = repo.shots();
  const next = renumber({ scenes, shots });
  for (const scene of scenes) repo.updateScene({ ...scene, number: next.scenes.get(scene.id)! });
  for (const shot of shots) repo.updateShot({ ...shot, label: next.shots.get(shot.id)! });
}
