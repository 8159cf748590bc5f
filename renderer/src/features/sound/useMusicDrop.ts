// Audio files dropped on the music lane: sent as paths (Electron) or base64 bytes (the browser
// under the devhost) in calls small enough for one message, placed from the drop's time on. What
// the core refuses (anything ffprobe cannot read as sound) is named in one toast with its reason.
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ChannelInput } from '../../../../shared/contract';
import { call, errorMessage } from '../../api/client';
import { useUi } from '../../stores/ui';
import { pathOf, readBase64, type Dropped } from '../library/files';
import { planMusic, refusalText } from './drop';
import { soundKeys } from './soundApi';

type MusicFile = ChannelInput<'music.add'>['files'][number];

async function toMusicFile(file: File): Promise<MusicFile> {
  const path = pathOf(file);
  return path ? { name: file.name, path } : { name: file.name, bytes: await readBase64(file) };
}

export function useMusicDrop() {
  const qc = useQueryClient();
  return useCallback(
    async (dropped: Dropped[], atS: number) => {
      const notify = useUi.getState().notify;
      const { batches, refused } = planMusic(
        dropped.map((d) => d.file),
        (f) => !!pathOf(f),
      );
      let added = 0;
      let at: number | undefined = atS;
      try {
        for (const batch of batches) {
          const result = await call('music.add', { files: await Promise.all(batch.map(toMusicFile)), atS: at });
          added += result.added.length;
          refused.push(...result.refused);
          // Later batches follow the beds already placed (the core's default).
          if (result.added.length) at = undefined;
        }
      } catch (err) {
        notify('error', errorMessage(err));
      }
      void qc.invalidateQueries({ queryKey: soundKeys.music });
      if (refused.length) notify('error', refusalText(refused));
      else if (added) notify('info', `${added === 1 ? 'Music bed' : `${added} music beds`} added — Ctrl+Z to undo`);
    },
    [qc],
  );
}
