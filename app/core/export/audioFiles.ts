// Audio/ of the Resolve folder: each piece of sound as a 48 kHz 24-bit stereo WAV of exactly what
// plays (trim, level and fades rendered in, as the animatic's mix shapes it).
import type { ExportAudio } from '../../../shared/domain/cut';
import { shapeFilters } from '../cut/mix';
import { runFfmpeg } from '../media/ffmpeg';

export async function renderAudioFile(audio: ExportAudio, dest: string, signal?: AbortSignal): Promise<void> {
  await runFfmpeg(
    ['-i', audio.source.path, '-af', shapeFilters(audio.source).join(','), '-c:a', 'pcm_s24le', '-ar', '48000', '-ac', '2', '-f', 'wav', '-y', dest],
    {
      signal,
      durationS: audio.source.lengthS,
    },
  );
}
