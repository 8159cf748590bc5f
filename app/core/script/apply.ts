// Writes a breakdown into the project: the title, the scenes, the shots with their action,
// dialogue lines, camera move and duration, and library items for the chosen characters and the
// locations — matched to existing items by name, never duplicated. Into a project an earlier
// draft was imported into, it applies the revision instead (see revision.ts): no shot with
// takes is deleted. Plain synchronous writes: the caller runs them in one transaction (the app:
// one undo step).
import type { LibraryKind } from '../../../shared/domain/library';
import type { Shot, ToolId } from '../../../shared/domain/types';
import type { Project } from '../project/project';
import { createItem, libraryCtx } from '../library/ops';
import { addScene, addShot, appendScenes, deleteScenes, deleteShots, moveScene, renameScene, updateShot, type NewShot } from '../timeline/ops';
import { linesTakes, measuredLengths, type LineTakes } from '../sound/lineAudio';
import { fitDuration, type Breakdown, type PlannedScriptScene, type PlannedScriptShot } from './breakdown';
import { planRevision, sceneKeys, shotText, type ExistingScene, type Revision } from './revision';

export interface ApplyOptions {
  tool: ToolId;
  /** Characters to add (by script name); defaults to those who speak. */
  characters?: readonly string[];
}

export interface AppliedScript {
  /** Shots made (a revision: added or rewritten). */
  shots: Shot[];
  scenes: number;
  /** Library items made, and those matched to items already there (names as the library has them). */
  created: Array<{ kind: LibraryKind; name: string; tag: string }>;
  matched: Array<{ kind: LibraryKind; name: string; tag: string }>;
  /** Null for a first import. */
  revision: Revision | null;
}

type ScriptProject = Pick<Project, 'db' | 'folder' | 'timeline' | 'library' | 'script' | 'takes' | 'reviews'>;

