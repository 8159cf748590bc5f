import { describe, expect, it } from 'vitest';
import { UserError } from '../errors';
import { applyCutDiff, diffCut, readCut, readEdlCut, readFcpxmlCut, type ImportedClip, type KnownShot } from './importCut';

const SHOTS: KnownShot[] = [
  { id: 's1', label: '1A', sceneNumber: 1, durationS: 2.5, take: 2 },
  { id: 's2', label: '1B', sceneNumber: 1, durationS: 3, take: 1 },
  { id: 's3', label: '2A', sceneNumber: 2, durationS: 2, take: null },
  { id: 's4', label: '2B', sceneNumber: 2, durationS: 1.5, take: 1 },
];

const clip = (name: string, durationFrames: number, fileName: string | null = null): ImportedClip => ({ name, fileName, durationFrames });

/** As Resolve writes FCPXML: clips named after files, one wrapped in <clip>, a gap, a title, a connected clip. */
const RESOLVE_FCPXML = (version: string) => `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE fcpxml>
<fcpxml version="${version}">
  <resources>
    <format id="r0" frameDuration="1/24s" width="1920" height="1080"/>
    <asset id="r1" name="SC01_SH020_T01_kling.mp4" start="7260/1s" duration="72/24s" hasVideo="1" format="r0">
      <media-rep kind="original-media" src="file:///Volumes/Edit/Caf%C3%A9_Resolve/Media/SC01_SH020_T01_kling.mp4"/>
    </asset>
    <asset id="r2" name="SC01_SH010_T02_runway.mp4" start="7200/1s" duration="72/24s" hasVideo="1" format="r0">
      <media-rep kind="original-media" src="file:///Volumes/Edit/Caf%C3%A9_Resolve/Media/SC01_SH010_T02_runway.mp4"/>
    </asset>
    <asset id="r3" name="SC02_SH020_T03_local.mp4" start="7500/1s" duration="72/24s" hasVideo="1" format="r0">
      <media-rep kind="original-media" src="file:///Volumes/Edit/Caf%C3%A9_Resolve/Alternates/SC02_SH020_T03_local.mp4"/>
    </asset>
    <asset id="r4" name="broll.mov" start="0/1s" duration="240/24s" hasVideo="1" format="r0">
      <media-rep kind="original-media" src="file:///Volumes/Edit/broll.mov"/>
    </asset>
    <effect id="r5" name="Text+" uid=".../Titles.localized/Text+.moti"/>
    <media id="r6" name="Compound Clip 1">
      <sequence format="r0" duration="24/24s">
        <spine><asset-clip name="inside" ref="r4" offset="0s" start="0s" duration="24/24s"/></spine>
      </sequence>
    </media>
  </resources>
  <library>
    <event name="Timeline 1 (Resolve)">
      <project name="Timeline 1 (Resolve)">
        <sequence format="r0" duration="240/24s" tcStart="3600/1s" tcFormat="NDF">
          <spine>
            <asset-clip name="SC01_SH020_T01_kling.mp4" ref="r1" offset="3600/1s" start="7260/1s" duration="72/24s" format="r0">
              <asset-clip name="broll.mov" lane="1" ref="r4" offset="7260/1s" start="0/1s" duration="24/24s"/>
            </asset-clip>
            <clip name="1A" offset="86472/24s" duration="48/24s" format="r0">
              <video ref="r2" offset="0/1s" start="172806/24s" duration="48/24s"/>
            </clip>
            <gap name="Gap" offset="86520/24s" start="3600/1s" duration="24/24s"/>
            <title ref="r5" name="Text+" offset="86544/24s" start="3600/1s" duration="24/24s"/>
            <asset-clip name="SC02_SH020_T03_local.mp4" ref="r3" offset="86568/24s" start="7500/1s" duration="36/24s"/>
            <asset-clip name="broll.mov" ref="r4" offset="86604/24s" start="0/1s" duration="5s"/>
            <ref-clip name="Compound Clip 1" ref="r6" offset="86724/24s" duration="24/24s"/>
          </spine>
        </sequence>
      </project>
    </event>
  </library>
</fcpxml>
`;

