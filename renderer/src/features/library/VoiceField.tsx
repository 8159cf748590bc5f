// A character's voice: none, the free local scratch voice (or a variant), or one of the ElevenLabs
// account's voices, listed when the field opens. ▶ plays a sample (free either way); a pick is
// saved as an item edit, so Ctrl+Z takes it back.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { LibraryItem } from '../../../../shared/domain/library';
import { parseVoice } from '../../../../shared/domain/voice';
import { call, errorMessage } from '../../api/client';
import { dataUrlToBlob } from '../../lib/dataUrl';
import { useQueueUi } from '../queue/store';
import { act } from './actions';
import { libraryKeys, useElevenLabsVoices } from './libraryApi';
import { elevenLabsChoices, LOCAL_VOICES, sampleText, voiceLabel } from './voiceChoice';

/** Re-lists the voices when Settings closes: the key or base URL may just have been fixed there. */
function useRefetchAfterSettings(refetch: () => void) {
  const settingsOpen = useQueueUi((s) => s.settingsOpen);
  const wasOpen = useRef(settingsOpen);
  useEffect(() => {
    if (wasOpen.current && !settingsOpen) refetch();
    wasOpen.current = settingsOpen;
  }, [settingsOpen, refetch]);
}

/** The sample of the picked voice in an <audio>, its blob URL released when replaced or unmounted. */
function usePreview(item: LibraryItem) {
  const [state, setState] = useState<{ url: string | null; loading: boolean; error: string | null }>({ url: null, loading: false, error: null });
  const audio = useRef<HTMLAudioElement>(null);
  useEffect(() => () => void (state.url && URL.revokeObjectURL(state.url)), [state.url]);
  const play = async (voice: string) => {
    setState((s) => ({ ...s, loading: true, error: null }));
    try {
      const local = parseVoice(voice)?.engine === 'local';
      const { dataUrl } = await call('voices.preview', local ? { voice, itemId: item.id, text: sampleText(item.name) } : { voice });
      setState({ url: URL.createObjectURL(dataUrlToBlob(dataUrl)), loading: false, error: null });
    } catch (err) {
      setState((s) => ({ ...s, loading: false, error: errorMessage(err) }));
    }
  };
  // Plays once the new source is in the element; the controls stay for playing it again.
  useEffect(() => {
    if (state.url) audio.current?.play().catch(() => undefined);
  }, [state.url]);
  return { ...state, audio, play };
}

export function VoiceField({ item }: { item: LibraryItem }) {
  const voices = useElevenLabsVoices(true);
  const qc = useQueryClient();
  const preview = usePreview(item);
  const refetch = voices.refetch;
  useRefetchAfterSettings(() => void refetch());
  const refresh = () =>
    void qc.fetchQuery({ queryKey: libraryKeys.voices, queryFn: () => call('voices.list', { refresh: true }), staleTime: 0 }).catch(() => undefined);
  const id = `lib-voice-${item.id}`;
  const current = item.voice ?? '';
  const listed = elevenLabsChoices(voices.data ?? []);
  // A saved ElevenLabs voice stays selectable while the list is loading or failed to load.
  const unlisted = parseVoice(current)?.engine === 'elevenlabs' && !listed.some((c) => c.value === current);

  return (
    <div className="field voice-field" data-testid={`voice-field-${item.tag}`}>
      <label htmlFor={id}>Voice</label>
      <div className="voice-row">
        <select
          id={id}
          value={current}
          title={voiceLabel(item.voice, voices.data)}
          onChange={(e) => void act('library.updateItem', { id: item.id, patch: { voice: e.target.value || null } })}
        >
          <option value="">None</option>
          <optgroup label="Local (free, made on this computer)">
            {LOCAL_VOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </optgroup>
          <optgroup label="ElevenLabs">
            {unlisted && <option value={current}>{voiceLabel(current, voices.data)}</option>}
            {voices.isPending && <option disabled>Loading ElevenLabs voices…</option>}
            {voices.isError && <option disabled>ElevenLabs voices could not be listed</option>}
            {listed.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </optgroup>
        </select>
        <button
          type="button"
          className="btn btn-small"
          disabled={!current || preview.loading}
          aria-label={`Preview the voice of @${item.tag}`}
          title="Hear a sample of this voice (free)"
          onClick={() => void preview.play(current)}
        >
          {preview.loading ? '…' : '▶'} Preview
        </button>
      </div>
      {voices.isFetching && !voices.isPending && <p className="field-hint">Refreshing ElevenLabs voices…</p>}
      {voices.isError && (
        <div className="voice-problem" role="alert">
          <p className="field-hint issue-error">{errorMessage(voices.error)}</p>
          <div className="voice-problem-buttons">
            <button type="button" className="btn btn-small" onClick={() => useQueueUi.getState().setSettingsOpen(true)}>
              Open Settings
            </button>
            <button type="button" className="btn btn-small" onClick={refresh}>
              Try again
            </button>
          </div>
        </div>
      )}
      {voices.isSuccess && (
        <p className="field-hint">
          {voices.data.length === 0 ? 'This ElevenLabs account has no voices yet.' : `${voices.data.length} ElevenLabs voices.`}{' '}
          <button type="button" className="chip-btn" onClick={refresh}>
            Refresh
          </button>
        </p>
      )}
      {preview.error && (
        <p className="field-hint issue-error" role="alert">
          {preview.error}
        </p>
      )}
      {preview.url && <audio ref={preview.audio} className="voice-sample" src={preview.url} controls data-testid={`voice-sample-${item.tag}`} />}
    </div>
  );
}
