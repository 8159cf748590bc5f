import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FAKE_SOURCES, fixturePlan } from '../export.testkit';
import { writeOtio } from './otio';
import { planCut } from '../planCut';
import { FIXTURES_DIR } from '../tools.testkit';

type Obj = Record<string, unknown> & { OTIO_SCHEMA?: string };
const cut = planCut(fixturePlan('/exports/Cafe_Noir_Resolve', FAKE_SOURCES));
const text = writeOtio(cut);
const timeline = JSON.parse(text) as Obj;

/** Every object with an OTIO_SCHEMA, by schema: the keys it carries. */
function schemas(node: unknown, out = new Map<string, Set<string>>()): Map<string, Set<string>> {
  if (Array.isArray(node)) node.forEach((n) => schemas(n, out));
  else if (node && typeof node === 'object') {
    const obj = node as Obj;
    if (obj.OTIO_SCHEMA) out.set(obj.OTIO_SCHEMA, new Set([...(out.get(obj.OTIO_SCHEMA) ?? []), ...Object.keys(obj)]));
    Object.values(obj).forEach((v) => schemas(v, out));
  }
  return out;
}

const range = (r: unknown) => {
  const { start_time, duration } = r as { start_time: { value: number; rate: number }; duration: { value: number; rate: number } };
  expect(start_time.rate).toBe(24);
  return { start: start_time.value, duration: duration.value };
};

describe('writeOtio', () => {
  const sample = JSON.parse(fs.readFileSync(path.join(FIXTURES_DIR, 'reference.otio'), 'utf8')) as Obj;

  it('uses the schema versions and fields of the template (Clip.2, Marker.2, ExternalReference.1)', () => {
    const ours = schemas(timeline);
    const theirs = schemas(sample);
    expect([...ours.keys()].sort()).toEqual(['Clip.2', 'ExternalReference.1', 'Marker.2', 'RationalTime.1', 'Stack.1', 'TimeRange.1', 'Timeline.1', 'Track.1']);
    for (const [schema, keys] of ours) expect([...keys].sort(), schema).toEqual([...theirs.get(schema)!].sort());
  });

  it('writes rates and values as doubles, like OTIO does', () => {
    expect(text).toContain('"rate": 24.0');
    expect(text).not.toMatch(/"(rate|value)": -?\d+[,\n]/);
  });

  it('starts at 01:00:00:00 and holds one clip per shot in order, trimmed inside the full media', () => {
    expect(range({ start_time: timeline.global_start_time, duration: { rate: 24, value: 0 } }).start).toBe(86400);
    const track = ((timeline.tracks as Obj).children as Obj[])[0]!;
    expect(track.kind).toBe('Video');
    const clips = track.children as Obj[];
    expect(clips.map((c) => c.name)).toEqual(cut.clips.map((c) => c.label));
    clips.forEach((clip, i) => {
      const planned = cut.clips[i]!;
      const ref = (clip.media_references as Record<string, Obj>).DEFAULT_MEDIA!;
      expect(range(clip.source_range)).toEqual({
        start: planned.media.startTimecodeFrames + planned.sourceInFrames,
        duration: planned.recordOutFrames - planned.recordInFrames,
      });
      expect(range(ref.available_range)).toEqual({ start: planned.media.startTimecodeFrames, duration: planned.media.durationFrames });
      expect(fileURLToPath(ref.target_url as string)).toBe(planned.media.path);
      const marker = (clip.markers as Obj[])[0]!;
      expect(marker.name).toBe(planned.label);
      expect(range(marker.marked_range).start).toBe(range(clip.source_range).start);
      expect((clip.metadata as { shotline: { prompt: string; take: number | null } }).shotline).toMatchObject({ prompt: planned.prompt, take: planned.take });
    });
  });
});
