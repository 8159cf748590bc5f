// The shot's sound: what the cut plays for it (its take's own sound, the dialogue and effects,
// or both), whether its tool is asked for sound, its spoken lines with their takes, a warning
// with a one-click fix when the lines run past the shot, and its effect cues.
import { useState } from 'react';
import type { ShotPatch } from '../../../../shared/contract';
import { SOUND_MODES, type SfxCue, type ShotSound, type SoundMode } from '../../../../shared/domain/sound';
import type { Shot } from '../../../../shared/domain/types';
import { TrashIcon, WarningIcon } from '../../components/icons';
import { useUi } from '../../stores/ui';
import { AudioTakes } from '../sound/AudioTakes';
import { NumberField } from '../sound/NumberField';
import { offersSound, overrunText, secondsText } from '../sound/overrun';
import { useJobAction } from '../queue/jobsApi';
import { queuedText, useShotSoundEdit, useShotSounds } from '../sound/soundApi';
import '../sound/sound.css';

const MODE_LABELS: Record<SoundMode, string> = { both: 'Both', take: 'Take’s own sound', dialogue: 'Dialogue & effects' };
const MODE_HINTS: Record<SoundMode, string> = {
  both: 'The cut plays the take’s own sound under the lines and effects',
  take: 'The cut plays only the take’s own sound: the lines and effects stay silent',
  dialogue: 'The cut plays only the lines and effects: the take is silent',
};

function Overrun({ shot, sound }: { shot: Shot; sound: ShotSound }) {
  const fix = useShotSoundEdit('sound.fixOverrun');
  if (sound.overrunS <= 0) return null;
  return (
    <div className="sound-overrun" role="alert">
      <WarningIcon />
      <span>{overrunText(sound.overrunS)}</span>
      {sound.fixDurationS !== null ? (
        <button type="button" className="btn btn-small" onClick={() => fix.mutate({ shotId: shot.id })} disabled={fix.isPending}>
          Make the shot {secondsText(sound.fixDurationS)}
        </button>
      ) : (
        <span className="field-hint">No duration of this shot’s tool holds the lines: trim or move a line, or split the shot.</span>
      )}
    </div>
  );
}

function Lines({ shot, sound }: { shot: Shot; sound: ShotSound | undefined }) {
  // What was queued or left out is said under the button, not in a toast.
  const speak = useJobAction('sound.generateLines');
  const setOffset = useShotSoundEdit('sound.setLineOffset');
  const lines = sound?.lines ?? [];
  return (
    <div className="sound-block" role="group" aria-label="Spoken lines">
      <div className="sound-block-head">
        <span className="field-label">Spoken lines</span>
        <button
          type="button"
          className="btn btn-small"
          disabled={shot.dialogue.length === 0 || speak.isPending}
          title={shot.dialogue.length ? 'Speak every line of this shot in its speaker’s voice' : 'Add dialogue above first'}
          onClick={() => speak.mutate({ shotIds: [shot.id] })}
        >
          Speak lines
        </button>
      </div>
      {speak.data && (
        <p className="field-hint" role="status">
          {queuedText(speak.data, 'line')}
        </p>
      )}
      {shot.dialogue.length === 0 && <p className="field-hint">No dialogue in this shot.</p>}
      {lines.map((l) => (
        <div key={l.key} className="sound-line" data-testid="sound-line">
          <div className="sound-line-head">
            <strong>{l.speaker}</strong>
            <span className="sound-line-text" title={l.text}>
              {l.text}
            </span>
            <span className="sound-line-start" title="Where the line starts inside the shot">
              at {l.startS.toFixed(2)} s
            </span>
            {l.offsetS !== null && (
              <button
                type="button"
                className="btn btn-small"
                title="Start it right after the line before again"
                onClick={() => setOffset.mutate({ shotId: shot.id, index: l.index, offsetS: null })}
              >
                Auto
              </button>
            )}
          </div>
          <AudioTakes takes={l.takes} playingId={l.take?.id ?? null} label={`${l.speaker}: ${l.text}`} />
        </div>
      ))}
    </div>
  );
}

