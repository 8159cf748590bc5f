// A dialog's one thing at a time: busy while it runs, and the error it ended with (the core's
// message, which says what to do) until the next try.
import { useState } from 'react';
import { errorMessage } from '../api/client';

export function useBusy() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
