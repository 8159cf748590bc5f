// Effects in the Resolve folder: each cue's take as an Audio/ WAV, connected on the effects lane of
// the FCPXML (still DTD-valid), on the OTIO's effects track and in the metadata CSV.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject, shot } from '../jobs/jobs.testkit';
import { ffprobe } from '../media/ffmpeg';
import { madeCue } from '../sound/cues.testkit';
import { useTmpDir } from '../testing/tmp.testkit';
import { exportProjectToResolve } from './exportProject';
import { parseFcpxTime } from './formats/fcpxTime';
import { findAll, parseXml } from './formats/xml';
import { exportFileNames } from './planCut';
import { csvRows, dtdMissing, xmllintErrors } from './tools.testkit';

const tmp = useTmpDir('shotline-effects-export-');

describe('effects in the Resolve folder', () => {
  it('writes each effect as a WAV on the effects lane of every timeline file', async () => {
    const project = makeProject(tmp());
    try {
      shot(project, { tool: 'local:animatic', durationS: 2, action: 'Rain' });
      const second = shot(project, { tool: 'local:animatic', durationS: 3, action: 'The glass falls' });
      await madeCue(project, second, { text: 'glass shatters', seconds: 1, offsetS: 0.5 });

      const summary = await exportProjectToResolve(project, { outDir: tmp(), format: 'h264', fit: 'letterbox', alternates: false });
      expect(fs.readdirSync(path.join(summary.folder, 'Audio'))).toEqual(['EFFECTS_01_1B_effect_1_glass_shatters.wav']);
      expect((await ffprobe(path.join(summary.folder, 'Audio', 'EFFECTS_01_1B_effect_1_glass_shatters.wav'))).durationS).toBeCloseTo(1, 2);

      if (!dtdMissing()) expect(xmllintErrors(summary.fcpxml)).toBe('');
      const clips = findAll(parseXml(fs.readFileSync(summary.fcpxml, 'utf8')), 'asset-clip');
      const effect = clips.find((c) => c.attrs.lane === '-2')!;
      expect(effect.attrs.audioRole).toBe('effects');
      const parent = clips.find((c) => c.attrs.name === '1B')!;
      expect(parent.children).toContain(effect);
      // Half a second into 1B, on 1B's own source axis (24 fps).
      expect(parseFcpxTime(effect.attrs.offset)).toBe(parseFcpxTime(parent.attrs.start)! + 12);

      const names = exportFileNames(project.info().title);
      const otio = JSON.parse(fs.readFileSync(path.join(summary.folder, names.otio), 'utf8'));
      const track = otio.tracks.children.find((t: { kind: string; name: string }) => t.kind === 'Audio' && t.name.endsWith('effects'));
      expect(
        track.children.map((c: { OTIO_SCHEMA: string; source_range: { duration: { value: number } } }) => [c.OTIO_SCHEMA, c.source_range.duration.value]),
      ).toEqual([
        ['Gap.1', 60],
        ['Clip.2', 24],
      ]);
      const [header, ...rows] = csvRows(fs.readFileSync(path.join(summary.folder, names.metadataCsv), 'utf8'));
      expect(rows.find((r) => r[0]!.startsWith('EFFECTS_01'))![header!.indexOf('Keywords')]).toBe('audio,effects');
    } finally {
      project.close();
    }
  }, 120_000);
});
