import { useEffect, useRef, useState } from 'react';
import { useApiHolder } from '@backstage/core-plugin-api';
import { signalApiRef } from '@backstage/plugin-signals-react';
import {
  GITOPS_SIGNAL_CHANNEL,
  type GitopsSignal,
} from '@gitops-portal/plugin-gitops-common';
import { gitopsApiRef } from '../api';
import { signalHubOf, type SignalWatcher } from '../signals/signalHub';
import { signalPositionOf } from '../signals/signalPositions';

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
  const apis = useApiHolder();
  const signals = apis.get(signalApiRef);
  const gitops = apis.get(gitopsApiRef);
  const [requestedBy] = useState(() => since ?? Date.now());
  // Kept in a ref so that only a new signal triggers, not a new callback or ref list.
  const latest = useRef({ entityRefs, onChange, shows });
  latest.current = { entityRefs, onChange, shows };
  const watcher = useRef<SignalWatcher>();
  useEffect(() => {
    if (!signals || !gitops) return undefined;
    const hub = signalHubOf(signals, token => gitops.requestSignalEcho(token));
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
  }, [signals, gitops, requestedBy]);
  // Refs the view learnt from its answer (a team's services): a change of one before now counts too, once each.
  const checked = useRef(new Set(entityRefs));
  useEffect(() => {
    const added = entityRefs.filter(ref => !checked.current.has(ref));
    if (added.length === 0 || !signals || !gitops || !watcher.current) return;
    for (const ref of added) checked.current.add(ref);
    signalHubOf(signals, token => gitops.requestSignalEcho(token)).added(
      watcher.current,
      added,
    );
  }, [entityRefs, signals, gitops]);
}
