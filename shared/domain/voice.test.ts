import { describe, expect, it } from 'vitest';
import { parseVoice, speakerItem } from './voice';

describe('voices', () => {
  it('reads the voice forms and refuses the rest', () => {
    expect(parseVoice('local')).toEqual({ engine: 'local', variant: '' });
    expect(parseVoice('local:f3')).toEqual({ engine: 'local', variant: 'f3' });
    expect(parseVoice('elevenlabs:21m00Tcm4TlvDq8ikWAM')).toEqual({ engine: 'elevenlabs', voiceId: '21m00Tcm4TlvDq8ikWAM' });
    expect(parseVoice('elevenlabs:')).toBeNull();
    expect(parseVoice('openai:alloy')).toBeNull();
    expect(parseVoice('local:../etc')).toBeNull();
  });

  it('finds the character a speaker names, by name or tag, whatever the case, accents or extension', () => {
    const items = [
      { kind: 'character', name: 'Mara Núñez', tag: 'mara' },
      { kind: 'location', name: 'Diner', tag: 'diner' },
      { kind: 'character', name: 'Old Joe', tag: 'joe' },
    ];
    expect(speakerItem('MARA', items)?.name).toBe('Mara Núñez');
    expect(speakerItem('MARA NUNEZ (V.O.)', items)?.name).toBe('Mara Núñez');
    expect(speakerItem('old joe', items)?.tag).toBe('joe');
    expect(speakerItem('DINER', items)).toBeNull();
    expect(speakerItem('', items)).toBeNull();
  });
});
