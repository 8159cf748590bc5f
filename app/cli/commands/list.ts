import { linesAudio, shotLineStarts } from '../../core/sound/lineAudio';
import { estimateShot, projectCost } from '../../../shared/domain/cost';
import { formatRunningTime } from '../../../shared/domain/timecode';
import type { ProjectSnapshot } from '../../../shared/domain/types';
import { withProject, type Command } from '../command';
import { budgetLine, plural, seconds, table, usd } from '../format';
import { jsonText } from '../terminal';

/** Each shot with its scene and estimate: the rows of both the table and the JSON. */
function listRows(snapshot: ProjectSnapshot) {
  const scenes = new Map(snapshot.scenes.map((s) => [s.id, s]));
  return snapshot.shots.map((shot) => {
    const scene = scenes.get(shot.sceneId)!;
    return { shot, scene, estimate: estimateShot(shot) };
  });
}

export const listCommand: Command = {
  args: ['DIR'],
  options: { json: { type: 'boolean', help: 'print JSON instead of a table' } },
  details: [
    'JSON: {"title", "customColumns", "shots": [{"label", "scene", "sceneNumber", "durationS", "tool", "camera",',
    '"action", "dialogue": [{"speaker", "extension", "parenthetical", "text", "offsetS", "startS", "takeId", "audio", "durationS"}], "size", "angle", "lensMm", "equipment", "location", "cast", "setup", "custom",',
    '"estimate": {"usd", "credits"}}]}. scene is the scene\'s name; size is ECU, CU, MCU, MS, MWS, WS, EWS or',
    'INSERT; angle eye_level, high, low, overhead, dutch, pov or ots; custom maps a custom column to its cell;',
    "credits are Runway credits, null for tools not billed in credits; usd is rounded to the cent. A line's",
    'audio is the absolute path of the take it plays with (circled, else the newest not rejected; shotline generate',
    '--dialogue), null before; startS is where it starts in the shot (its offsetS, else after the line before).',
  ].join('\n'),
  run: ({ args: [dir], options, io }) =>
    withProject(io, dir!, (project) => {
      const snapshot = project.snapshot();
      const rows = listRows(snapshot);
      if (options.json) {
        const audio = linesAudio(project);
        const shots = rows.map(({ shot, scene, estimate }) => ({
          label: shot.label,
          scene: scene.name,
          sceneNumber: scene.number,
          durationS: shot.durationS,
          tool: shot.tool,
          camera: shot.prompt.camera,
          action: shot.action,
          dialogue: shot.dialogue.map((line, i) => {
            const lines = audio.get(shot.id) ?? [];
            const a = lines[i] ?? null;
            return {
              ...line,
              offsetS: line.offsetS ?? null,
              startS: Math.round(shotLineStarts(shot, lines)[i]! * 100) / 100,
              takeId: a?.takeId ?? null,
              audio: a?.path ?? null,
              durationS: a ? Math.round(a.durationS * 100) / 100 : null,
            };
          }),
          ...shot.list,
          estimate: { usd: estimate.usd, credits: estimate.credits },
        }));
        io.out(jsonText({ title: snapshot.project.title, customColumns: snapshot.project.customColumns, shots }));
        return;
      }
      if (rows.length === 0) {
        io.out(`"${snapshot.project.title}" has no shots yet. Add some with: shotline import ${dir} FILE\n`);
        return;
      }
      const cost = projectCost(snapshot);
      const body = rows.map(({ shot, scene, estimate }) => [
        shot.label,
        `${scene.number}  ${scene.name}`,
        seconds(shot.durationS),
        shot.tool,
        shot.prompt.camera,
        // A trailing space keeps the figures aligned with the starred ones.
        usd(estimate.usd) + (estimate.adjustment ? '*' : ' '),
      ]);
      const footer = [['Total', plural(rows.length, 'shot'), formatRunningTime(cost.totalDurationS), '', '', `${usd(cost.totalUsd)} `]];
      const columns = [
        { title: 'Label' },
        { title: 'Scene', max: 32 },
        { title: 'Duration', align: 'right' as const },
        { title: 'Tool' },
        { title: 'Camera' },
        { title: 'Estimate', align: 'right' as const },
      ];
      io.out(`${snapshot.project.title}\n\n${table(columns, body, footer)}Budget: ${budgetLine(cost.budgetUsd, cost.budgetLeftUsd)}\n`);
      const notes = rows.filter((r) => r.estimate.adjustment).map((r) => `  ${r.shot.label}  ${r.estimate.adjustment}`);
      if (notes.length > 0) io.out(`\n* Priced at the nearest setting the tool can make:\n${notes.join('\n')}\n`);
    }),
};
