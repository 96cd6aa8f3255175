import { useEffect, useRef } from 'react';
import { useSignal } from '@backstage/plugin-signals-react';

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
 */
export function useGitopsSignal(
  entityRefs: readonly string[],
  onChange: () => void,
): void {
  const { lastSignal } = useSignal<GitopsSignal>(GITOPS_SIGNAL_CHANNEL);
  // Kept in a ref so that only a new signal triggers, not a new callback or ref list.
  const latest = useRef({ entityRefs, onChange });
  latest.current = { entityRefs, onChange };
  useEffect(() => {
    if (!lastSignal || !Array.isArray(lastSignal.entityRefs)) return;
    const { entityRefs: watched, onChange: notify } = latest.current;
    if (lastSignal.entityRefs.some(ref => watched.includes(ref))) notify();
  }, [lastSignal]);
}
