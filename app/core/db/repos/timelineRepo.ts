import type { AspectRatio, ProjectInfo, Scene, Shot } from '../../../../shared/domain/types';
import { perDb, untilChanged, type Db } from '../sqlite';
import { sceneFromRow, shotFromRow, shotToRow, type SceneRow, type ShotRow } from './rows';

/** Custom column names as stored; anything else reads as none. */
function columnNames(json: string): string[] {
  try {
    const names = JSON.parse(json) as unknown;
    return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [];
  } catch {
    return [];
  }
}

/** The only module with SQL for the project, scenes and shots. */
function makeTimelineRepo(db: Db) {
  const q = {
    project: db.prepare('SELECT title, aspect_ratio, budget_usd, credits, custom_columns FROM project WHERE id = 1'),
    scenes: db.prepare('SELECT id, number, name, position FROM scenes ORDER BY position'),
    scene: db.prepare('SELECT id, number, name, position FROM scenes WHERE id = ?'),
    shots: db.prepare('SELECT s.* FROM shots s JOIN scenes c ON c.id = s.scene_id ORDER BY c.position, s.position'),
    shot: db.prepare('SELECT * FROM shots WHERE id = ?'),
    shotsInScene: db.prepare('SELECT * FROM shots WHERE scene_id = ? ORDER BY position'),
    labels: db.prepare('SELECT label FROM shots').pluck(),
    maxSceneNumber: db.prepare('SELECT COALESCE(MAX(number), 0) FROM scenes').pluck(),
    insertScene: db.prepare('INSERT INTO scenes (id, number, name, position) VALUES (@id, @number, @name, @position)'),
    updateScene: db.prepare('UPDATE scenes SET number = @number, name = @name, position = @position WHERE id = @id'),
    deleteScene: db.prepare('DELETE FROM scenes WHERE id = ?'),
    insertShot: db.prepare(
      `INSERT INTO shots (id, scene_id, label, position, action, prompt_json, duration_s, aspect_ratio, resolution,
         tool, final_tool, fallback_tool, tier, dialogue, list_json, notes, status, sound_mode, ask_sound)
       VALUES (@id, @scene_id, @label, @position, @action, @prompt_json, @duration_s, @aspect_ratio, @resolution,
         @tool, @final_tool, @fallback_tool, @tier, @dialogue, @list_json, @notes, @status, @sound_mode, @ask_sound)`,
    ),
    updateShot: db.prepare(
      `UPDATE shots SET scene_id = @scene_id, label = @label, position = @position, action = @action,
         prompt_json = @prompt_json, duration_s = @duration_s, aspect_ratio = @aspect_ratio, resolution = @resolution,
         tool = @tool, final_tool = @final_tool, fallback_tool = @fallback_tool, tier = @tier, dialogue = @dialogue, list_json = @list_json, notes = @notes, status = @status,
         sound_mode = @sound_mode, ask_sound = @ask_sound
       WHERE id = @id`,
    ),
    placeShot: db.prepare('UPDATE shots SET scene_id = ?, position = ? WHERE id = ? AND (scene_id <> ? OR position <> ?)'),
    placeScene: db.prepare('UPDATE scenes SET position = ? WHERE id = ? AND position <> ?'),
    deleteShot: db.prepare('DELETE FROM shots WHERE id = ?'),
    insertProject: db.prepare("INSERT INTO project (id, title, aspect_ratio, budget_usd, created_at, created_by) VALUES (1, ?, ?, ?, datetime('now'), ?)"),
    updateProject: db.prepare(
      'UPDATE project SET title = @title, aspect_ratio = @aspect_ratio, budget_usd = @budget_usd, credits = @credits, custom_columns = @custom_columns WHERE id = 1',
    ),
  };

  return {
    project(): Omit<ProjectInfo, 'path' | 'schemaVersion'> {
      const r = q.project.get() as { title: string; aspect_ratio: string; budget_usd: number | null; credits: string; custom_columns: string } | undefined;
      if (!r) throw new Error('project row missing');
      return {
        title: r.title,
        aspectRatio: r.aspect_ratio as AspectRatio,
        budgetUsd: r.budget_usd,
        credits: r.credits,
        customColumns: columnNames(r.custom_columns),
      };
    },
    createProject(title: string, aspectRatio: AspectRatio, budgetUsd: number | null, createdBy: string) {
      q.insertProject.run(title, aspectRatio, budgetUsd, createdBy);
    },
    updateProject(p: { title: string; aspectRatio: AspectRatio; budgetUsd: number | null; credits?: string; customColumns?: string[] }) {
      const now = q.project.get() as { credits: string; custom_columns: string };
      q.updateProject.run({
        title: p.title,
        aspect_ratio: p.aspectRatio,
        budget_usd: p.budgetUsd,
        credits: p.credits ?? now.credits,
        custom_columns: p.customColumns ? JSON.stringify(p.customColumns) : now.custom_columns,
      });
    },
    scenes: (): Scene[] => (q.scenes.all() as SceneRow[]).map(sceneFromRow),
    scene: (id: string): Scene | undefined => {
      const r = q.scene.get(id) as SceneRow | undefined;
      return r && sceneFromRow(r);
    },
    shots: untilChanged(db, (): readonly Shot[] => (q.shots.all() as ShotRow[]).map(shotFromRow)),
    shot: (id: string): Shot | undefined => {
      const r = q.shot.get(id) as ShotRow | undefined;
      return r && shotFromRow(r);
    },
    shotsInScene: (sceneId: string): Shot[] => (q.shotsInScene.all(sceneId) as ShotRow[]).map(shotFromRow),
    labels: (): string[] => q.labels.all() as string[],
    maxSceneNumber: (): number => q.maxSceneNumber.get() as number,
    insertScene: (s: Scene) => void q.insertScene.run(s),
    updateScene: (s: Scene) => void q.updateScene.run(s),
    deleteScene: (id: string) => void q.deleteScene.run(id),
    insertShot: (s: Shot) => void q.insertShot.run(shotToRow(s)),
    updateShot: (s: Shot) => void q.updateShot.run(shotToRow(s)),
    /** Writes only rows whose place changed, so undo steps stay small. */
    placeShot: (id: string, sceneId: string, position: number) => void q.placeShot.run(sceneId, position, id, sceneId, position),
    placeScene: (id: string, position: number) => void q.placeScene.run(position, id, position),
    deleteShot: (id: string) => void q.deleteShot.run(id),
  };
}

export const timelineRepo = perDb(makeTimelineRepo);

export type TimelineRepo = ReturnType<typeof timelineRepo>;
