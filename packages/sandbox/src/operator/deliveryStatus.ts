/*
 * The status an Argo CD Application or a Flux Kustomization reports at each step of a sync, in the shapes the real
 * controllers write (and gitops-common's normalizers read): OutOfSync when a new commit is seen, Progressing while
 * applying, then Healthy, or Degraded on a failed render or an injected fault.
 */

import { argoRevisionFields, argoSourceFields } from './argoSources';

type Obj = Record<string, any>;

export type DeliveryPhase =
  | 'out-of-sync'
  | 'progressing'
  | 'healthy'
  | 'degraded'
  | 'render-failed';

/** One object a delivery renders (from `kubectl kustomize`). */
export interface RenderedResource {
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
}

export interface PhaseInput {
  phase: DeliveryPhase;
  /** The config-repo commit SHA being synced. */
  revision: string;
  /** The branch the source tracks, for Flux's `<branch>@sha1:<sha>` revisions. */
  branch: string;
  at: string;
  /** Why it is Degraded (render error or fault message). */
  message?: string;
  resources?: RenderedResource[];
}

const WORKLOAD_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Rollout',
]);

/** A status timestamp as the controllers write it: RFC 3339 in whole seconds. */
export const now = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

/** A status condition as the controllers write it. */
export const condition = (
  type: string,
  status: 'True' | 'False' | 'Unknown',
  reason: string,
  message: string,
  at: string,
) => ({ type, status, reason, message, lastTransitionTime: at });

/** A condition that keeps the transition time it has among `previous` (the object's conditions) while its status stays. */
export function keptCondition(
  previous: Obj[] | undefined,
  type: string,
  status: 'True' | 'False' | 'Unknown',
  reason: string,
  message: string,
  at: string,
) {
  const before = previous?.find(c => c.type === type);
  return condition(
    type,
    status,
    reason,
    message,
    before?.status === status ? before.lastTransitionTime : at,
  );
}

const groupVersion = (apiVersion: string) => {
  const slash = apiVersion.indexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : {
        group: apiVersion.slice(0, slash),
        version: apiVersion.slice(slash + 1),
      };
};

/** status.resources[] of an Application: each rendered object with the sync and health it has in this phase. */
function argoResources(input: PhaseInput, previous: Obj[] | undefined) {
  if (!input.resources) return previous;
  const workloadHealth: Record<DeliveryPhase, Obj> = {
    'out-of-sync': { status: 'Healthy' },
    progressing: { status: 'Progressing' },
    healthy: { status: 'Healthy' },
    degraded: { status: 'Degraded', message: input.message },
    'render-failed': { status: 'Healthy' },
  };
  return input.resources.map(r => ({
    ...groupVersion(r.apiVersion),
    kind: r.kind,
    namespace: r.namespace,
    name: r.name,
    status: input.phase === 'out-of-sync' ? 'OutOfSync' : 'Synced',
    health: WORKLOAD_KINDS.has(r.kind)
      ? workloadHealth[input.phase]
      : { status: 'Healthy' },
  }));
}

/** The status of an Argo CD Application in a phase, built on the status it had. */
export function argoApplicationStatusIn(app: Obj, input: PhaseInput): Obj {
  const previous: Obj = app.status ?? {};
  const { revision, at, phase } = input;
  // `revision`/`source`, or `revisions`/`sources` of a multi-source Application, wherever Argo CD writes them
  const revisions = argoRevisionFields(app, revision);
  const sources = argoSourceFields(app);
  const sync = (status: string) => ({
    status,
    ...revisions,
    comparedTo: { ...sources, destination: app.spec?.destination },
  });
  const base = {
    ...previous,
    reconciledAt: at,
    conditions: undefined,
    resources: argoResources(input, previous.resources),
  };
  switch (phase) {
    case 'out-of-sync':
      return {
        ...base,
        sync: sync('OutOfSync'),
        health: previous.health ?? { status: 'Missing' },
      };
    case 'progressing':
      return {
        ...base,
        sync: sync('Synced'),
        health: {
          status: 'Progressing',
          message:
            'Waiting for rollout to finish: 0 of 1 updated replicas are available...',
        },
        operationState: {
          operation: { sync: revisions },
          phase: 'Running',
          message: 'waiting for healthy state of the workload',
          startedAt: at,
        },
      };
    case 'healthy':
    case 'degraded': {
      const history: Obj[] = previous.history ?? [];
      const nextId = Math.max(0, ...history.map(h => Number(h.id) || 0)) + 1;
      return {
        ...base,
        sync: sync('Synced'),
        health:
          phase === 'healthy'
            ? { status: 'Healthy' }
            : { status: 'Degraded', message: input.message },
        operationState: {
          operation: { sync: revisions },
          phase: 'Succeeded',
          message: 'successfully synced (all tasks run)',
          startedAt: previous.operationState?.startedAt ?? at,
          finishedAt: at,
          syncResult: { ...revisions, ...sources },
        },
        // Argo CD keeps the last ten deployments.
        history: [
          ...history,
          { id: nextId, ...revisions, deployedAt: at, ...sources },
        ].slice(-10),
      };
    }
    case 'render-failed':
      // Argo CD cannot compare: sync Unknown with a ComparisonError; shown Degraded so the failure is visible.
      return {
        ...base,
        sync: sync('Unknown'),
        health: { status: 'Degraded', message: input.message },
        conditions: [
          {
            type: 'ComparisonError',
            message: input.message,
            lastTransitionTime: at,
          },
        ],
      };
    default:
      return previous;
  }
}

