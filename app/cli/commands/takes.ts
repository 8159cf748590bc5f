// Reviewing takes from the command line: list a shot's takes, circle one, rate one, and run or
// read the technical check of every take. The same core functions as the app's channels.
import path from 'node:path';
import { QC_LABELS, type TakeInfo } from '../../../shared/domain/takes';
import { UserError } from '../../core/errors';
import { shotByLabel, libraryCtx } from '../../core/library/ops';
import type { Project } from '../../core/project/project';
import { checkTake } from '../../core/takes/qcTake';
import { listTakes } from '../../core/takes/queries';
import { rateTake } from '../../core/takes/review';
import { commitSelection, prepareSelection } from '../../core/takes/select';
import { withProject, type Command, type Io } from '../command';
import { seconds, table } from '../format';
import { jsonText } from '../terminal';

/** The JSON shape of one take (`shotline takes` and `shotline qc`). */
function takeJson(project: Project, label: string, t: TakeInfo) {
  return {
    id: t.id,
    kind: t.kind,
    shot: label,
    number: t.number,
    selected: t.selected,
    rating: t.rating,
    durationS: t.durationS,
    path: path.join(project.folder, ...t.relPath.split('/')),
    tool: t.tool,
    qc: (t.qc ?? []).map((r) => ({ check: r.check, ok: r.ok, detail: r.detail })),
  };
}

const score = (n: number | null) => (n === null ? '-' : String(n));
const qcText = (t: TakeInfo) =>
  t.qc === null
    ? 'not checked'
    : t.qcFailed === 0
      ? 'ok'
      : t.qc
          .filter((r) => !r.ok)
          .map((r) => QC_LABELS[r.check])
          .join(', ');

/** A shot's video takes and storyboard frames together, by number (they share the numbering). */
function shotTakes(project: Project, shotId: string, includeRejected: boolean): TakeInfo[] {
  return [...listTakes(project, shotId, includeRejected), ...listTakes(project, shotId, includeRejected, 'frame')].sort((a, b) => a.number - b.number);
}

function takesTable(label: string, takes: TakeInfo[]): string {
  const rows = takes.map((t) => [
    `${label} T${t.number}`,
    t.kind,
    t.selected ? '●' : '',
    t.durationS === null ? '?' : seconds(Math.round(t.durationS * 100) / 100),
    t.tool,
    `${score(t.rating.fidelity)}/${score(t.rating.consistency)}/${score(t.rating.adherence)}`,
    qcText(t),
    t.id,
  ]);
  return table(
    [
      { title: 'Take' },
      { title: 'Kind' },
      { title: 'Circled' },
      { title: 'Length', align: 'right' },
      { title: 'Tool' },
      { title: 'F/C/A' },
      { title: 'QC', max: 40 },
      { title: 'Id' },
    ],
    rows,
  );
}

export const takesCommand: Command = {
  args: ['DIR'],
  options: {
    shot: { type: 'string', value: 'LABEL', help: 'the shot, by its label (1A)' },
    rejected: { type: 'boolean', help: 'include rejected takes' },
    json: { type: 'boolean', help: 'print JSON instead of a table' },
  },
  details: [
    'Storyboard frames are listed with the video takes (they share the numbering), kind "frame".',
    'JSON: {"takes": [{"id", "kind": "video"|"frame", "shot", "number", "selected", "rating": {"fidelity", "consistency",',
    '"adherence", "notes"}, "durationS", "path", "tool", "qc": [{"check", "ok", "detail"}]}]}.',
    'path is absolute; qc is empty for a take not checked yet (run shotline qc). F/C/A in the table:',
    'visual fidelity, temporal consistency, prompt adherence, 1–5 each.',
  ].join('\n'),
  run: ({ args: [dir], options, io }) =>
    withProject(io, dir!, (project) => {
      if (typeof options.shot !== 'string') throw new UserError('takes needs --shot LABEL, e.g. --shot 1A.');
      const shot = shotByLabel(libraryCtx(project), options.shot);
      const takes = shotTakes(project, shot.id, !!options.rejected);
      if (options.json) return io.out(jsonText({ takes: takes.map((t) => takeJson(project, shot.label, t)) }));
      if (takes.length === 0) return io.out(`${shot.label} has no takes yet. Generate some with: shotline generate ${dir} --shots ${shot.label}\n`);
      io.out(takesTable(shot.label, takes));
    }),
};

export const selectCommand: Command = {
  args: ['DIR'],
  options: {
    shot: { type: 'string', value: 'LABEL', help: 'the shot, by its label (1A)' },
    take: { type: 'string', value: 'N', help: 'the take number (as in shotline takes), or none to uncircle' },
  },
  details:
    'A shot whose keyframe is a frame of this shot (shotline keyframe --start shot:1A:last) gets the new take’s frame, and its takes are marked continuity stale. Circling a storyboard frame makes it the shot’s start keyframe; video takes made from the old one are marked the same way.',
  run: ({ args: [dir], options, io }) =>
    withProject(io, dir!, async (project) => {
      if (typeof options.shot !== 'string' || typeof options.take !== 'string')
        throw new UserError('select needs --shot LABEL and --take N, e.g. --shot 1A --take 2.');
      const shot = shotByLabel(libraryCtx(project), options.shot);
      let take: TakeInfo | null = null;
      if (options.take !== 'none') {
        const n = Number(options.take);
        take = shotTakes(project, shot.id, true).find((t) => t.number === n) ?? null;
        if (!take) throw new UserError(`${shot.label} has no take ${options.take}. See its takes with: shotline takes ${dir} --shot ${shot.label}`);
      }
      const prepared = await prepareSelection(project, shot.id, take?.id ?? null);
      const chained = project.db.transaction(() => commitSelection(project, prepared))();
      if (!take) io.out(`${shot.label}: no take circled.\n`);
      else if (take.kind === 'frame') io.out(`${shot.label}: frame ${take.number} circled; it is the start keyframe now.\n`);
      else io.out(`${shot.label}: take ${take.number} circled.\n`);
      if (chained.length) io.out(`Keyframe updated from it: ${chained.join(', ')} (their earlier takes are marked continuity stale).\n`);
    }),
};

