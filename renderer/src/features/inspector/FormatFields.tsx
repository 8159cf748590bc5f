// Duration and frame. Choices the chosen model cannot make stay selectable (the user is never
// blocked) but are marked, and validation explains what will happen.
import { defaultTier, durationsAt, getModel, tierFor } from '../../../../shared/catalog';
import type { ShotPatch } from '../../../../shared/contract';
import { ASPECT_RATIOS, type AspectRatio, type Shot } from '../../../../shared/domain/types';
import type { ShotIssue } from '../../../../shared/domain/validation';
import { useDraft } from '../../components/useDraft';
import { formatSeconds, parseSeconds } from '../../lib/format';
import { Field, issueId } from './fields';

interface Props {
  shot: Shot;
  issues: ShotIssue[];
  update: (patch: ShotPatch) => void;
}

/** Past this many accepted durations (the animatic takes any half second) a range reads better than chips. */
const MAX_CHIPS = 10;

export function FormatFields({ shot, issues, update }: Props) {
  const spec = getModel(shot.tool);
  const tier = spec ? (tierFor(spec, shot.resolution) ?? defaultTier(spec)) : null;
  const durations = spec && tier ? durationsAt(spec, tier) : [];
  const of = (field: ShotIssue['field']) => issues.filter((i) => i.field === field);
  const describe = (id: string, field: ShotIssue['field']) => (of(field).length ? issueId(id) : undefined);
  const invalid = (field: ShotIssue['field']) => of(field).some((i) => i.severity === 'error') || undefined;

  const duration = useDraft(String(shot.durationS), (text) => {
    const s = parseSeconds(text);
    if (s !== null && s <= 600) update({ durationS: s });
  });
  const parsed = parseSeconds(duration.value);
  const typo = duration.value.trim() !== '' && (parsed === null || parsed > 600);

  return (
    <div className="inspector-section">
      <h3>Shot</h3>
      <Field
        id="inspector-duration"
        label="Duration"
        issues={of('durationS')}
        aside={
          durations.length > MAX_CHIPS ? (
            <span className="field-hint">
              {formatSeconds(durations[0]!)}–{formatSeconds(durations[durations.length - 1]!)}
            </span>
          ) : (
            durations.length > 0 && (
              <span className="chips" role="group" aria-label="Durations this model makes">
                {durations.map((d) => (
                  <button
                    type="button"
                    key={d}
                    className={`chip-btn${d === shot.durationS ? ' is-on' : ''}`}
                    aria-label={`Set duration to ${d} seconds`}
                    aria-pressed={d === shot.durationS}
                    onClick={() => update({ durationS: d })}
                  >
                    {formatSeconds(d)}
                  </button>
                ))}
              </span>
            )
          )
        }
      >
        <div className="input-suffix">
          <input
            id="inspector-duration"
            type="text"
            inputMode="decimal"
            value={duration.value}
            aria-invalid={typo || invalid('durationS')}
            aria-describedby={typo ? 'inspector-duration-typo' : describe('inspector-duration', 'durationS')}
            onChange={(e) => duration.onChange(e.target.value)}
            onBlur={duration.flush}
            onKeyDown={(e) => {
              if (e.key === 'Enter') duration.flush();
              if (e.key === 'Escape') duration.revert();
            }}
          />
          <span aria-hidden="true">s</span>
        </div>
        {typo && (
          <p className="field-issue issue-error" id="inspector-duration-typo">
            Type a duration in seconds, e.g. 5 or 2.5
            {durations.length > 0 ? `: ${spec!.name} makes ${formatSeconds(durations[0]!)}–${formatSeconds(durations[durations.length - 1]!)}.` : '.'}
          </p>
        )}
      </Field>
      <div className="field-pair">
        <Field id="inspector-ratio" label="Aspect ratio" issues={of('aspectRatio')}>
          <select
            id="inspector-ratio"
            value={shot.aspectRatio}
            aria-invalid={invalid('aspectRatio')}
            aria-describedby={describe('inspector-ratio', 'aspectRatio')}
            onChange={(e) => update({ aspectRatio: e.target.value as AspectRatio })}
          >
            {ASPECT_RATIOS.map((r) => (
              <option key={r} value={r}>
                {r}
                {spec && !spec.ratios.includes(r) ? ' (not on this model)' : ''}
              </option>
            ))}
          </select>
        </Field>
        <Field id="inspector-resolution" label="Resolution" issues={of('resolution')}>
          <select
            id="inspector-resolution"
            value={shot.resolution}
            aria-invalid={invalid('resolution')}
            aria-describedby={describe('inspector-resolution', 'resolution')}
            onChange={(e) => update({ resolution: e.target.value })}
          >
            <option value="">Model default{spec ? ` (${spec.defaultResolution})` : ''}</option>
            {spec?.resolutions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
            {shot.resolution && !spec?.resolutions.includes(shot.resolution) && <option value={shot.resolution}>{shot.resolution} (not on this model)</option>}
          </select>
        </Field>
      </div>
    </div>
  );
}
