import { perDb, type Db } from '../sqlite';

/** The only module with SQL for script links: which scenes and shots came from a script, and as what. */
function makeScriptRepo(db: Db) {
  const q = {
    scenes: db.prepare('SELECT scene_id, key FROM script_scenes'),
    shots: db.prepare('SELECT shot_id, text FROM script_shots'),
    setScene: db.prepare('INSERT INTO script_scenes (scene_id, key) VALUES (?, ?) ON CONFLICT (scene_id) DO UPDATE SET key = excluded.key'),
    setShot: db.prepare('INSERT INTO script_shots (shot_id, text) VALUES (?, ?) ON CONFLICT (shot_id) DO UPDATE SET text = excluded.text'),
    dropScene: db.prepare('DELETE FROM script_scenes WHERE scene_id = ?'),
    dropShot: db.prepare('DELETE FROM script_shots WHERE shot_id = ?'),
  };
  return {
    /** Scene id → key, for scenes that came from a script. */
    sceneKeys: () => new Map((q.scenes.all() as Array<{ scene_id: string; key: string }>).map((r) => [r.scene_id, r.key])),
    /** Shot id → its text when imported. */
    shotTexts: () => new Map((q.shots.all() as Array<{ shot_id: string; text: string }>).map((r) => [r.shot_id, r.text])),
    setScene: (sceneId: string, key: string) => void q.setScene.run(sceneId, key),
    setShot: (shotId: string, text: string) => void q.setShot.run(shotId, text),
    dropScene: (sceneId: string) => void q.dropScene.run(sceneId),
    dropShot: (shotId: string) => void q.dropShot.run(shotId),
  };
}

export const scriptRepo = perDb(makeScriptRepo);

export type ScriptRepo = ReturnType<typeof scriptRepo>;