describe('reading a timeline back from Resolve', () => {
  it.each(['1.9', '1.10', '1.11'])(
    'reads the main track of an FCPXML %s: wrapped and compound clips included, lanes, gaps and compound insides not',
    (version) => {
      expect(readFcpxmlCut(RESOLVE_FCPXML(version))).toEqual([
        clip('SC01_SH020_T01_kling.mp4', 72, 'SC01_SH020_T01_kling.mp4'),
        clip('1A', 48, 'SC01_SH010_T02_runway.mp4'),
        clip('Text+', 24, null),
        clip('SC02_SH020_T03_local.mp4', 36, 'SC02_SH020_T03_local.mp4'),
        clip('broll.mov', 120, 'broll.mov'),
        clip('Compound Clip 1', 24, null),
      ]);
    },
  );

  it('reads the video events of a CMX3600 EDL, skipping audio-only and the outgoing half of a dissolve', () => {
    const edl = [
      'TITLE: Timeline 1',
      'FCM: NON-DROP FRAME',
      '',
      '001  AX       V     C        02:01:00:00 02:01:03:00 01:00:00:00 01:00:03:00  ',
      '* FROM CLIP NAME: SC01_SH020_T01_kling.mp4',
      '',
      '002  AX       A     C        05:00:00:00 05:00:01:00 01:00:03:00 01:00:04:00',
      '* FROM CLIP NAME: music.wav',
      '003  AX       V     C        02:00:02:12 02:00:02:12 01:00:03:00 01:00:03:00',
      '003  AX       V     D    012 02:00:00:06 02:00:02:06 01:00:03:00 01:00:05:00',
      '*FROM CLIP NAME:  1A',
      '* SOURCE FILE: C:\\Edit\\Media\\SC01_SH010_T02_runway.mp4',
      '004  BL       V     C        00:00:00:00 00:00:01:00 01:00:05:00 01:00:06:00',
    ].join('\r\n');
    expect(readEdlCut(edl)).toEqual([clip('SC01_SH020_T01_kling.mp4', 72), clip('1A', 48, 'SC01_SH010_T02_runway.mp4'), clip('', 24)]);
  });

  it('tells the two formats apart and says what to export when it can read neither', () => {
    expect(readCut(`\uFEFF${RESOLVE_FCPXML('1.10')}`)).toHaveLength(6);
    expect(readCut('TITLE: x\n001  AX V C 02:00:00:00 02:00:01:00 01:00:00:00 01:00:01:00\n')).toHaveLength(1);
    expect(() => readCut('<xmeml version="5"><sequence/></xmeml>')).toThrow(/not an FCPXML/);
    expect(() => readCut('<fcpxml><resources>')).toThrow(UserError);
    expect(() => readCut('hello')).toThrow(/neither an FCPXML nor an EDL/);
    expect(() => readCut('TITLE: empty\n')).toThrow(/no clips/);
  });
});

describe('diffCut', () => {
  it('finds reordered, trimmed and removed shots, unknown clips and a changed take', () => {
    const diff = diffCut(SHOTS, readFcpxmlCut(RESOLVE_FCPXML('1.10')));
    expect(diff.order).toEqual(['s2', 's1', 's4']);
    // A swap of two neighbours moves one of them.
    expect(diff.reordered).toEqual([{ shotId: 's2', label: '1B', from: 1, to: 0 }]);
    expect(diff.durations).toEqual([{ shotId: 's1', label: '1A', beforeFrames: 60, afterFrames: 48, deltaFrames: -12, deltaSeconds: -0.5 }]);
    expect(diff.removed).toEqual([{ shotId: 's3', label: '2A' }]);
    expect(diff.unknown).toEqual([
      { position: 2, name: 'Text+', fileName: null, durationFrames: 24 },
      { position: 4, name: 'broll.mov', fileName: 'broll.mov', durationFrames: 120 },
      { position: 5, name: 'Compound Clip 1', fileName: null, durationFrames: 24 },
    ]);
    expect(diff.takeChanged).toEqual([{ shotId: 's4', label: '2B', before: 1, after: 3 }]);
    expect(diff.repeated).toEqual([]);
  });

  it('joins a razor cut into one shot and reports a shot used twice', () => {
    const diff = diffCut(SHOTS, [clip('1A', 30), clip('1A', 30), clip('1B', 72), clip('2A', 48), clip('1B', 10), clip('2B', 36)]);
    expect(diff.order).toEqual(['s1', 's2', 's3', 's4']);
    expect(diff.durations).toEqual([]);
    expect(diff.repeated).toEqual([{ shotId: 's2', label: '1B', position: 4 }]);
    expect(diff.reordered).toEqual([]);
  });

  it('counts the fewest moves: moving the last shot first moves one shot, not four', () => {
    const diff = diffCut(SHOTS, [clip('2B', 36), clip('1A', 60), clip('1B', 72), clip('2A', 48)]);
    expect(diff.reordered).toEqual([{ shotId: 's4', label: '2B', from: 3, to: 0 }]);
  });
});

describe('applyCutDiff', () => {
  const diff = diffCut(SHOTS, [clip('1B', 72), clip('SC01_SH010_T02_runway', 48), clip('2B', 40)]);

  it('orders the shots as edited, keeps a dropped shot after the one it followed, and sets new durations', () => {
    expect(applyCutDiff({ shots: SHOTS }, diff)).toEqual({ order: ['s2', 's3', 's1', 's4'], durationsS: { s1: 2, s4: 40 / 24 }, deleted: [] });
  });

  it('deletes a dropped shot only when the user confirmed it', () => {
    expect(applyCutDiff({ shots: SHOTS }, diff, new Set(['s3', 's1']))).toEqual({
      order: ['s2', 's1', 's4'],
      durationsS: { s1: 2, s4: 40 / 24 },
      deleted: ['s3'],
    });
  });

  it('puts a dropped first shot first', () => {
    const dropFirst = diffCut(SHOTS, [clip('1B', 72), clip('2A', 48), clip('2B', 36)]);
    expect(applyCutDiff({ shots: SHOTS }, dropFirst).order).toEqual(['s1', 's2', 's3', 's4']);
  });
});
