import { useEffect, useRef, useState } from 'react';
import {
  GITOPS_SIGNAL_CHANNEL,
  type GitopsSignal,
} from '@gitops-portal/plugin-gitops-common';
import type { SignalWatcher } from '../signals/signalHub';
import { signalPositionOf } from '../signals/signalPositions';
import { useSignalHub } from './useSignalHub';

export { GITOPS_SIGNAL_CHANNEL };
export type { GitopsSignal };

/**
 * Calls `onChange` when a signal names one of `entityRefs`, and when the view may have missed one (see
 * `signalHub.ts`): the view refetches on push instead of polling. `since`: when the data the view shows was
 * requested, if before its first render (a prefetched answer); a change after it and before the view listened
 * counts too. `shows`: the answers the view shows (as the GitopsClient returned them): which broadcast they include
 * spares a refetch once the subscription is proven. Without a signals API installed it does nothing.
 *
 * Each message is judged as it arrives. Through React state (`useSignal`'s `lastSignal`) messages that arrive before
 * the next render are seen as one, the last: a change of this entity followed at once by another entity's would be
 * lost, and the view would stay behind until its next change.
 */
export function useGitopsSignal(
  entityRefs: readonly string[],
  onChange: () => void,
  options: { since?: number; shows?: readonly unknown[] } = {},
): void {
  const { since, shows } = options;
  const hub = useSignalHub();
  const [requestedBy] = useState(() => since ?? Date.now());
  // Kept in a ref so that only a new signal triggers, not a new callback or ref list.
  const latest = useRef({ entityRefs, onChange, shows });
  latest.current = { entityRefs, onChange, shows };
  const watcher = useRef<SignalWatcher>();
  useEffect(() => {
    if (!hub) return undefined;
    const current: SignalWatcher = {
      refs: () => latest.current.entityRefs,
      since: requestedBy,
      notify: () => latest.current.onChange(),
      position: () => {
        const answers = latest.current.shows;
        return answers && answers.length > 0
          ? signalPositionOf(...answers)
          : undefined;
      },
    };
    watcher.current = current;
    const stop = hub.watch(current);
    return () => {
      watcher.current = undefined;
      stop();
    };
  }, [hub, requestedBy]);
  // Refs the view learnt from its answer (a team's services): a change of one before now counts too, once each.
  const checked = useRef(new Set(entityRefs));
  useEffect(() => {
    const added = entityRefs.filter(ref => !checked.current.has(ref));
    if (added.length === 0 || !hub || !watcher.current) return;
    for (const ref of added) checked.current.add(ref);
    hub.added(watcher.current, added);
  }, [entityRefs, hub]);
}
