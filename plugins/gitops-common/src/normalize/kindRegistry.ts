import { Engine } from '../schema';
import { ANALYSIS_RUN_KINDS, analysisRunStatus } from './analysisRunHealth';
import {
  argoApplicationSetStatus,
  argoApplicationStatus,
} from './argoApplication';
import {
  CERT_MANAGER_GROUP,
  CERT_MANAGER_KINDS,
  certManagerStatus,
} from './certManagerHealth';
import {
  CLUSTER_API_CONTROL_PLANE_GROUP,
  CLUSTER_API_GROUP,
  clusterApiStatus,
} from './clusterApiHealth';
import { CORE_WORKLOAD_KINDS, coreWorkloadStatus } from './coreWorkloadHealth';
import {
  CROSSPLANE_PACKAGE_KINDS,
  CROSSPLANE_PKG_GROUP,
  CROSSPLANE_REVISION_KINDS,
  crossplanePackageStatus,
} from './crossplanePackageHealth';
import { XRD_GROUP } from './crossplaneStatus';
import { EngineStatus } from './engineStatus';
import {
  EXTERNAL_SECRETS_GROUP,
  EXTERNAL_SECRETS_KINDS,
  externalSecretsStatus,
} from './externalSecretsHealth';
import { FLAGGER_CANARY_KIND, FLAGGER_GROUP } from './flaggerHealth';
import { flaggerCanaryStatus } from './flaggerStatus';
import { FLUX_SOURCE_EXTENSIONS_GROUP } from './fluxArtifactGenerator';
import { FLUX_GROUPS, FluxKind } from './fluxHealth';
import { FLUX_IMAGE_GROUP } from './fluxImageHealth';
import { FLUX_NOTIFICATION_GROUP } from './fluxNotificationHealth';
import { FLUX_SOURCE_GROUP, fluxStatus } from './fluxStatus';
import { rolloutStatus } from './rolloutStatus';
import { SEALED_SECRETS_GROUP, sealedSecretStatus } from './sealedSecretHealth';

/**
 * How the reconciler reads a kind: `always` watches it cluster-wide in every cluster where it exists;
 * `managed` only reads the objects an Argo CD Application manages (watching every Deployment of a
 * cluster is not what a GitOps portal is for).
 *
 * @public
 */
export type KindWatch = 'always' | 'managed';

/**
 * A kind with a fixed API group, the engine (controller) it belongs to and the normaliser that reads
 * its objects. Crossplane's claims, composites and managed resources are not here: their groups are
 * user-defined and come from the XRDs a cluster serves.
 *
 * @public
 */
export interface RegisteredKind {
  /** The API group; '' for the core group. */
  group: string;
  kind: string;
  /** The resource name in the API path (`/apis/<group>/<version>/<plural>`). */
  plural: string;
  engine: Engine;
  watch: KindWatch;
  /**
   * The kind has a sync state of its own (the desired state compared with what is applied): Argo CD
   * Applications and Flux appliers. The others always report sync Unknown, which says nothing about them.
   */
  hasSyncState: boolean;
  normalize: (obj: unknown) => EngineStatus;
}

const entry = (
  group: string,
  kind: string,
  plural: string,
  engine: Engine,
  normalize: (obj: unknown) => EngineStatus,
  watch: KindWatch = 'always',
): RegisteredKind => ({
  group,
  kind,
  plural,
  engine,
  watch,
  hasSyncState: false,
  normalize,
});

/** A kind whose objects compare a desired state with what they applied. */
const syncing = (registered: RegisteredKind): RegisteredKind => ({
  ...registered,
  hasSyncState: true,
});

/** The Flux kinds that apply what a source fetched (the sources only fetch: no sync state). */
const FLUX_APPLIERS: ReadonlySet<string> = new Set<FluxKind>([
  'Kustomization',
  'HelmRelease',
]);

const flux = (group: string, kind: string, plural: string) => {
  const registered = entry(group, kind, plural, 'flux', fluxStatus);
  return FLUX_APPLIERS.has(kind) ? syncing(registered) : registered;
};

/** Lower-case plural of the kinds whose plural is regular (`Kind` → `kinds`). */
const plural = (kind: string) => `${kind.toLowerCase()}s`;

/**
 * Every fixed kind, one line each. Adding a kind is one normaliser file with its table-driven tests
 * and one line here: the backend watches (or reads, for `managed`) what this list names, and
 * `normalizeObject` dispatches through it.
 *
 * @public
 */
