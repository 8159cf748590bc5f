// The voices a character can have, as the library's Voice field lists and names them: none, the
// local scratch voice (free, made here) and its variants, and the ElevenLabs account's voices.
import type { VoiceOption } from '../../../../shared/domain/sound';
import { parseVoice } from '../../../../shared/domain/voice';

export interface VoiceChoice {
  value: string;
  label: string;
}

/** Variants hash to another accent, pitch and pace, so two characters can be told apart for free. */
export const LOCAL_VOICES: VoiceChoice[] = [
  { value: 'local', label: 'Local scratch voice' },
  ...[2, 3, 4].map((n) => ({ value: `local:${n}`, label: `Local scratch voice ${n}` })),
];

/** ElevenLabs voices as choices: "Rachel (female, american)"; the account's own voices say so ("cloned"). */
export function elevenLabsChoices(voices: readonly VoiceOption[]): VoiceChoice[] {
  return voices.map((v) => {
    // Most voices are premade: saying so on each would push what tells them apart out of the narrow picker.
    const about = [v.category === 'premade' ? null : v.category, v.labels.gender, v.labels.accent].filter((x) => !!x);
    return { value: `elevenlabs:${v.voiceId}`, label: about.length ? `${v.name} (${about.join(', ')})` : v.name };
  });
}

/** How a voice reads on the card and in the details: its name where the list is known, else its id. */
export function voiceLabel(voice: string | null, voices: readonly VoiceOption[] | undefined): string {
  if (!voice) return 'No voice';
  const parsed = parseVoice(voice);
  if (!parsed) return voice;
  if (parsed.engine === 'local') return LOCAL_VOICES.find((c) => c.value === voice)?.label ?? `Local scratch voice ${parsed.variant}`;
  const known = voices?.find((v) => v.voiceId === parsed.voiceId);
  return `ElevenLabs · ${known?.name ?? parsed.voiceId}`;
}

/** What the local voice says in a preview: the character's name, so the user hears whose voice it is. */
export function sampleText(name: string): string {
  const who = name.trim();
  return who ? `This is the scratch voice for ${who}.` : 'This is the local scratch voice.';
}
