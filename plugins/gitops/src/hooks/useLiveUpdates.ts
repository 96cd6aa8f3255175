import { useEffect, useState } from 'react';
import { useApiHolder } from '@backstage/core-plugin-api';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { gitopsApiRef } from '../api';
import { signalHubOf, type LiveUpdates } from '../signals/signalHub';

/** Whether live updates reach the page (see `LiveUpdates`); undefined without a signals API (no live updates). */
export function useLiveUpdates(): LiveUpdates | undefined {
  const apis = useApiHolder();
  const signals = apis.get(signalApiRef);
  const gitops = apis.get(gitopsApiRef);
  const hub =
    signals && gitops
      ? signalHubOf(signals, token => gitops.requestSignalEcho(token))
      : undefined;
  const [live, setLive] = useState(() => hub?.liveUpdates());
  useEffect(() => {
    if (!hub) return undefined;
    setLive(hub.liveUpdates());
    return hub.onLiveUpdates(setLive);
  }, [hub]);
  return live;
}
