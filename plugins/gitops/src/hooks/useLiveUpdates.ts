import { useEffect, useState } from 'react';
import type { LiveUpdates } from '../signals/signalHub';
import { useSignalHub } from './useSignalHub';

/** Whether live updates reach the page (see `LiveUpdates`); undefined without a signals API (no live updates). */
export function useLiveUpdates(): LiveUpdates | undefined {
  const hub = useSignalHub();
  const [live, setLive] = useState(() => hub?.liveUpdates());
  useEffect(() => {
    if (!hub) return undefined;
    setLive(hub.liveUpdates());
    return hub.onLiveUpdates(setLive);
  }, [hub]);
  return live;
}
