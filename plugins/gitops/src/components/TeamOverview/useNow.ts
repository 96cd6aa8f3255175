import { useEffect, useState } from 'react';

/** The current time, renewed every `intervalMs`, so ages on screen ("stale 5m") keep counting. */
export function useNow(intervalMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
