// Every edit the UI can make, in one place, so the toolbar, the keyboard and the native menu
// do exactly the same thing. Each reads the latest snapshot and selection at call time,
// talks to the core, and updates selection; failures become a toast with the core's message.
import type { QueryClient } from '@tanstack/react-query';
import type { ShotPatch } from '../../../../shared/contract';
import type { ProjectInfo, ProjectSnapshot, Shot } from '../../../../shared/domain/types';
import { call, errorMessage } from '../../api/client';
import { keys } from '../../api/queries';
import { applySceneMove, applyShotMove, stepMove, type MoveTarget } from '../../lib/moves';
import { focusAfterRemoval, single, targets } from '../../lib/selection';
import { sceneForInsert, timelineOf, type TimelineModel } from '../../lib/timeline';
import { useUi } from '../../stores/ui';
import { sayQueued } from '../sound/soundApi';

export type Actions = ReturnType<typeof createActions>;

export function createActions(qc: QueryClient) {
  const ui = () => useUi.getState();
  const snapshot = () => qc.getQueryData<ProjectSnapshot>(keys.snapshot);
  const model = () => {
    const s = snapshot();
    return s ? timelineOf(s) : null;
  };
  const refresh = () => qc.invalidateQueries({ queryKey: keys.snapshot });

  /**
   * Calls the core, then waits for a fresh snapshot, so the next (serialized) action and any
   * selection set afterwards see this edit rather than a refetch that started before it.
   */
  async function run<T>(fn: () => Promise<T>): Promise<T | undefined> {
    try {
      const value = await fn();
      await refresh();
      return value;
    } catch (err) {
      ui().notify('error', errorMessage(err));
      await refresh();
      return undefined;
    }
  }

  function patchSnapshot(fn: (s: ProjectSnapshot) => ProjectSnapshot) {
    qc.setQueryData<ProjectSnapshot>(keys.snapshot, (s) => (s ? fn(s) : s));
  }

  function replaceShot(shot: Shot) {
    patchSnapshot((s) => ({ ...s, shots: s.shots.map((x) => (x.id === shot.id ? shot : x)) }));
  }

  const select = (id: string | null) => {
    if (id) ui().setSelection(single(id));
  };

  async function addShotTo(sceneId: string, afterShotId: string | null) {
    const shot = await run(() => call('shot.add', { sceneId, afterShotId }));
    if (!shot) return;
    patchSnapshot((s) => (s.shots.some((x) => x.id === shot.id) ? s : { ...s, shots: [...s.shots, shot] }));
    select(shot.id);
    ui().focusTimeline();
  }

  async function moveShots(ids: string[], target: MoveTarget) {
    const m = model();
    if (!m || !ids.length) return;
    patchSnapshot((s) => ({
      ...s,
      shots: applyShotMove(
        timelineOf(s).blocks.flatMap((b) => b.shots),
        ids,
        target,
      ),
    }));
    const moved = await run(() => call('shot.move', { ids, ...target }));
    if (moved !== undefined) offerRenumber(m, ids, target.toSceneId);
  }

  /** Labels stay until Renumber; after a move into another scene, say so and offer it. */
  function offerRenumber(m: TimelineModel, ids: string[], toSceneId: string) {
    const scene = m.blocks.find((b) => b.scene.id === toSceneId)?.scene;
    const strays = ids.map((id) => m.shotById.get(id)).filter((s) => s && s.sceneId !== toSceneId);
    if (!scene || strays.length === 0) return;
    const labels = strays.map((s) => s!.label).join(', ');
    ui().notify('info', `Moved ${labels} into scene ${scene.number}; labels stay as they are until you renumber.`, {
      label: 'Renumber',
      run: () => void run(() => call('shot.renumber', {})),
    });
  }

  return serialize({
    /** Adds a shot after the focused one (or at the end); creates a first scene when there is none. */
    async addShot() {
      const m = model();
      if (!m) return;
      const active = ui().activeSceneId;
      const activeBlock = !ui().selection.focus && active ? m.blocks.find((b) => b.scene.id === active) : undefined;
      let where = activeBlock
        ? { sceneId: activeBlock.scene.id, afterShotId: activeBlock.shots[activeBlock.shots.length - 1]?.id ?? null }
        : sceneForInsert(m, ui().selection.focus);
      if (!where) {
        const scene = await run(() => call('scene.add', {}));
        if (!scene) return;
        where = { sceneId: scene.id, afterShotId: null };
      }
      await addShotTo(where.sceneId, where.afterShotId);
    },
    async addShotToScene(sceneId: string) {
      const block = model()?.blocks.find((b) => b.scene.id === sceneId);
      await addShotTo(sceneId, block?.shots[block.shots.length - 1]?.id ?? null);
    },
    async addScene() {
      const m = model();
      const focus = ui().selection.focus;
      const after = (focus && m?.shotById.get(focus)?.sceneId) || m?.blocks[m.blocks.length - 1]?.scene.id || null;
      const scene = await run(() => call('scene.add', { afterSceneId: after }));
      if (!scene) return;
      patchSnapshot((s) => (s.scenes.some((x) => x.id === scene.id) ? s : { ...s, scenes: [...s.scenes, scene] }));
      // The new scene is empty: the next Add shot goes into it.
      ui().setSelection({ ids: [], anchor: null, focus: null });
      ui().setActiveScene(scene.id);
      ui().focusTimeline();
    },
    async duplicate() {
      const ids = targets(ui().selection);
      if (!ids.length) return;
      const copies = await run(() => call('shot.duplicate', { ids }));
      if (!copies?.length) return;
      const last = copies[copies.length - 1]!.id;
      ui().setSelection({ ids: copies.map((c) => c.id), anchor: copies[0]!.id, focus: last });
    },
    async deleteShots() {
      const m = model();
      const sel = ui().selection;
      const ids = targets(sel);
      if (!m || !ids.length) return;
      const next = focusAfterRemoval(m.order, ids, sel.focus);
      patchSnapshot((s) => ({ ...s, shots: s.shots.filter((x) => !ids.includes(x.id)) }));
      ui().setSelection(next ? single(next) : { ids: [], anchor: null, focus: null });
      const done = await run(() => call('shot.delete', { ids }));
      if (done !== undefined) ui().notify('info', `Deleted ${ids.length === 1 ? 'shot' : `${ids.length} shots`} — Ctrl+Z to undo`);
    },
    moveShots,
    async moveStep(dir: -1 | 1) {
      const m = model();
      const ids = targets(ui().selection);
      const target = m && stepMove(m, ids, dir);
      if (target) await moveShots(ids, target);
    },
    async moveScene(sceneId: string, toIndex: number) {
      patchSnapshot((s) => applySceneMove(s, sceneId, toIndex));
      await run(() => call('scene.move', { id: sceneId, toIndex }));
    },
    async renameScene(id: string, name: string) {
      patchSnapshot((s) => ({ ...s, scenes: s.scenes.map((x) => (x.id === id ? { ...x, name } : x)) }));
      await run(() => call('scene.rename', { id, name }));
    },
    async deleteScene(id: string) {
      const scene = snapshot()?.scenes.find((s) => s.id === id);
      const done = await run(() => call('scene.delete', { ids: [id] }));
      if (done !== undefined) ui().notify('info', `Deleted scene ${scene?.number ?? ''} — Ctrl+Z to undo`);
    },
    async renumber() {
      await run(() => call('shot.renumber', {}));
    },
    async updateShot(id: string, patch: ShotPatch) {
      const shot = await run(() => call('shot.update', { id, patch }));
      if (shot) replaceShot(shot);
    },
    async setTool(tool: string) {
      const ids = targets(ui().selection);
      if (!ids.length) return;
      patchSnapshot((s) => ({ ...s, shots: s.shots.map((x) => (ids.includes(x.id) ? { ...x, tool } : x)) }));
      await run(() => call('shot.updateMany', { ids, patch: { tool } }));
    },
    async updateProject(patch: { title?: string; budgetUsd?: number | null; aspectRatio?: ProjectInfo['aspectRatio']; customColumns?: string[] }) {
      const info = await run(() => call('project.update', patch));
      if (!info) return;
      qc.setQueryData(keys.current, info);
      patchSnapshot((s) => ({ ...s, project: info }));
    },
    async undo() {
      const state = await run(() => call('history.undo', {}));
      if (state) qc.setQueryData(keys.history, state);
    },
    async redo() {
      const state = await run(() => call('history.redo', {}));
      if (state) qc.setQueryData(keys.history, state);
    },
    /** Every spoken line of the film, in its speaker's voice. */
    async speakAllLines() {
      const result = await run(() => call('sound.generateLines', {}));
      if (result) sayQueued(result, 'line');
    },
    async closeProject() {
      const done = await run(() => call('project.close', {}));
      if (done === undefined) return;
      ui().setSelection({ ids: [], anchor: null, focus: null });
      qc.setQueryData(keys.current, null);
      qc.removeQueries({ queryKey: keys.snapshot });
      void qc.invalidateQueries({ queryKey: keys.recent });
    },
  });
}

type AsyncFns = Record<string, (...args: never[]) => Promise<unknown>>;

/**
 * Runs the actions one after another. Each reads the selection and snapshot when it starts,
 * so a burst of keys (Ctrl+Enter three times) acts on the result of the previous one.
 */
function serialize<T extends AsyncFns>(fns: T): T {
  let tail: Promise<unknown> = Promise.resolve();
  const out: Record<string, unknown> = {};
  for (const [name, fn] of Object.entries(fns)) {
    out[name] = (...args: never[]) => {
      const run = tail.then(() => fn(...args));
      tail = run.catch(() => undefined);
      return run;
    };
  }
  return out as T;
}
