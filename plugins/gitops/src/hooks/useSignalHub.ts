import { useMemo } from 'react';
import { useApiHolder } from '@backstage/core-plugin-api';
import { signalApiRef } from '@backstage/plugin-signals-react';
import { gitopsApiRef } from '../api';
import { signalHubOf, type SignalHub } from '../signals/signalHub';

/** The page's one signal hub; undefined without a signals API (or a GitopsApi to ask for echoes). */
export function useSignalHub(): SignalHub | undefined {
  const apis = useApiHolder();
  const signals = apis.get(signalApiRef);
  const gitops = apis.get(gitopsApiRef);
  return useMemo(
    () =>
      signals && gitops
        ? signalHubOf(signals, token => gitops.requestSignalEcho(token))
        : undefined,
    [signals, gitops],
  );
}
