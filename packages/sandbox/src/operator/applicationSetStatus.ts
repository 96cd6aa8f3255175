/*
 * The status the ApplicationSet controller writes on an ApplicationSet, for the sandbox's pull-request generator: its
 * three conditions (gitops-common's health reads them as Argo CD's health script does) and the Applications it made.
 */
import type { EmulatedCluster, KubeObject } from '@internal/kube-emulator';

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
  const previous: Obj[] = appSet.status?.conditions ?? [];
  const condition = (
    type: string,
    status: 'True' | 'False',
    reason: string,
    message: string,
  ) => {
    const before = previous.find(c => c.type === type);
    return {
      type,
      status,
      reason,
      message,
      lastTransitionTime:
        before?.status === status ? before.lastTransitionTime : at,
    };
  };
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
      namespace: appSet.metadata?.namespace,
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
  const status = applicationSetStatusIn(
    live,
    round,
    new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  );
  if (JSON.stringify(status) === JSON.stringify(live.status)) return;
  cluster.apply({ ...live, status } as Obj as KubeObject);
}
