// The sound plan in the FCPXML: effects connected on their own lane, and a shot that plays its
// dialogue and effects instead of its take's sound keeping that sound on its clip, silenced; still
// valid against the FCPXML 1.10 DTD.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTmpDir } from '../../testing/tmp.testkit';
import { FAKE_SOURCES, fixturePlan } from '../export.testkit';
import { planCut } from '../planCut';
import { dtdMissing, xmllintErrors } from '../tools.testkit';
import { writeFcpxml } from './fcpxml';
import { findAll, parseXml } from './xml';

const tmp = useTmpDir();
const skip = dtdMissing();

function soundCut(mode: 'both' | 'dialogue') {
  const plan = fixturePlan('/exports/Cafe_Noir_Resolve', FAKE_SOURCES);
  const last = plan.shots[3]!;
  plan.shots[3] = { ...last, shot: { ...last.shot, soundMode: mode } };
  plan.audio = [{ file: '/src/glass.wav', lane: 'effects', name: '1A effect 1 glass', startS: 0.5, inS: 0, lengthS: 1, gainDb: -3, fadeInS: 0, fadeOutS: 0 }];
  return planCut(plan);
}

describe('FCPXML sound plan', () => {
  it('connects an effect on the effects lane and silences the take sound of a dialogue-only shot, DTD-valid', () => {
    const cut = soundCut('dialogue');
    const xml = writeFcpxml(cut);
    if (!skip) {
      const file = path.join(tmp(), 'sound.fcpxml');
      fs.writeFileSync(file, xml);
      expect(xmllintErrors(file)).toBe('');
    }
    const clips = findAll(parseXml(xml), 'asset-clip');
    expect(clips.find((c) => c.attrs.lane === '-2')!.attrs).toMatchObject({ audioRole: 'effects', name: '1A effect 1 glass' });
    const silenced = clips.filter((c) => c.children.some((ch) => ch.name === 'adjust-volume'));
    expect(silenced.map((c) => c.attrs.name)).toEqual([cut.clips[3]!.label]);
    expect(silenced[0]!.children.find((ch) => ch.name === 'adjust-volume')!.attrs.amount).toBe('-96dB');
  });

  it('leaves every take sound as it is when the shots play both', () => {
    const xml = writeFcpxml(soundCut('both'));
    expect(findAll(parseXml(xml), 'adjust-volume')).toEqual([]);
  });
});
