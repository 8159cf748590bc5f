import { describe, expect, it } from 'vitest';
import { PROVIDERS } from '../domain/types';
import {
  AUDIO_MODELS,
  audioModelsFor,
  CATALOG,
  DEFAULT_SPEECH_TOOL,
  getAudioModel,
  getModel,
  getProvider,
  getSfxModel,
  getSpeechModel,
  SFX_OUTPUT_FORMATS,
  sfxCostUsd,
  speechCostUsd,
  SPEECH_OUTPUT_FORMATS,
} from './index';

describe('audio catalog', () => {
  it('names tools provider:model, once, apart from the video tools, and dates every price source', () => {
    for (const m of AUDIO_MODELS) {
      expect(m.tool).toBe(`${m.provider}:${m.model}`);
      expect(PROVIDERS).toContain(m.provider);
      expect(getModel(m.tool), m.tool).toBeUndefined();
      expect(m.sources.length).toBeGreaterThan(0);
      for (const s of m.sources) {
        expect(s.asOf, `${m.tool}: ${s.label}`).toMatch(/^20\d\d(-\d\d){0,2}$/);
        expect(s.ref).not.toMatch(/PROVIDERS\.md|DOMAIN\.md|seeds\/|§/);
      }
    }
    expect(new Set([...AUDIO_MODELS, ...CATALOG].map((m) => m.tool)).size).toBe(AUDIO_MODELS.length + CATALOG.length);
  });

  it('prices ElevenLabs speech per 1,000 characters, Flash at half, and the local voice free', () => {
    const price = (tool: string) => getSpeechModel(tool)?.usdPer1kChars;
    expect(price('elevenlabs:eleven_multilingual_v2')).toBe(0.1);
    expect(price('elevenlabs:eleven_flash_v2_5')).toBe(0.05);
    expect(price('elevenlabs:eleven_v3')).toBe(0.1);
    expect(price(DEFAULT_SPEECH_TOOL)).toBe(0);
    expect(speechCostUsd(getSpeechModel('elevenlabs:eleven_multilingual_v2')!, 'x'.repeat(250))).toBeCloseTo(0.025, 6);
    // Characters, not UTF-16 units: an emoji is one.
    expect(speechCostUsd(getSpeechModel('elevenlabs:eleven_flash_v2_5')!, '😀😀')).toBeCloseTo(0.0001, 8);
    expect(sfxCostUsd(getSfxModel('elevenlabs:eleven_text_to_sound_v2')!)).toBe(0.12);
  });

  it('says which models take the neighbouring lines and which take a delivery hint', () => {
    const v3 = getSpeechModel('elevenlabs:eleven_v3')!;
    expect(v3).toMatchObject({ context: false, hint: 'audio_tag', maxChars: 5_000 });
    expect(getSpeechModel('elevenlabs:eleven_multilingual_v2')).toMatchObject({ context: true, hint: null, maxChars: 10_000 });
    expect(getSpeechModel('elevenlabs:eleven_flash_v2_5')).toMatchObject({ context: true, hint: null, maxChars: 40_000 });
  });

  it('looks models up by kind and provider; ElevenLabs is a provider with a key and an address', () => {
    expect(getSpeechModel('elevenlabs:eleven_text_to_sound_v2')).toBeUndefined();
    expect(getSfxModel('elevenlabs:eleven_text_to_sound_v2')).toMatchObject({ minSeconds: 0.5, maxSeconds: 30 });
    expect(getAudioModel('local:voice')?.kind).toBe('speech');
    expect(audioModelsFor('elevenlabs')).toHaveLength(4);
    expect(getProvider('elevenlabs')).toEqual({
      id: 'elevenlabs',
      name: 'ElevenLabs',
      keyEnv: ['ELEVENLABS_API_KEY'],
      defaultBaseUrl: 'https://api.elevenlabs.io',
    });
    expect(SPEECH_OUTPUT_FORMATS).toContain('wav_48000');
    expect(SFX_OUTPUT_FORMATS.some((f) => f.startsWith('wav_'))).toBe(false);
    expect(SFX_OUTPUT_FORMATS).toHaveLength(SPEECH_OUTPUT_FORMATS.length - 7);
  });
});
