// The shot card's flag when the shot's dialogue runs past its end: "+1.4 s", the full sentence
// on hover; the inspector offers the fix.
import { overrunFlag, overrunText } from './overrun';
import './sound.css';

export function CardOverrun({ overrunS }: { overrunS: number }) {
  if (overrunS <= 0) return null;
  const text = overrunText(overrunS);
  return (
    <span
      className="card-overrun"
      title={`${text[0]!.toUpperCase()}${text.slice(1)} — fix it in the inspector’s Sound section`}
      aria-label={text}
      data-testid="card-overrun"
    >
      {overrunFlag(overrunS)}
    </span>
  );
}
