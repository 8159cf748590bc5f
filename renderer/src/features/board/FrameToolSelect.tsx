// A select of the catalog's image models (what storyboard frames are made with), each with its
// price per frame, so the choice and its cost are read together.
import { imageModels } from '../../../../shared/catalog';
import { formatUsd } from '../../lib/format';

const MODELS = imageModels();

export function framePriceLabel(usd: number): string {
  return usd === 0 ? 'free' : `${formatUsd(usd)}/frame`;
}

interface Props {
  id?: string;
  value: string;
  onChange: (tool: string) => void;
  label?: string;
  className?: string;
  disabled?: boolean;
}

export function FrameToolSelect({ id, value, onChange, label, className, disabled }: Props) {
  const known = MODELS.some((m) => m.tool === value);
  return (
    <select id={id} aria-label={label} className={className} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
      {!known && value && <option value={value}>{value} (unknown)</option>}
      {MODELS.map((m) => (
        <option key={m.tool} value={m.tool}>
          {m.name} — {framePriceLabel(m.price.usdPerSecond)}
        </option>
      ))}
    </select>
  );
}