export const WATCHED_KINDS: readonly RegisteredKind[] = [
  syncing(
    entry(
      'argoproj.io',
      'Application',
      'applications',
      'argocd',
      argoApplicationStatus,
    ),
  ),
  entry(
    'argoproj.io',
    'ApplicationSet',
    'applicationsets',
    'argocd',
    argoApplicationSetStatus,
  ),
  entry('argoproj.io', 'Rollout', 'rollouts', 'argo-rollouts', rolloutStatus),
  ...ANALYSIS_RUN_KINDS.map(kind =>
    entry(
      'argoproj.io',
      kind,
      plural(kind),
      'argo-rollouts',
      analysisRunStatus(kind),
    ),
  ),
  entry(
    FLAGGER_GROUP,
    FLAGGER_CANARY_KIND,
    'canaries',
    'flagger',
    flaggerCanaryStatus,
  ),
  ...(
    [
      ['Kustomization', 'kustomizations'],
      ['HelmRelease', 'helmreleases'],
      ['GitRepository', 'gitrepositories'],
      ['OCIRepository', 'ocirepositories'],
      ['HelmRepository', 'helmrepositories'],
      ['HelmChart', 'helmcharts'],
      ['Bucket', 'buckets'],
    ] as [FluxKind, string][]
  ).map(([kind, kinds]) => flux(FLUX_GROUPS[kind], kind, kinds)),
  flux(FLUX_SOURCE_GROUP, 'ExternalArtifact', 'externalartifacts'),
  flux(FLUX_SOURCE_EXTENSIONS_GROUP, 'ArtifactGenerator', 'artifactgenerators'),
  flux(FLUX_IMAGE_GROUP, 'ImageRepository', 'imagerepositories'),
  flux(FLUX_IMAGE_GROUP, 'ImagePolicy', 'imagepolicies'),
  flux(FLUX_IMAGE_GROUP, 'ImageUpdateAutomation', 'imageupdateautomations'),
  flux(FLUX_NOTIFICATION_GROUP, 'Alert', 'alerts'),
  flux(FLUX_NOTIFICATION_GROUP, 'Provider', 'providers'),
  flux(FLUX_NOTIFICATION_GROUP, 'Receiver', 'receivers'),
  ...[...CROSSPLANE_PACKAGE_KINDS, ...CROSSPLANE_REVISION_KINDS].map(kind =>
    entry(
      CROSSPLANE_PKG_GROUP,
      kind,
      plural(kind),
      'crossplane',
      crossplanePackageStatus(kind),
    ),
  ),
  ...CERT_MANAGER_KINDS.map(kind =>
    entry(
      CERT_MANAGER_GROUP,
      kind,
      plural(kind),
      'cert-manager',
      certManagerStatus(kind),
    ),
  ),
  ...EXTERNAL_SECRETS_KINDS.map(kind =>
    entry(
      EXTERNAL_SECRETS_GROUP,
      kind,
      plural(kind),
      'external-secrets',
      externalSecretsStatus(kind),
    ),
  ),
  entry(
    SEALED_SECRETS_GROUP,
    'SealedSecret',
    'sealedsecrets',
    'sealed-secrets',
    sealedSecretStatus,
  ),
  entry(
    CLUSTER_API_GROUP,
    'Cluster',
    'clusters',
    'cluster-api',
    clusterApiStatus('Cluster'),
  ),
  entry(
    CLUSTER_API_GROUP,
    'MachineDeployment',
    'machinedeployments',
    'cluster-api',
    clusterApiStatus('MachineDeployment'),
  ),
  entry(
    CLUSTER_API_CONTROL_PLANE_GROUP,
    'KubeadmControlPlane',
    'kubeadmcontrolplanes',
    'cluster-api',
    clusterApiStatus('KubeadmControlPlane'),
  ),
  ...CORE_WORKLOAD_KINDS.map(core =>
    entry(
      core.group,
      core.kind,
      core.plural,
      'kubernetes',
      coreWorkloadStatus(core.kind),
      'managed',
    ),
  ),
];

const byGroupKind = new Map(
  WATCHED_KINDS.map(registered => [
    `${registered.group}/${registered.kind}`,
    registered,
  ]),
);

/**
 * The registry entry of a group and kind, if it has one.
 *
 * @public
 */
export function watchedKind(
  group: string,
  kind: string,
): RegisteredKind | undefined {
  return byGroupKind.get(`${group}/${kind}`);
}

/**
 * Whether objects of a group and kind have a sync state of their own, so that folding several objects into
 * one sync (the TeamView) can leave the others out. Outside the registry only Crossplane's claims, composites
 * and managed resources are read (user-defined groups): their Synced condition is their sync state; the
 * kinds of the XRD group have none.
 *
 * @public
 */
export function hasSyncState(group: string, kind: string): boolean {
  const registered = watchedKind(group, kind);
  if (registered) return registered.hasSyncState;
  return group !== XRD_GROUP;
}
