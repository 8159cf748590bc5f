// Child process for the crash test: makes edits forever, printing each one once committed.
import { openProject } from '../project/project';
import * as ops from '../timeline/ops';

const project = openProject(process.argv[2]!);
const sceneId = project.timeline.scenes()[0]!.id;
for (let i = 1; ; i++) {
  project.db.transaction(() => {
    const shot = ops.addShot(project.timeline, sceneId, { action: `edit ${i}` });
    ops.updateShot(project.timeline, shot.id, { notes: 'n'.repeat(2000), durationS: 3 });
  })();
  process.stdout.write(`${i}\n`);
}
