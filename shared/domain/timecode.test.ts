import { describe, expect, it } from 'vitest';
import { framesToTimecode, secondsToFrames, timecodeToFrames, TIMELINE_START_FRAMES } from './timecode';

describe('timecode', () => {
  it('round-trips frames through HH:MM:SS:FF at 24 fps', () => {
    for (const f of [0, 1, 23, 24, TIMELINE_START_FRAMES, TIMELINE_START_FRAMES + 5 * 24 + 12, 24 * 86400 - 1]) {
      expect(timecodeToFrames(framesToTimecode(f))).toBe(f);
    }
    expect(framesToTimecode(TIMELINE_START_FRAMES)).toBe('01:00:00:00');
  });
  it('reads semicolons as non-drop and refuses malformed timecodes', () => {
    expect(timecodeToFrames('01:00:01;00')).toBe(TIMELINE_START_FRAMES + 24);
    expect(timecodeToFrames('01:00:00:24')).toBeNull();
    expect(timecodeToFrames('01:60:00:00')).toBeNull();
    expect(timecodeToFrames('1:00:00')).toBeNull();
  });
  it('rounds seconds to the nearest frame', () => {
    expect(secondsToFrames(3.52)).toBe(84);
  });
});
