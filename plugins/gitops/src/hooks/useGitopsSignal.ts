import { useEffect, useRef } from 'react';
import { useApiHolder } from '@backstage/core-plugin-api';
import { signalApiRef } from '@backstage/plugin-signals-react';

/** The channel the gitops backend publishes status changes on. */
export const GITOPS_SIGNAL_CHANNEL = 'gitops:status';

/** What the backend publishes: the entities and clusters whose status changed. */
export type GitopsSignal = {
  entityRefs: string[];
  clusters: string[];
};

/**
 * Calls `onChange` when a signal names one of `entityRefs` — the view refetches
 * on push instead of polling. Without a signals API installed it does nothing.
 *
 * Each message is judged as it arrives. Through React state (`useSignal`'s
 * `lastSignal`) messages that arrive before the next render are seen as one,
 * the last: a change of this entity followed at once by another entity's
 * would be lost, and the view would stay behind until its next change.
 */
export function useGitopsSignal(
  entityRefs: readonly string[],
  onChange: () => void,
): void {
  const signals = useApiHolder().get(signalApiRef);
  // Kept in a ref so that only a new signal triggers, not a new callback or ref list.
  const latest = useRef({ entityRefs, onChange });
  latest.current = { entityRefs, onChange };
  useEffect(() => {
    if (!signals) return undefined;
    const { unsubscribe } = signals.subscribe<GitopsSignal>(
      GITOPS_SIGNAL_CHANNEL,
      message => {
        if (!Array.isArray(message.entityRefs)) return;
        const { entityRefs: watched, onChange: notify } = latest.current;
        if (message.entityRefs.some(ref => watched.includes(ref))) notify();
      },
    );
    return unsubscribe;
  }, [signals]);
}
