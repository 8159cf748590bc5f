// Music beds in the Resolve folder: Audio/ WAVs (48 kHz, 24-bit, what plays), connected under the
// picture on the music lane in the FCPXML (still DTD-valid), an Audio track in the OTIO, a row in
// the metadata CSV.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { secondsToFrames } from '../../../shared/domain/timecode';
import { makeProject, shot } from '../jobs/jobs.testkit';
import { ffprobe, resolveFfmpeg } from '../media/ffmpeg';
import { addMusic, prepareMusic } from '../sound/music';
import { useTmpDir } from '../testing/tmp.testkit';
import { exportProjectToResolve } from './exportProject';
import { parseFcpxTime } from './formats/fcpxTime';
import { findAll, parseXml } from './formats/xml';
import { exportFileNames } from './planCut';
import { csvRows, dtdMissing, xmllintErrors } from './tools.testkit';

const tmp = useTmpDir('shotline-audio-export-');
const skipDtd = dtdMissing();

describe('sound in the Resolve folder', () => {
  it('writes each music bed as a WAV and places it on the music lane of every timeline file', async () => {
    const project = makeProject(tmp());
    try {
      shot(project, { tool: 'local:animatic', durationS: 2, action: 'Rain' });
      shot(project, { tool: 'local:animatic', durationS: 3, action: 'Mara looks up' });
      const file = path.join(tmp(), 'Night bed.mp3');
      execFileSync(await resolveFfmpeg(), ['-v', 'error', '-f', 'lavfi', '-i', 'sine=frequency=220:duration=6', '-y', file]);
      const prepared = await prepareMusic(project.db, project.folder, file);
      project.db.transaction(() =>
        addMusic(project.db, project.folder, project.music, prepared, { atS: 2.5, trimInS: 1, lengthS: 2, gainDb: -6, fadeOutS: 0.5 }),
      )();

      const summary = await exportProjectToResolve(project, { outDir: tmp(), format: 'h264', fit: 'letterbox', alternates: false });
      const wavs = fs.readdirSync(path.join(summary.folder, 'Audio'));
      expect(wavs).toEqual(['MUSIC_01_Night_bed.wav']);
      const wav = path.join(summary.folder, 'Audio', wavs[0]!);
      const streams = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name,sample_rate,channels', '-of', 'csv=p=0', wav], {
        encoding: 'utf8',
      });
      expect(streams.trim()).toBe('pcm_s24le,48000,2');
      expect((await ffprobe(wav)).durationS).toBeCloseTo(2, 2);

      // FCPXML: connected under shot 1B (which holds 2.5 s), lane -3, as music.
      if (!skipDtd) expect(xmllintErrors(summary.fcpxml)).toBe('');
      const xml = parseXml(fs.readFileSync(summary.fcpxml, 'utf8'));
      const clips = findAll(xml, 'asset-clip');
      const music = clips.find((c) => c.attrs.lane === '-3')!;
      expect(music.attrs).toMatchObject({ audioRole: 'music', name: 'Night bed.mp3', start: '0s' });
      expect(parseFcpxTime(music.attrs.duration)).toBe(secondsToFrames(2));
      const parent = clips.find((c) => c.attrs.name === '1B')!;
      expect(parent.children.some((ch) => ch === music)).toBe(true);
      // Half a second into 1B, on 1B's own source axis.
      expect(parseFcpxTime(music.attrs.offset)).toBe(parseFcpxTime(parent.attrs.start)! + 12);
      const asset = findAll(xml, 'asset').find((a) => a.attrs.id === music.attrs.ref)!;
      expect(asset.attrs).toMatchObject({ hasAudio: '1', audioRate: '48000', audioChannels: '2' });

      // OTIO: an Audio track: 2.5 s of gap, then the bed.
      const names = exportFileNames(project.info().title);
      const otio = JSON.parse(fs.readFileSync(path.join(summary.folder, names.otio), 'utf8'));
      const audioTrack = otio.tracks.children.find((t: { kind: string }) => t.kind === 'Audio');
      expect(audioTrack.name).toBe('A4 music');
      expect(
        audioTrack.children.map((c: { OTIO_SCHEMA: string; source_range: { duration: { value: number } } }) => [c.OTIO_SCHEMA, c.source_range.duration.value]),
      ).toEqual([
        ['Gap.1', 60],
        ['Clip.2', 48],
      ]);

      const [header, ...rows] = csvRows(fs.readFileSync(path.join(summary.folder, names.metadataCsv), 'utf8'));
      const row = rows.find((r) => r[0] === 'MUSIC_01_Night_bed.wav')!;
      expect(row[header!.indexOf('Keywords')]).toBe('audio,music');
      expect(row[header!.indexOf('Clip Name')]).toBe('Night bed.mp3');
      expect(fs.readFileSync(path.join(summary.folder, 'README.txt'), 'utf8')).toContain('1 sound file(s), 48 kHz 24-bit WAV');
    } finally {
      project.close();
    }
  }, 120_000);
});
