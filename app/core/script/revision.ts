// A revised draft against what an earlier import made. Scenes match by script number where the
// script has them, else by heading and occurrence; shots within a matched scene by position.
// Pure: the preview counts the plan, the import carries it out. No shot with takes is ever
// deleted — one whose text changed, or whose scene left the script, is kept and marked.
import { dialogueText } from '../../../shared/domain/dialogue';
import type { PlannedScriptScene, PlannedScriptShot } from './breakdown';

export interface ExistingScene {
  id: string;
  /** Null for a scene the user added by hand: never touched by a revision. */
  key: string | null;
  shots: Array<{ id: string; text: string | null; takes: number }>;
}

export type ShotOp =
  | { kind: 'same'; shotId: string }
  | { kind: 'update'; shotId: string; shot: PlannedScriptShot }
  /** Text changed on a shot with takes: kept as it is, marked with the old and new text. */
  | { kind: 'mark'; shotId: string; before: string; after: string }
  | { kind: 'insert'; index: number; shot: PlannedScriptShot }
  | { kind: 'delete'; shotId: string }
  /** Gone from the script but has takes: kept, marked. */
  | { kind: 'markRemoved'; shotId: string; before: string };

export type SceneChange = 'added' | 'removed' | 'changed' | 'moved' | 'same';

export interface SceneRevision {
  key: string;
  change: SceneChange;
  planned: PlannedScriptScene | null;
  existing: ExistingScene | null;
  ops: ShotOp[];
}

export interface Revision {
  scenes: SceneRevision[];
  /** Shots kept only because they have takes (marked for the user to decide). */
  keptWithTakes: number;
}

/** The text a shot is compared by: its action and its lines. */
export function shotText(shot: Pick<PlannedScriptShot, 'action' | 'dialogue'>): string {
  return [shot.action, dialogueText(shot.dialogue)].filter(Boolean).join('\n');
}

/** Keys for scenes in script order: "#12A" from a number, else "HEADING@n" for the n-th scene so headed. */
export function sceneKeys(scenes: ReadonlyArray<Pick<PlannedScriptScene, 'heading' | 'number'>>): string[] {
  const seen = new Map<string, number>();
  return scenes.map((s) => {
    if (s.number) return `#${s.number.toUpperCase()}`;
    const heading = s.heading.toUpperCase().replace(/\s+/g, ' ').trim();
    const n = (seen.get(heading) ?? 0) + 1;
    seen.set(heading, n);
    return `${heading}@${n}`;
  });
}

function shotOps(planned: PlannedScriptScene, existing: ExistingScene): ShotOp[] {
  const ops: ShotOp[] = [];
  const n = Math.max(planned.shots.length, existing.shots.length);
  for (let i = 0; i < n; i++) {
    const next = planned.shots[i];
    const old = existing.shots[i];
    if (next && !old) ops.push({ kind: 'insert', index: i, shot: next });
    else if (old && !next) ops.push(old.takes > 0 ? { kind: 'markRemoved', shotId: old.id, before: old.text ?? '' } : { kind: 'delete', shotId: old.id });
    else if (next && old) {
      const after = shotText(next);
      if (old.text === after) ops.push({ kind: 'same', shotId: old.id });
      else if (old.takes > 0) ops.push({ kind: 'mark', shotId: old.id, before: old.text ?? '', after });
      else ops.push({ kind: 'update', shotId: old.id, shot: next });
    }
  }
  return ops;
}

export function planRevision(planned: readonly PlannedScriptScene[], existing: readonly ExistingScene[]): Revision {
  const keys = sceneKeys(planned);
  const byKey = new Map(existing.filter((s) => s.key).map((s) => [s.key!, s]));
  const linked = existing.filter((s) => s.key);
  const scenes: SceneRevision[] = planned.map((p, i) => {
    const old = byKey.get(keys[i]!) ?? null;
    if (!old) return { key: keys[i]!, change: 'added', planned: p, existing: null, ops: p.shots.map((shot, index) => ({ kind: 'insert', index, shot })) };
    const ops = shotOps(p, old);
    const oldIndex = linked.indexOf(old);
    const change: SceneChange = ops.some((o) => o.kind !== 'same') ? 'changed' : oldIndex !== i ? 'moved' : 'same';
    return { key: keys[i]!, change, planned: p, existing: old, ops };
  });
  const kept = new Set(keys);
  for (const old of linked) {
    if (kept.has(old.key!)) continue;
    const ops: ShotOp[] = old.shots.map((s) => (s.takes > 0 ? { kind: 'markRemoved', shotId: s.id, before: s.text ?? '' } : { kind: 'delete', shotId: s.id }));
    scenes.push({ key: old.key!, change: 'removed', planned: null, existing: old, ops });
  }
  const keptWithTakes = scenes.flatMap((s) => s.ops).filter((o) => o.kind === 'mark' || o.kind === 'markRemoved').length;
  return { scenes, keptWithTakes };
}
