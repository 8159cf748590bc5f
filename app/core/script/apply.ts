// Writes a breakdown into the project: the title, the scenes after the project's own, the shots
// with their action, dialogue lines, camera move and duration, and library items for the chosen
// characters and the locations — matched to existing items by name, never duplicated. Plain
// synchronous writes: the caller runs them in one transaction (the app: one undo step).
import type { LibraryKind } from '../../../shared/domain/library';
import type { Shot, ToolId } from '../../../shared/domain/types';
import type { Project } from '../project/project';
import { createItem, libraryCtx } from '../library/ops';
import { appendScenes, deleteScenes } from '../timeline/ops';
import type { Breakdown } from './breakdown';

export interface ApplyOptions {
  tool: ToolId;
  /** Characters to add (by script name); defaults to those who speak. */
  characters?: readonly string[];
}

export interface AppliedScript {
  shots: Shot[];
  scenes: number;
  /** Library items made, and those matched to items already there (names as the library has them). */
  created: Array<{ kind: LibraryKind; name: string; tag: string }>;
  matched: Array<{ kind: LibraryKind; name: string; tag: string }>;
}

/** "OLD TRUCKER" → "Old Trucker": how a name reads in the library. */
function displayName(scriptName: string): string {
  return scriptName.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

export function applyScript(project: Pick<Project, 'timeline' | 'library'>, plan: Breakdown, opts: ApplyOptions): AppliedScript {
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

  const repo = project.timeline;
  if (plan.titlePage.title) repo.updateProject({ ...repo.project(), title: plan.titlePage.title.slice(0, 200) });
  // A project without shots holds at most the empty scene New Project starts with: replace it.
  if (repo.shots().length === 0)
    deleteScenes(
      repo,
      repo.scenes().map((s) => s.id),
    );
  const shots = appendScenes(
    repo,
    plan.scenes.map((scene) => ({
      name: scene.number ? `${scene.number} ${scene.heading}` : scene.heading,
      shots: scene.shots.map((s) => ({
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
      })),
    })),
  );
  return { shots, scenes: plan.scenes.length, created, matched };
}
