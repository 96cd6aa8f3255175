export interface BackoffOptions {
  /** First retry delay ceiling (ms). */
  baseMs: number;
  /** Largest delay ceiling (ms). */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 500, capMs: 30_000 };

/** The exponential ceiling of a retry: min(cap, base * 2^attempt). */
export function backoffCeiling(
  attempt: number,
  options: BackoffOptions,
): number {
  return Math.min(options.capMs, options.baseMs * 2 ** attempt);
}

/** Exponential backoff with full jitter: a random delay in [0, min(cap, base * 2^attempt)]. */
export function backoffDelay(attempt: number, options: BackoffOptions): number {
  return Math.random() * backoffCeiling(attempt, options);
}

/** Resolves after `ms`, or at once when the signal aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });
}