function CueRow({ cue }: { cue: SfxCue }) {
  const update = useShotSoundEdit('sfx.update');
  const remove = useShotSoundEdit('sfx.remove');
  const [text, setText] = useState(cue.text);
  const commitText = () => {
    const t = text.trim();
    if (t && t !== cue.text) update.mutate({ id: cue.id, patch: { text: t } });
    else setText(cue.text);
  };
  return (
    <div className="sound-cue" data-testid="sound-cue">
      <div className="sound-cue-row">
        <input
          value={text}
          aria-label="Effect"
          onChange={(e) => setText(e.target.value)}
          onBlur={commitText}
          onKeyDown={(e) => {
            if (e.key === 'Enter') e.currentTarget.blur();
            if (e.key === 'Escape') setText(cue.text);
          }}
        />
        <NumberField
          label=""
          unit="s"
          ariaLabel="Effect length (s)"
          value={cue.seconds}
          min={0.5}
          max={30}
          step={0.5}
          onCommit={(seconds) => update.mutate({ id: cue.id, patch: { seconds } })}
        />
        <NumberField
          label="at"
          unit="s"
          ariaLabel="Effect start in the shot (s)"
          value={cue.offsetS}
          min={0}
          max={600}
          step={0.1}
          onCommit={(offsetS) => update.mutate({ id: cue.id, patch: { offsetS } })}
        />
        <button
          type="button"
          className="icon-btn"
          aria-label={`Remove effect ${cue.text}`}
          title="Remove this effect (Ctrl+Z brings it back)"
          onClick={() =>
            remove.mutate({ id: cue.id }, { onSuccess: () => useUi.getState().notify('info', `Removed the effect “${cue.text}” — Ctrl+Z to undo`) })
          }
        >
          <TrashIcon />
        </button>
      </div>
      <AudioTakes takes={cue.takes} playingId={cue.take?.id ?? null} label={cue.text} />
    </div>
  );
}

function Effects({ shot, sound }: { shot: Shot; sound: ShotSound | undefined }) {
  const add = useShotSoundEdit('sfx.add');
  const make = useJobAction('sfx.generate');
  const [text, setText] = useState('');
  const [seconds, setSeconds] = useState(2);
  const cues = sound?.cues ?? [];
  const submit = () => {
    const t = text.trim();
    if (!t) return;
    add.mutate({ shotId: shot.id, text: t, seconds }, { onSuccess: () => setText('') });
  };
  return (
    <div className="sound-block" role="group" aria-label="Effects">
      <div className="sound-block-head">
        <span className="field-label">Effects</span>
        <button
          type="button"
          className="btn btn-small"
          disabled={cues.length === 0 || make.isPending}
          title={cues.length ? 'Make every effect of this shot' : 'Add an effect first'}
          onClick={() => make.mutate({ shotIds: [shot.id] })}
        >
          Make effects
        </button>
      </div>
      {make.data && (
        <p className="field-hint" role="status">
          {queuedText(make.data, 'effect')}
        </p>
      )}
      {cues.map((c) => (
        <CueRow key={`${c.id}|${c.text}`} cue={c} />
      ))}
      <div className="sound-cue-row sound-cue-new">
        <input
          value={text}
          placeholder="A door slams, rain on a window…"
          aria-label="New effect"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), submit())}
        />
        <NumberField label="" unit="s" ariaLabel="New effect length (s)" value={seconds} min={0.5} max={30} step={0.5} onCommit={setSeconds} />
        <button type="button" className="btn btn-small" disabled={!text.trim() || add.isPending} onClick={submit}>
          Add
        </button>
      </div>
    </div>
  );
}

export function SoundFields({ shot, update }: { shot: Shot; update: (patch: ShotPatch) => void }) {
  const sounds = useShotSounds();
  const sound = sounds.data?.[shot.id];
  return (
    <div className="inspector-section sound-fields" aria-label="Sound" role="group">
      <h3>Sound</h3>
      <div className="field">
        <span className="field-label" id="inspector-sound-mode-label">
          The cut plays
        </span>
        <div className="segmented" role="radiogroup" aria-labelledby="inspector-sound-mode-label">
          {SOUND_MODES.map((m) => (
            <label key={m} className={`segment${shot.soundMode === m ? ' is-on' : ''}`} title={MODE_HINTS[m]}>
              <input type="radio" name="sound-mode" value={m} checked={shot.soundMode === m} onChange={() => update({ soundMode: m })} />
              {MODE_LABELS[m]}
            </label>
          ))}
        </div>
      </div>
      {offersSound(shot.tool) && (
        <label className="check-row" title="The tool makes the take with its own sound, at its higher price (see the estimate above)">
          <input type="checkbox" checked={shot.askSound} onChange={(e) => update({ askSound: e.target.checked })} />
          Ask the tool for sound
        </label>
      )}
      {sound && <Overrun shot={shot} sound={sound} />}
      <Lines shot={shot} sound={sound} />
      <Effects shot={shot} sound={sound} />
    </div>
  );
}
