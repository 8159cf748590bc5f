// A 120-page feature (300 scenes) as Fountain and as Final Draft: parse + breakdown, the preview
// the app shows after a drop, and the import transaction, each timed on this machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyScript } from '../app/core/script/apply';
import { breakdown } from '../app/core/script/breakdown';
import { previewOf } from '../app/core/script/preview';
import { readImport } from '../app/core/script/read';
import { story, storyFdx, storyFountain } from '../app/core/script/script.testkit';
import { openProject } from '../app/core/project/project';
import { createProjectAt } from '../app/core/project/projectFiles';
import { ms, report } from './report';

const time = <T>(fn: () => T): [T, number] => {
  const t0 = performance.now();
  const out = fn();
  return [out, performance.now() - t0];
};

export async function scriptBench() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shotline-bench-script-'));
  try {
    const scenes = story(300);
    const figures: Record<string, string> = {};
    for (const [format, text] of [
      ['Fountain', storyFountain(scenes)],
      ['Final Draft', storyFdx(scenes)],
    ] as const) {
      const bytes = Buffer.from(text);
      const choices = { granularity: 'paragraph' as const, tool: 'local:animatic' };
      const [read, parseMs] = time(() => readImport(format === 'Fountain' ? 'feature.fountain' : 'feature.fdx', bytes));
      if (read.kind !== 'script') throw new Error('not read as a script');
      const [plan, breakdownMs] = time(() => breakdown(read.script, choices));
      const project = openProject(createProjectAt(path.join(dir, `${format}.shotline`), format, { createdBy: 'bench' }));
      try {
        const [, previewMs] = time(() => previewOf(readImport('again', bytes), choices, '16:9', project));
        const [applied, importMs] = time(() => project.db.transaction(() => applyScript(project, plan, { tool: choices.tool }))());
        figures[`${format}, ${(bytes.length / 1024).toFixed(0)} KB`] =
          `parse ${ms(parseMs)} + breakdown ${ms(breakdownMs)}; preview after a drop ${ms(previewMs)}; import ${ms(importMs)} (${applied.shots.length} shots)`;
      } finally {
        project.close();
      }
    }
    report('script (120-page feature, 300 scenes)', figures);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
