// Sound-effect cues from the command line: add one to a shot and queue the job that makes it, or
// list the cues with the effect each plays.
import path from 'node:path';
import { getSfxModel } from '../../../shared/catalog';
import type { SfxCue } from '../../../shared/domain/sound';
import { randomUUID } from 'node:crypto';
import { sfxRepo } from '../../core/db/repos/sfxRepo';
import { UserError } from '../../core/errors';
import { defaultSfxTool, enqueueCues, planCues } from '../../core/jobs/audio';
import { jobsCtx } from '../../core/jobs/enqueue';
import { envKeySource } from '../../core/keys/keySource';
import { cuesByShot } from '../../core/sound/cues';
import { withProject, type Command } from '../command';
import { num, table } from '../format';
import { cliRunners } from '../jobs';
import { jsonText } from '../terminal';
import { pickShots, reportQueued } from './generate';

function cuesTable(cues: Array<SfxCue & { label: string }>): string {
  return table(
    [
      { title: 'Shot' },
      { title: 'Effect' },
      { title: 'At', align: 'right' },
      { title: 'Length', align: 'right' },
      { title: 'Gain', align: 'right' },
      { title: 'Take' },
    ],
    cues.map((c) => [c.label, c.text, `${c.offsetS} s`, `${c.seconds} s`, `${c.gainDb} dB`, c.take ? `#${c.take.number} ${c.take.tool}` : 'none yet']),
  );
}

export const sfxCommand: Command = {
  args: ['DIR'],
  options: {
    shot: { type: 'string', value: 'LABEL', help: 'the shot the effect belongs to' },
    text: { type: 'string', value: 'TEXT', help: 'what it sounds like, e.g. "a heavy door slams"' },
    seconds: { type: 'string', value: 'N', help: 'its length, 0.5–30 s' },
    at: { type: 'string', value: 'S', help: 'where it starts inside the shot, in seconds (default 0)' },
    gain: { type: 'string', value: 'DB', help: 'level, -60 to +12 dB (default 0); negative as --gain=-6' },
    tool: { type: 'string', value: 'PROVIDER:MODEL', help: 'elevenlabs:eleven_text_to_sound_v2 or local:sfx (default: ElevenLabs when its key is set)' },
    wait: { type: 'boolean', help: 'make it now and wait; exit 1 if it failed or needs attention' },
    list: { type: 'boolean', help: 'list the effect cues' },
    json: { type: 'boolean', help: 'with --list: print JSON' },
  },
  details: [
    'ElevenLabs (ELEVENLABS_API_KEY) makes the described sound at the cue’s length, billed per generation;',
    'local:sfx makes a free scratch effect of the exact length, to time the cut with no key. The animatic',
    'mixes each cue in at its shot’s place plus --at, unless the shot plays its take’s own sound only.',
    'JSON (--list --json): {"sfx": [{"id", "shot", "text", "seconds", "offsetS", "gainDb", "audio", "tool"}]}; audio is',
    'the absolute path of the take that plays (the circled one, else the newest), null before any.',
  ].join('\n'),
  run: ({ args: [dir], options, io }) =>
    withProject(io, dir!, async (project) => {
      if (options.list) {
        const labels = new Map(project.timeline.shots().map((s) => [s.id, s.label]));
        const cues = [...cuesByShot(project).values()].flat().map((c) => ({ ...c, label: labels.get(c.shotId) ?? '?' }));
        if (options.json) {
          const sfx = cues.map((c) => ({
            id: c.id,
            shot: c.label,
            text: c.text,
            seconds: c.seconds,
            offsetS: c.offsetS,
            gainDb: c.gainDb,
            audio: c.take ? path.join(project.folder, ...c.take.relPath.split('/')) : null,
            tool: c.take?.tool ?? null,
          }));
          return io.out(jsonText({ sfx }));
        }
        return io.out(cues.length ? cuesTable(cues) : 'No effect cues yet. Add one with: shotline sfx DIR --shot LABEL --text "…" --seconds N\n');
      }
      if (typeof options.shot !== 'string') throw new UserError('Name the shot with --shot LABEL (see the labels with: shotline list DIR).');
      const text = typeof options.text === 'string' ? options.text.trim() : '';
      if (!text) throw new UserError('Describe the effect with --text, e.g. --text "a heavy door slams".');
      const seconds = num(options.seconds, 'seconds', 0.5, 30);
      if (seconds === undefined) throw new UserError('Give the effect a length with --seconds N (0.5–30).');
      const [shot] = pickShots(project, [options.shot], false);
      const tool = typeof options.tool === 'string' ? options.tool : defaultSfxTool(!!envKeySource(io.env).get('elevenlabs'));
      if (!getSfxModel(tool)) throw new UserError(`${tool} does not make sound effects. Use --tool elevenlabs:eleven_text_to_sound_v2 or local:sfx.`);
      // Said now, not as a failed job later, when the tool needs a key that is not set.
      cliRunners(io).runner(tool);
      const cue = { id: randomUUID(), text, seconds };
      const ctx = jobsCtx(project);
      // The cue and its job together: refused past the budget, neither is written.
      const { jobIds } = project.db.transaction(() => {
        sfxRepo(project.db).insert({
          id: cue.id,
          shot_id: shot!.id,
          text,
          seconds,
          offset_s: num(options.at, 'at', 0, 600) ?? 0,
          gain_db: num(options.gain, 'gain', -60, 12) ?? 0,
        });
        return enqueueCues(ctx, planCues([{ shot: shot!, cue }], tool));
      })();
      await reportQueued(project, io, dir!, jobIds, { shots: 1, wait: options.wait === true, noun: 'effect' });
    }),
};