/** A Flux inventory (a Kustomization's, a ResourceSet's): ids `<namespace>_<name>_<group>_<kind>`. */
export const fluxInventory = (resources: RenderedResource[] | undefined) =>
  resources && {
    entries: resources.map(r => {
      const { group, version } = groupVersion(r.apiVersion);
      return {
        id: `${r.namespace ?? ''}_${r.name}_${group}_${r.kind}`,
        v: version,
      };
    }),
  };

/** The status of a Flux Kustomization in a phase, built on the status it had. */
export function fluxKustomizationStatusIn(
  kustomization: Obj,
  input: PhaseInput,
): Obj {
  const previous: Obj = kustomization.status ?? {};
  const { at, phase } = input;
  const revision = `${input.branch}@sha1:${input.revision}`;
  const base = {
    ...previous,
    observedGeneration: kustomization.metadata?.generation ?? 1,
    lastAttemptedRevision: revision,
  };
  // Flux reports Ready=Unknown plus Reconciling=True while it works (Argo CD's health check counts both).
  const working = (message: string) => [
    condition('Ready', 'Unknown', 'Progressing', message, at),
    condition('Reconciling', 'True', 'Progressing', message, at),
  ];
  switch (phase) {
    case 'out-of-sync':
      return { ...base, conditions: working('Reconciliation in progress') };
    case 'progressing':
      return {
        ...base,
        lastAppliedRevision: revision,
        inventory: fluxInventory(input.resources) ?? previous.inventory,
        conditions: working('Health check in progress'),
      };
    case 'healthy':
      return {
        ...base,
        lastAppliedRevision: revision,
        conditions: [
          condition(
            'Ready',
            'True',
            'ReconciliationSucceeded',
            `Applied revision: ${revision}`,
            at,
          ),
        ],
      };
    case 'degraded':
      return {
        ...base,
        lastAppliedRevision: revision,
        conditions: [
          condition(
            'Ready',
            'False',
            'HealthCheckFailed',
            input.message ?? 'health check failed',
            at,
          ),
        ],
      };
    case 'render-failed':
      // Nothing was applied: lastAppliedRevision stays at the previous commit.
      return {
        ...base,
        conditions: [
          condition(
            'Ready',
            'False',
            'BuildFailed',
            `kustomize build failed: ${input.message ?? ''}`,
            at,
          ),
        ],
      };
    default:
      return previous;
  }
}

/** A Flux GitRepository that fetched a new commit. */
export function gitRepositoryStatusAt(
  repository: Obj,
  branch: string,
  revision: string,
  at: string,
): Obj {
  const fluxRevision = `${branch}@sha1:${revision}`;
  const message = `stored artifact for revision '${fluxRevision}'`;
  return {
    ...repository.status,
    observedGeneration: repository.metadata?.generation ?? 1,
    artifact: {
      ...repository.status?.artifact,
      revision: fluxRevision,
      lastUpdateTime: at,
    },
    conditions: [
      condition('Ready', 'True', 'Succeeded', message, at),
      condition('ArtifactInStorage', 'True', 'Succeeded', message, at),
    ],
  };
}