/** "OLD TRUCKER" → "Old Trucker": how a name reads in the library. */
function displayName(scriptName: string): string {
  return scriptName.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

/** The project's scenes as a revision sees them: key, and each shot's imported text and take count. */
export function existingScenes(project: Pick<Project, 'timeline' | 'script' | 'takes'>): ExistingScene[] {
  const keys = project.script.sceneKeys();
  const texts = project.script.shotTexts();
  return project.timeline.scenes().map((scene) => ({
    id: scene.id,
    key: keys.get(scene.id) ?? null,
    shots: project.timeline.shotsInScene(scene.id).map((s) => ({ id: s.id, text: texts.get(s.id) ?? null, takes: project.takes.byShot(s.id).length })),
  }));
}

const sceneName = (scene: PlannedScriptScene) => (scene.number ? `${scene.number} ${scene.heading}` : scene.heading);

export function applyScript(project: ScriptProject, plan: Breakdown, opts: ApplyOptions): AppliedScript {
  const ctx = libraryCtx(project);
  const created: AppliedScript['created'] = [];
  const matched: AppliedScript['matched'] = [];
  const existing = ctx.lib.items();
  /** The tag of the item for `name`: an existing one of that kind and name, else a new item. */
  const itemTag = (kind: LibraryKind, scriptName: string): string => {
    const name = displayName(scriptName);
    const found = existing.find((i) => i.kind === kind && i.name.toLowerCase() === name.toLowerCase());
    if (found) {
      matched.push({ kind, name: found.name, tag: found.tag });
      return found.tag;
    }
    const item = createItem(ctx, { kind, name });
    existing.push(item);
    created.push({ kind, name: item.name, tag: item.tag });
    return item.tag;
  };
  const chosen = new Set(opts.characters ?? plan.characters.filter((c) => c.speaks).map((c) => c.name));
  const characterTags = new Map(plan.characters.filter((c) => chosen.has(c.name)).map((c) => [c.name, itemTag('character', c.name)]));
  const locationTags = new Map(plan.locations.map((l) => [l.name, itemTag('location', l.name)]));
  const newShot = (scene: PlannedScriptScene, s: PlannedScriptShot): NewShot => ({
    action: s.action,
    dialogue: s.dialogue,
    durationS: s.durationS,
    tool: opts.tool,
    notes: scene.notes,
    prompt: {
      camera: s.camera,
      // References follow the script: the tags of who is in the shot, and where it is.
      subject: s.characters.flatMap((c) => (characterTags.has(c) ? [`@${characterTags.get(c)}`] : [])).join(', '),
      scene: scene.location && locationTags.has(scene.location) ? `@${locationTags.get(scene.location)}` : '',
    },
  });

  const repo = project.timeline;
  const { title, credit, authors } = plan.titlePage;
  const credits = [credit, ...authors].filter(Boolean).join('\n');
  if (title || credits) repo.updateProject({ ...repo.project(), ...(title ? { title: title.slice(0, 200) } : {}), ...(credits ? { credits } : {}) });
  const before = existingScenes(project);
  if (before.some((s) => s.key)) {
    const revision = planRevision(plan.scenes, before);
    const shots = applyRevision(project, revision, newShot);
    return { shots, scenes: plan.scenes.length, created, matched, revision };
  }

  // A project without shots holds at most the empty scene New Project starts with: replace it.
  if (repo.shots().length === 0)
    deleteScenes(
      repo,
      repo.scenes().map((s) => s.id),
    );
  const firstNew = repo.scenes().length;
  const shots = appendScenes(
    repo,
    plan.scenes.map((scene) => ({ name: sceneName(scene), shots: scene.shots.map((s) => newShot(scene, s)) })),
  );
  const keys = sceneKeys(plan.scenes);
  const scenes = repo.scenes().slice(firstNew);
  const planned = plan.scenes.flatMap((scene) => scene.shots);
  scenes.forEach((scene, i) => project.script.setScene(scene.id, keys[i]!));
  shots.forEach((shot, i) => project.script.setShot(shot.id, shotText(planned[i]!)));
  return { shots, scenes: plan.scenes.length, created, matched, revision: null };
}

/**
 * The length of a shot the revision rewrites, when some of its lines are already spoken: those
 * count their measured length, not the words' estimate. Null when none is (the estimate stands).
 * The preview shows the same figure.
 */
export function rewrittenLength(spoken: Map<string, LineTakes[]>, op: { shotId: string; shot: PlannedScriptShot }, tool: ToolId): number | null {
  const measured = measuredLengths(spoken, op.shotId, op.shot.dialogue);
  return measured.some((m) => m !== null) ? fitDuration(op.shot.action, op.shot.dialogue, tool, measured) : null;
}

/** Carries out a revision; returns the shots it made or rewrote. */
function applyRevision(project: ScriptProject, revision: Revision, newShot: (scene: PlannedScriptScene, s: PlannedScriptShot) => NewShot): Shot[] {
  const repo = project.timeline;
  const touched: Shot[] = [];
  const mark = (shotId: string, note: string) => {
    const shot = repo.shot(shotId)!;
    updateShot(repo, shotId, { notes: shot.notes ? `${note}\n\n${shot.notes}` : note });
  };
  let lines: Map<string, LineTakes[]> | null = null;
  // Read once, and only when a shot is rewritten: it is every line take's provenance.
  const spoken = () => (lines ??= linesTakes(project));
  const order: string[] = [];
  for (const scene of revision.scenes) {
    if (!scene.planned) {
      // Gone from the script: shots without takes go; a scene left with takes stays, unlinked.
      const remove = scene.ops.flatMap((o) => (o.kind === 'delete' ? [o.shotId] : []));
      deleteShots(repo, remove);
      for (const o of scene.ops)
        if (o.kind === 'markRemoved') mark(o.shotId, `Script changed: this scene is no longer in the script. Kept because it has takes.\nWas: ${o.before}`);
      for (const id of remove) project.script.dropShot(id);
      project.script.dropScene(scene.existing!.id);
      if (repo.shotsInScene(scene.existing!.id).length === 0) deleteScenes(repo, [scene.existing!.id]);
      continue;
    }
    const planned = scene.planned;
    const sceneId = scene.existing?.id ?? addScene(repo, { name: sceneName(planned) }).id;
    if (scene.existing && repo.scene(sceneId)!.name !== sceneName(planned)) renameScene(repo, sceneId, sceneName(planned));
    project.script.setScene(sceneId, scene.key);
    order.push(sceneId);
    let last: string | null = null;
    for (const o of scene.ops) {
      if (o.kind === 'insert') {
        const shot = addShot(repo, sceneId, newShot(planned, o.shot), { afterShotId: last });
        project.script.setShot(shot.id, shotText(o.shot));
        touched.push(shot);
        last = shot.id;
      } else if (o.kind === 'update') {
        const { prompt, ...fields } = newShot(planned, o.shot);
        const durationS = rewrittenLength(spoken(), o, fields.tool ?? repo.shot(o.shotId)!.tool) ?? fields.durationS;
        touched.push(updateShot(repo, o.shotId, { ...fields, durationS, prompt: { ...prompt } }));
        project.script.setShot(o.shotId, shotText(o.shot));
        last = o.shotId;
      } else if (o.kind === 'mark') {
        mark(o.shotId, `Script changed. Kept as it was because it has takes.\nWas: ${o.before}\nNow: ${o.after}`);
        project.script.setShot(o.shotId, o.after);
        last = o.shotId;
      } else if (o.kind === 'markRemoved') {
        mark(o.shotId, `Script changed: this shot is no longer in the script. Kept because it has takes.\nWas: ${o.before}`);
        project.script.dropShot(o.shotId);
        last = o.shotId;
      } else if (o.kind === 'delete') {
        deleteShots(repo, [o.shotId]);
        project.script.dropShot(o.shotId);
      } else last = o.shotId;
    }
  }
  // The script's scenes in the script's order, ahead of scenes added by hand.
  order.forEach((id, i) => moveScene(repo, id, i));
  return touched;
}
