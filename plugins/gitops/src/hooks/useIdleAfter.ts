import { useEffect, useState } from 'react';

/** A busy page still gets the deferred part after this long. */
const IDLE_TIMEOUT_MS = 2000;

/**
 * True once `ready` is true and the browser has then had an idle moment. The metrics charts wait for it: their code
 * (recharts) is the heaviest chunk of a GitOps tab, and loading it while the table or pipeline above renders slows
 * those down; so does the entity tab's part below its first screen (history, deliveries, metrics). Where there is no requestIdleCallback (jsdom, Safari), the next task stands in for the idle moment.
 */
export function useIdleAfter(ready: boolean): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (!ready || idle) return undefined;
    if (typeof requestIdleCallback === 'function') {
      const handle = requestIdleCallback(() => setIdle(true), {
        timeout: IDLE_TIMEOUT_MS,
      });
      return () => cancelIdleCallback(handle);
    }
    const timer = setTimeout(() => setIdle(true));
    return () => clearTimeout(timer);
  }, [ready, idle]);
  return ready && idle;
}
