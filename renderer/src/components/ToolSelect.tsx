// A select of every video model in the catalog, grouped by provider, each with its price per
// second, so the choice and its cost are read together.
import { getProvider, videoModels } from '../../../shared/catalog';
import type { ProviderId } from '../../../shared/domain/types';
import { formatUsd } from '../lib/format';

interface Props {
  id?: string;
  value: string;
  onChange: (tool: string) => void;
  label?: string;
  /** Adds a first option with this text and value "". */
  emptyOption?: string;
  disabled?: boolean;
  className?: string;
  title?: string;
  invalid?: boolean;
  describedBy?: string;
}

const GROUPS = (() => {
  const groups = new Map<ProviderId, ReturnType<typeof videoModels>>();
  for (const m of videoModels()) groups.set(m.provider, [...(groups.get(m.provider) ?? []), m]);
  return [...groups].map(([provider, models]) => ({ provider, name: getProvider(provider)?.name ?? provider, models }));
})();

export function priceLabel(usdPerSecond: number): string {
  return usdPerSecond === 0 ? 'free' : `${formatUsd(usdPerSecond)}/s`;
}

export function ToolSelect({ id, value, onChange, label, emptyOption, disabled, className, title, invalid, describedBy }: Props) {
  const known = GROUPS.some((g) => g.models.some((m) => m.tool === value));
  return (
    <select
      id={id}
      aria-label={label}
      value={value}
      disabled={disabled}
      className={className}
      title={title}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      onChange={(e) => onChange(e.target.value)}
    >
      {emptyOption !== undefined && <option value="">{emptyOption}</option>}
      {!known && value && <option value={value}>{value} (unknown)</option>}
      {GROUPS.map((g) => (
        <optgroup key={g.provider} label={g.name}>
          {g.models.map((m) => (
            <option key={m.tool} value={m.tool}>
              {m.name} — {priceLabel(m.price.usdPerSecond)}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
