/*
 * The status the ApplicationSet controller writes on an ApplicationSet, for the sandbox's pull-request generator: its
 * three conditions (gitops-common's health reads them as Argo CD's health script does) and the Applications it made.
 */
import { isDeepStrictEqual } from 'node:util';
import type { EmulatedCluster, KubeObject } from '@internal/kube-emulator';
import { keptCondition, now } from './deliveryStatus';

type Obj = Record<string, any>;

const GENERATED = 'Successfully generated parameters for all Applications';

/**
 * The ApplicationSet's status after a round: up to date with `applications` (the names it generated), or the error
 * that stopped the round. A condition keeps its transition time while its status stays.
 */
export function applicationSetStatusIn(
  appSet: Obj,
  round: { applications: string[] } | { error: string },
  at: string,
): Obj {
  const condition = (
    type: string,
    status: 'True' | 'False',
    reason: string,
    message: string,
  ) =>
    keptCondition(appSet.status?.conditions, type, status, reason, message, at);
  if ('error' in round)
    return {
      ...appSet.status,
      conditions: [
        condition('ErrorOccurred', 'True', 'ErrorOccurred', round.error),
        condition('ParametersGenerated', 'False', 'ErrorOccurred', round.error),
        condition('ResourcesUpToDate', 'False', 'ErrorOccurred', round.error),
      ],
    };
  return {
    conditions: [
      condition('ErrorOccurred', 'False', 'ApplicationSetUpToDate', GENERATED),
      condition(
        'ParametersGenerated',
        'True',
        'ParametersGenerated',
        GENERATED,
      ),
      condition(
        'ResourcesUpToDate',
        'True',
        'ApplicationSetUpToDate',
        'ApplicationSet up to date',
      ),
    ],
    resources: round.applications.map(name => ({
      group: 'argoproj.io',
      version: 'v1alpha1',
      kind: 'Application',
      // Only when set: the comparison with the stored status must not see an `undefined` the store drops.
      ...(appSet.metadata?.namespace
        ? { namespace: appSet.metadata.namespace }
        : {}),
      name,
      status: 'Synced',
      health: { status: 'Healthy' },
    })),
  };
}

/** Writes the round's status, only when it changed: an unchanged round makes no watch event. */
export function writeApplicationSetStatus(
  cluster: EmulatedCluster,
  appSet: KubeObject,
  round: { applications: string[] } | { error: string },
) {
  const live = appSet as Obj;
  const status = applicationSetStatusIn(live, round, now());
  if (isDeepStrictEqual(status, live.status)) return;
  cluster.apply({ ...live, status } as Obj as KubeObject);
}
