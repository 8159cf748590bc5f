import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { secondsToFrames } from '../../../../shared/domain/timecode';
import { useTmpDir } from '../../testing/tmp.testkit';
import { FAKE_SOURCES, FIXTURE_SHOTS, FIXTURE_TITLE, fixturePlan } from '../export.testkit';
import { parseFcpxTime } from './fcpxTime';
import { writeFcpxml } from './fcpxml';
import { planCut } from '../planCut';
import { dtdMissing, FIXTURES_DIR, xmllintErrors } from '../tools.testkit';
import { findAll, parseXml, type XmlElement } from './xml';

const cut = planCut(fixturePlan('/exports/Cafe_Noir_Resolve', FAKE_SOURCES));
const xml = writeFcpxml(cut);
const root = parseXml(xml);
const skip = dtdMissing();
if (skip) console.log(skip);

describe('writeFcpxml', () => {
  const tmp = useTmpDir();

  it.skipIf(!!skip)('validates against the FCPXML 1.10 DTD with xmllint (and so does the template it follows)', () => {
    const file = path.join(tmp(), 'cut.fcpxml');
    fs.writeFileSync(file, xml);
    expect(xmllintErrors(file)).toBe('');
    expect(xmllintErrors(path.join(FIXTURES_DIR, 'reference.fcpxml'))).toBe('');
  });

  it('declares version 1.10 in a single file with a bare DOCTYPE', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE fcpxml>\n<fcpxml version="1.10">')).toBe(true);
  });

  it('uses only the elements and attributes of the Resolve-shaped template, plus asset audio facts', () => {
    const vocabulary = (node: XmlElement, at = '', out = new Map<string, Set<string>>()) => {
      const here = `${at}/${node.name}`;
      const attrs = out.get(here) ?? new Set<string>();
      Object.keys(node.attrs).forEach((a) => attrs.add(a));
      out.set(here, attrs);
      node.children.forEach((c) => vocabulary(c, here, out));
      return out;
    };
    const sample = vocabulary(parseXml(fs.readFileSync(path.join(FIXTURES_DIR, 'reference.fcpxml'), 'utf8')));
    const extra = new Set(['audioSources', 'audioChannels', 'audioRate']);
    for (const [where, attrs] of vocabulary(root)) {
      expect(sample.has(where), where).toBe(true);
      for (const a of attrs) expect(sample.get(where)!.has(a) || extra.has(a), `${where}@${a}`).toBe(true);
    }
  });

  it('starts the sequence at 01:00:00:00, 24p NDF, at the timeline size', () => {
    const format = findAll(root, 'format')[0]!;
    expect(format.attrs).toMatchObject({ frameDuration: '100/2400s', width: '640', height: '360' });
    const sequence = findAll(root, 'sequence')[0]!;
    expect(sequence.attrs).toMatchObject({ tcStart: '3600s', tcFormat: 'NDF', format: 'r1' });
    const total = FIXTURE_SHOTS.reduce((sum, s) => sum + secondsToFrames(s.durationS), 0);
    expect(parseFcpxTime(sequence.attrs.duration)).toBe(total);
  });

  it('lays one asset-clip per shot end to end, named by label, each as long as its shot', () => {
    const clips = findAll(root, 'asset-clip');
    expect(clips.map((c) => c.attrs.name)).toEqual(FIXTURE_SHOTS.map((s) => s.label));
    let offset = 86400;
    clips.forEach((clip, i) => {
      expect(parseFcpxTime(clip.attrs.offset)).toBe(offset);
      const duration = parseFcpxTime(clip.attrs.duration)!;
      expect(duration).toBe(secondsToFrames(FIXTURE_SHOTS[i]!.durationS));
      offset += duration;
    });
  });

  it('anchors each asset at its file timecode with the full media as handles, and the clip at timecode + trim', () => {
    const assets = new Map(findAll(root, 'asset').map((a) => [a.attrs.id, a]));
    findAll(root, 'asset-clip').forEach((clip, i) => {
      const planned = cut.clips[i]!;
      const asset = assets.get(clip.attrs.ref)!;
      expect(parseFcpxTime(asset.attrs.start)).toBe(planned.media.startTimecodeFrames);
      expect(parseFcpxTime(asset.attrs.duration)).toBe(planned.media.durationFrames);
      expect(parseFcpxTime(clip.attrs.start)).toBe(planned.media.startTimecodeFrames + planned.sourceInFrames);
      expect(asset.attrs.hasAudio).toBe(planned.media.hasAudio ? '1' : '0');
      const src = asset.children[0]!.attrs.src!;
      expect(src).toMatch(/^file:\/\/\/[A-Za-z0-9\-._~/:%]+$/);
      expect(fileURLToPath(src)).toBe(planned.media.path);
    });
    // 1A is trimmed: 6 frames of head handle on a 72-frame file.
    expect(parseFcpxTime(findAll(root, 'asset-clip')[0]!.attrs.start)).toBe(cut.clips[0]!.media.startTimecodeFrames + 6);
  });

  it('puts a marker with label and action at each clip start and the prompt in the note, escaped', () => {
    findAll(root, 'asset-clip').forEach((clip, i) => {
      const [note, marker] = clip.children;
      expect(note!.name).toBe('note');
      // The control character in 1A's action is dropped: XML 1.0 cannot carry it.
      expect(note!.text).toContain(`Prompt: ${cut.clips[i]!.prompt.replace('\u0001', '')}`);
      expect(marker!.attrs).toMatchObject({ start: clip.attrs.start, value: cut.clips[i]!.label, duration: '100/2400s' });
    });
    const first = findAll(root, 'marker')[0]!;
    expect(first.attrs.note).toBe('Mara enters — “Tom & Jerry’s” <diner>  at 2am');
    expect(findAll(root, 'event')[0]!.attrs.name).toBe(FIXTURE_TITLE);
    expect(findAll(root, 'note')[1]!.text).toContain('Alternates (in Alternates/): T02 SC01_SH020_T02_kling.mp4, T03 SC01_SH020_T03_kling.mp4');
  });
});
