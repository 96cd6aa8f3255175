import { KubeConfig, Watch } from '@kubernetes/client-node';
import { normalizeObject } from '@gitops-portal/plugin-gitops-common';

/** What the portal shows of a delivery: `sync/health@revision` (first 7 of the SHA). */
export type DeliveryState = string;

export interface StateRecorder {
  /** Distinct consecutive states, from the one at the start of the watch. */
  states: DeliveryState[];
  deleted: boolean;
  /** ERROR events (a Status), for the failure message. */
  errors: string[];
  stop(): void;
}

/** Watches one object through the cluster's API, as the portal's reconciler does, and records its states. */
export async function recordStates(
  kubeconfig: string,
  path: string,
  name: string,
  crossplaneRole?: 'claim',
): Promise<StateRecorder> {
  const kc = new KubeConfig();
  kc.loadFromString(kubeconfig);
  const recorder: StateRecorder = {
    states: [],
    deleted: false,
    errors: [],
    stop: () => {},
  };
  const controller = await new Watch(kc).watch(
    path,
    { fieldSelector: `metadata.name=${name}` },
    (type, object) => {
      if (type === 'ERROR' || type === 'BOOKMARK') {
        recorder.errors.push(JSON.stringify(object));
        return;
      }
      if (type === 'DELETED') {
        recorder.deleted = true;
        return;
      }
      const status = normalizeObject(object, {
        cluster: 'test',
        crossplaneRole,
      });
      const state = `${status.sync}/${status.health.status}@${(
        status.revision ?? ''
      ).slice(0, 7)}`;
      if (recorder.states[recorder.states.length - 1] !== state)
        recorder.states.push(state);
    },
    () => {},
  );
  recorder.stop = () => controller.abort();
  return recorder;
}

/** Resolves once `check` holds; rejects after `timeoutMs` with what was seen instead. */
export async function waitFor<T>(
  check: () => T | undefined | false,
  what: () => string,
  // Just under the jest timeout (root package.json): a busy machine slows a test, it must not fail it.
  timeoutMs = 110_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting; saw ${what()}`);
    await new Promise(resolve => setTimeout(resolve, 25));
  }
}
