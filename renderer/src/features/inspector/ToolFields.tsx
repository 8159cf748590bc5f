// The tool comes first in the inspector: it decides the reference slots, the durations and most
// warnings below. Final tool and tier say what "Make final" and Generate use.
import type { ShotPatch } from '../../../../shared/contract';
import { TIERS, type Shot, type Tier } from '../../../../shared/domain/types';
import type { ShotIssue } from '../../../../shared/domain/validation';
import { ToolSelect } from '../../components/ToolSelect';
import { Field, issueId } from './fields';

const TIER_LABELS: Record<Tier, string> = { draft: 'Draft', final: 'Final' };

export function ToolFields({ shot, issues, update }: { shot: Shot; issues: ShotIssue[]; update: (patch: ShotPatch) => void }) {
  const toolIssues = issues.filter((i) => i.field === 'tool');
  return (
    <div className="inspector-section tool-fields">
      <Field id="inspector-tool" label="Tool" issues={toolIssues} hint="Provider and model this shot is generated with">
        <ToolSelect
          id="inspector-tool"
          value={shot.tool}
          onChange={(tool) => update({ tool })}
          invalid={toolIssues.some((i) => i.severity === 'error') || undefined}
          describedBy={toolIssues.length ? issueId('inspector-tool') : undefined}
        />
      </Field>
      <div className="field-pair">
        <Field id="inspector-final-tool" label="Final tool" hint="Used when the shot is escalated from draft to final">
          <ToolSelect
            id="inspector-final-tool"
            value={shot.finalTool ?? ''}
            emptyOption="Same as Tool"
            onChange={(tool) => update({ finalTool: tool || null })}
          />
        </Field>
        <div className="field">
          <span className="field-label" id="inspector-tier-label">
            Tier
          </span>
          <div className="segmented" role="radiogroup" aria-labelledby="inspector-tier-label">
            {TIERS.map((t) => (
              <label key={t} className={`segment${shot.tier === t ? ' is-on' : ''}`}>
                <input type="radio" name="tier" value={t} checked={shot.tier === t} onChange={() => update({ tier: t })} />
                {TIER_LABELS[t]}
              </label>
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}
