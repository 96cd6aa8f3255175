import {
  normalizeObject,
  NormalizeOptions,
  ObjectStatus,
  SyncStatus,
} from '@gitops-portal/plugin-gitops-common';
import { application } from '../../../__testUtils__/clusters';

export const SHOP = 'component:default/shop';
export const TEAM = 'group:default/team-a';

const REVISION = 'main@sha1:4f1c2a9d1e8b7c6a5f4e3d2c1b0a9f8e7d6c5b4a';
const READY = { type: 'Ready', status: 'True' };

function record(
  obj: unknown,
  crossplaneRole?: NormalizeOptions['crossplaneRole'],
): ObjectStatus {
  return {
    ...normalizeObject(obj, { cluster: 'dev', crossplaneRole }),
    entityRefs: [SHOP],
  };
}

const raw = (
  apiVersion: string,
  kind: string,
  status: Record<string, unknown>,
) => ({
  apiVersion,
  kind,
  metadata: { name: kind.toLowerCase(), namespace: 'shop' },
  spec: {},
  status,
});

/**
 * One object of each kind family as the shop entity owns it in dev, next to a Synced Argo CD Application,
 * with the sync its TeamView cell and counts must show. Families without a sync state report Unknown and must
 * leave the cell Synced; families with one decide it. Shared by the local and the sharded TeamView tests,
 * which must agree.
 */
export const SYNC_FAMILIES: Array<
  [family: string, object: ObjectStatus, cellSync: SyncStatus]
> = [
  [
    'Argo CD Application',
    record(application('shop-canary', { sync: 'OutOfSync' })),
    'OutOfSync',
  ],
  [
    'Argo CD ApplicationSet',
    record(
      raw('argoproj.io/v1alpha1', 'ApplicationSet', {
        conditions: [{ type: 'ResourcesUpToDate', status: 'True' }],
      }),
    ),
    'Synced',
  ],
  [
    'Argo Rollouts Rollout',
    record(
      raw('argoproj.io/v1alpha1', 'Rollout', {
        phase: 'Healthy',
        conditions: [{ type: 'Available', status: 'True' }],
      }),
    ),
    'Synced',
  ],
  [
    'Flagger Canary',
    record(
      raw('flagger.app/v1beta1', 'Canary', {
        phase: 'Succeeded',
        conditions: [{ type: 'Promoted', status: 'True' }],
      }),
    ),
    'Synced',
  ],
  [
    'Flux applier (a Kustomization behind its source)',
    record(
      raw('kustomize.toolkit.fluxcd.io/v1', 'Kustomization', {
        lastAppliedRevision:
          'main@sha1:0000000000000000000000000000000000000000',
        lastAttemptedRevision: REVISION,
        conditions: [READY],
      }),
    ),
    'OutOfSync',
  ],
  [
    'Flux source (a labelled GitRepository)',
    record(
      raw('source.toolkit.fluxcd.io/v1', 'GitRepository', {
        artifact: { revision: REVISION },
        conditions: [READY],
      }),
    ),
    'Synced',
  ],
  [
    'Crossplane claim (Synced=False)',
    record(
      raw('platform.example.org/v1alpha1', 'Database', {
        conditions: [READY, { type: 'Synced', status: 'False' }],
      }),
      'claim',
    ),
    'OutOfSync',
  ],
  [
    'Crossplane package (a Provider)',
    record(
      raw('pkg.crossplane.io/v1', 'Provider', {
        conditions: [
          { type: 'Installed', status: 'True' },
          { type: 'Healthy', status: 'True' },
        ],
      }),
    ),
    'Synced',
  ],
];

/** The Synced Argo CD Application every family sits next to. */
export const syncedApplication = (): ObjectStatus =>
  record(application('shop'));
