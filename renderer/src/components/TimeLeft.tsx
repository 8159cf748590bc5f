// The time left of a long task, refreshed every second while it runs.
import { useEffect, useState } from 'react';
import { timeLeftText } from '../lib/timeLeft';

export function TimeLeft({ startedAt, fraction }: { startedAt: number; fraction: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  const text = timeLeftText(startedAt, now, fraction);
  return text ? (
    <span className="muted time-left" data-testid="time-left">
      {text}
    </span>
  ) : null;
}
