import { describe, expect, it } from 'vitest';
import type { VoiceOption } from '../../../../shared/domain/sound';
import { elevenLabsChoices, LOCAL_VOICES, sampleText, voiceLabel } from './voiceChoice';

const rachel: VoiceOption = {
  voiceId: '21m00Tcm4TlvDq8ikWAM',
  name: 'Rachel',
  category: 'premade',
  previewUrl: null,
  labels: { gender: 'female', accent: 'american' },
};
const clone: VoiceOption = { voiceId: 'cl0ne', name: 'Mara', category: 'cloned', previewUrl: null, labels: {} };

describe('voice choices', () => {
  it('offers distinct local variants, each a voice the core accepts', () => {
    expect(LOCAL_VOICES.map((c) => c.value)).toEqual(['local', 'local:2', 'local:3', 'local:4']);
    expect(new Set(LOCAL_VOICES.map((c) => c.label)).size).toBe(LOCAL_VOICES.length);
  });

  it('describes ElevenLabs voices by name and what their labels say', () => {
    expect(elevenLabsChoices([rachel, clone, { ...clone, voiceId: 'plain', name: 'Plain', category: null }])).toEqual([
      { value: 'elevenlabs:21m00Tcm4TlvDq8ikWAM', label: 'Rachel (female, american)' },
      { value: 'elevenlabs:cl0ne', label: 'Mara (cloned)' },
      { value: 'elevenlabs:plain', label: 'Plain' },
    ]);
  });

  it('names a voice by its name once the list is known, else by its id', () => {
    expect(voiceLabel(null, undefined)).toBe('No voice');
    expect(voiceLabel('local', undefined)).toBe('Local scratch voice');
    expect(voiceLabel('local:3', undefined)).toBe('Local scratch voice 3');
    expect(voiceLabel('local:gruff', undefined)).toBe('Local scratch voice gruff');
    expect(voiceLabel('elevenlabs:21m00Tcm4TlvDq8ikWAM', [rachel])).toBe('ElevenLabs · Rachel');
    expect(voiceLabel('elevenlabs:21m00Tcm4TlvDq8ikWAM', undefined)).toBe('ElevenLabs · 21m00Tcm4TlvDq8ikWAM');
  });

  it('makes the local sample say the character’s name', () => {
    expect(sampleText(' Mara ')).toBe('This is the scratch voice for Mara.');
    expect(sampleText('')).toBe('This is the local scratch voice.');
  });
});
