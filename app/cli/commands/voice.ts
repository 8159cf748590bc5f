// `shotline voice`: give a character the voice its dialogue is spoken with.
import { UserError } from '../../core/errors';
import { itemByTag, libraryCtx, updateItem } from '../../core/library/ops';
import { withProject, type Command } from '../command';

export const voiceCommand: Command = {
  args: ['DIR'],
  options: {
    character: { type: 'string', value: '@TAG', help: 'the character, by its library tag' },
    voice: { type: 'string', value: 'VOICE', help: 'local, local:<variant>, elevenlabs:<voice id>, or none' },
  },
  details: [
    'local speaks with espeak-ng on this computer (free, no key): a scratch voice to time the cut with.',
    'Each character gets its own pitch and accent; local:<variant> picks another. elevenlabs:<voice id>',
    'uses that voice of your ElevenLabs account (ELEVENLABS_API_KEY).',
  ].join('\n'),
  run: ({ args: [dir], options, io }) =>
    withProject(io, dir!, (project) => {
      if (typeof options.character !== 'string' || typeof options.voice !== 'string')
        throw new UserError('voice needs --character @TAG and --voice VOICE, e.g. --character @mara --voice local.');
      const ctx = libraryCtx(project);
      const item = itemByTag(ctx, options.character);
      const voice = options.voice === 'none' ? null : options.voice;
      const { item: after } = project.db.transaction(() => updateItem(ctx, item.id, { voice }))();
      io.out(after.voice ? `@${after.tag} speaks with ${after.voice}.\n` : `@${after.tag} has no voice now.\n`);
    }),
};