/** A take by id, or by LABEL:N. */
function takeIdFrom(project: Project, spec: string): string {
  const m = /^(.+):(\d+)$/.exec(spec);
  if (m) {
    const shot = shotByLabel(libraryCtx(project), m[1]!);
    const take = shotTakes(project, shot.id, true).find((t) => t.number === Number(m[2]));
    if (!take) throw new UserError(`${shot.label} has no take ${m[2]}.`);
    return take.id;
  }
  return spec;
}

function scoreOption(value: unknown, name: string): number | null | undefined {
  if (value === undefined) return undefined;
  if (value === 'none') return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 5) throw new UserError(`--${name} takes a whole number from 1 to 5 (or none), not "${String(value)}".`);
  return n;
}

export const rateCommand: Command = {
  args: ['DIR'],
  options: {
    take: { type: 'string', value: 'ID', help: 'the take’s id (shotline takes shows it), or LABEL:N such as 1A:2' },
    fidelity: { type: 'string', value: 'N', help: 'visual fidelity, 1–5 (none clears it)' },
    consistency: { type: 'string', value: 'N', help: 'temporal consistency, 1–5' },
    adherence: { type: 'string', value: 'N', help: 'prompt adherence, 1–5' },
    notes: { type: 'string', value: 'TEXT', help: 'replaces the take’s notes' },
  },
  details: 'Scores not given are kept.',
  run: ({ args: [dir], options, io }) =>
    withProject(io, dir!, (project) => {
      if (typeof options.take !== 'string') throw new UserError('rate needs --take ID (or LABEL:N), e.g. --take 1A:2.');
      const patch = {
        ...(options.fidelity !== undefined ? { fidelity: scoreOption(options.fidelity, 'fidelity') } : {}),
        ...(options.consistency !== undefined ? { consistency: scoreOption(options.consistency, 'consistency') } : {}),
        ...(options.adherence !== undefined ? { adherence: scoreOption(options.adherence, 'adherence') } : {}),
        ...(typeof options.notes === 'string' ? { notes: options.notes } : {}),
      };
      if (Object.keys(patch).length === 0) throw new UserError('rate needs at least one of --fidelity, --consistency, --adherence or --notes.');
      const takeId = takeIdFrom(project, options.take);
      const r = project.db.transaction(() => rateTake(project, takeId, patch))();
      io.out(`Fidelity ${score(r.fidelity)}, consistency ${score(r.consistency)}, adherence ${score(r.adherence)}.${r.notes ? ` Notes: ${r.notes}` : ''}\n`);
    }),
};

async function qcAll(project: Project, io: Io, rerun: boolean) {
  const out: Array<{ label: string; take: TakeInfo }> = [];
  for (const shot of project.timeline.shots()) {
    for (const take of listTakes(project, shot.id, true)) {
      if (take.qc === null || rerun)
        take.qc = await checkTake(project, take.id).catch((err: Error) => {
          io.err(`shotline: ${err.message}\n`);
          return null;
        });
      take.qcFailed = take.qc?.filter((r) => !r.ok).length ?? 0;
      out.push({ label: shot.label, take });
    }
  }
  return out;
}

export const qcCommand: Command = {
  args: ['DIR'],
  options: {
    rerun: { type: 'boolean', help: 'check every take again, not only those never checked' },
    json: { type: 'boolean', help: 'print JSON instead of a list' },
  },
  details: [
    'Takes are checked when they arrive; this checks any that were not (made by an older version, or',
    'interrupted) and prints every result. A failed check deletes nothing. JSON: the same shape as',
    'shotline takes --json, for every take of every shot in timeline order.',
  ].join('\n'),
  run: ({ args: [dir], options, io }) =>
    withProject(io, dir!, async (project) => {
      const all = await qcAll(project, io, !!options.rerun);
      if (options.json) return io.out(jsonText({ takes: all.map(({ label, take }) => takeJson(project, label, take)) }));
      if (all.length === 0) return io.out('No takes yet.\n');
      for (const { label, take } of all) {
        io.out(`${label} T${take.number}: ${qcText(take)}\n`);
        for (const r of take.qc ?? []) if (!r.ok) io.out(`  ${QC_LABELS[r.check]}: ${r.detail}\n`);
      }
      const failed = all.filter(({ take }) => take.qcFailed > 0).length;
      io.out(`${all.length} takes, ${failed} with a failed check.\n`);
    }),
};
