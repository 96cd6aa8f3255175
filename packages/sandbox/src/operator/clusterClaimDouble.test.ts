import { normalizeObject } from '@gitops-portal/plugin-gitops-common';
import {
  gitopsCrds,
  KubeEmulator,
  KubeObject,
  startKubeEmulator,
} from '@internal/kube-emulator';
import { clusterClaimDefinitions } from '../demo/clusterRequests';
import { advanceClusterClaims } from './clusterClaimDouble';
import type { Ref } from './crossplaneDouble';

/** A live object whose spec and status the test reads freely. */
type Obj = KubeObject & { spec?: any; status?: any };

const AT = '2026-01-01T00:00:00Z';
const XRD_API = 'platform.acme.io/v1alpha1';
const EKS = 'eks.aws.upbound.io/v1beta1';

/** A cluster claim as `gitops:cluster:request` writes it for the sandbox's `aws-managed` provider. */
const claim = (name: string): KubeObject => ({
  apiVersion: XRD_API,
  kind: 'KubernetesCluster',
  metadata: {
    name,
    namespace: 'default',
    labels: { 'backstage.io/kubernetes-id': name },
  },
  spec: {
    parameters: { region: 'eu-west-1', version: 'v1.31.2', nodeCount: 2 },
    writeConnectionSecretToRef: { name: `${name}-kubeconfig` },
  },
});

let kube: KubeEmulator;
beforeAll(async () => {
  kube = await startKubeEmulator({
    clusters: [{ name: 'management' }, { name: 'workload' }],
  });
  const management = kube.cluster('management');
  management.apply(gitopsCrds());
  management.apply(clusterClaimDefinitions() as KubeObject[]);
});
afterAll(() => kube.close());

/** An object of the management cluster, as it is now. */
const liveOf = (
  apiVersion: string,
  kind: string,
  name: string,
  namespace?: string,
) =>
  kube.cluster('management').get(apiVersion, kind, name, namespace) as
    | Obj
    | undefined;

/** What the portal reads of an object: its role's sync and health, and its Ready condition. */
function portalView(
  object: KubeObject,
  role: 'claim' | 'composite' | 'managed',
) {
  const record = normalizeObject(object, {
    cluster: 'management',
    crossplaneRole: role,
  });
  const ready = record.conditions.find(c => c.type === 'Ready');
  return {
    sync: record.sync,
    health: record.health.status,
    ready: `${ready?.status} ${ready?.reason}${
      ready?.message ? `: ${ready.message}` : ''
    }`,
  };
}

/** The claim, its composite and its managed resources, as the portal reads them after each look, until none moves. */
function progressUntilReady(name: string) {
  const cluster = kube.cluster('management');
  cluster.apply(claim(name));
  const looks = [];
  while (advanceClusterClaims(cluster, AT) > 0) {
    const live = liveOf(XRD_API, 'KubernetesCluster', name, 'default')!;
    const composite = liveOf(
      XRD_API,
      'XKubernetesCluster',
      live.spec.resourceRef.name,
    )!;
    looks.push({
      claim: portalView(live, 'claim'),
      composite: portalView(composite, 'composite'),
      managed: (composite.spec.resourceRefs as Ref[]).map(ref => {
        const managed = liveOf(ref.apiVersion, ref.kind, ref.name)!;
        return `${managed.kind} ${portalView(managed, 'managed').health}`;
      }),
    });
  }
  return looks;
}

describe('the simulated Crossplane for cluster claims', () => {
  it('binds a merged claim to a composite, readies its managed resources one by one, then leaves it alone', () => {
    const synced = { sync: 'Synced' };
    const waiting = {
      ...synced,
      health: 'Progressing',
      ready:
        'False Waiting: Claim is waiting for composite resource to become Ready',
    };
    expect(progressUntilReady('edge-2')).toEqual([
      {
        claim: waiting,
        composite: {
          ...synced,
          health: 'Progressing',
          ready: 'False Creating: Unready resources: control-plane, node-group',
        },
        managed: ['Cluster Progressing', 'NodeGroup Progressing'],
      },
      {
        claim: waiting,
        composite: {
          ...synced,
          health: 'Progressing',
          ready: 'False Creating: Unready resources: node-group',
        },
        managed: ['Cluster Healthy', 'NodeGroup Progressing'],
      },
      {
        claim: { ...synced, health: 'Healthy', ready: 'True Available' },
        composite: { ...synced, health: 'Healthy', ready: 'True Available' },
        managed: ['Cluster Healthy', 'NodeGroup Healthy'],
      },
    ]);
  });

  it('links the claim, its composite and its managed resources both ways, with Crossplane labels only', () => {
    progressUntilReady('edge-3');
    const live = liveOf(XRD_API, 'KubernetesCluster', 'edge-3', 'default')!;
    const composite = liveOf(
      XRD_API,
      'XKubernetesCluster',
      live.spec.resourceRef.name,
    )!;
    const [controlPlane] = composite.spec.resourceRefs;

    expect(composite.spec.claimRef).toEqual({
      apiVersion: XRD_API,
      kind: 'KubernetesCluster',
      namespace: 'default',
      name: 'edge-3',
    });
    expect(liveOf(EKS, 'Cluster', controlPlane.name)?.metadata).toEqual(
      expect.objectContaining({
        labels: {
          'crossplane.io/claim-name': 'edge-3',
          'crossplane.io/claim-namespace': 'default',
          'crossplane.io/composite': composite.metadata.name,
        },
        annotations: {
          'crossplane.io/composition-resource-name': 'control-plane',
        },
      }),
    );
    expect(live.status.connectionDetails).toEqual({ lastPublishedTime: AT });
  });

  it('deletes the composite and its managed resources once the claim is removed from the tree', () => {
    progressUntilReady('edge-4');
    const cluster = kube.cluster('management');
    const { resourceRef } = liveOf(
      XRD_API,
      'KubernetesCluster',
      'edge-4',
      'default',
    )!.spec;
    const { resourceRefs } = liveOf(
      XRD_API,
      'XKubernetesCluster',
      resourceRef.name,
    )!.spec;

    cluster.remove(XRD_API, 'KubernetesCluster', 'edge-4', 'default');
    advanceClusterClaims(cluster, AT);

    expect(
      liveOf(XRD_API, 'XKubernetesCluster', resourceRef.name),
    ).toBeUndefined();
    expect(
      (resourceRefs as Ref[]).map(ref =>
        liveOf(ref.apiVersion, ref.kind, ref.name),
      ),
    ).toEqual([undefined, undefined]);
  });

  it('moves nothing in a cluster without the cluster XRD', () => {
    expect(advanceClusterClaims(kube.cluster('workload'), AT)).toBe(0);
  });
});
