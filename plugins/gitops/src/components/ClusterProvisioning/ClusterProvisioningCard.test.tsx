import { act, screen, within } from '@testing-library/react';
import type { Entity } from '@backstage/catalog-model';
import type { ObjectStatus } from '@gitops-portal/plugin-gitops-common';
import { setupGitopsServer } from '../../__testUtils__/server';
import { renderWithApis } from '../../__testUtils__/render';
import { argoApp, entityStatus } from '../../__testUtils__/fixtures';
import { ClusterProvisioningCard } from './ClusterProvisioningCard';

const STATUS = '/entities/resource/default/edge-1/status';

/** The catalog Resource `gitops:cluster:request` writes for the cluster. */
const clusterEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: {
    name: 'edge-1',
    namespace: 'default',
    annotations: {
      'backstage.io/kubernetes-id': 'edge-1',
      'gitops.portal/environment': 'staging',
    },
  },
  spec: { type: 'kubernetes-cluster', owner: 'group:default/platform' },
};

const capiCluster = (
  phase: string,
  ready: boolean,
  workersReady: number,
): ObjectStatus[] => [
  argoApp({
    engine: 'cluster-api',
    apiVersion: 'cluster.x-k8s.io/v1beta1',
    kind: 'Cluster',
    name: 'edge-1',
    cluster: 'management',
    health: { status: ready ? 'Healthy' : 'Progressing' },
    provisioning: {
      phase,
      infrastructureReady: true,
      controlPlaneReady: ready,
      ...(ready ? { apiServerUrl: 'https://172.18.0.4:6443' } : {}),
    },
  }),
  argoApp({
    engine: 'cluster-api',
    apiVersion: 'cluster.x-k8s.io/v1beta1',
    kind: 'MachineDeployment',
    name: 'edge-1-md-0',
    cluster: 'management',
    provisioning: { replicas: { desired: 2, ready: workersReady } },
  }),
];

const steps = () =>
  within(screen.getByRole('list', { name: 'Provisioning steps' }))
    .getAllByRole('listitem')
    .map(item => item.textContent);

describe('ClusterProvisioningCard', () => {
  const backend = setupGitopsServer();
  const render = () =>
    renderWithApis(<ClusterProvisioningCard />, { entity: clusterEntity });

  it('shows the phase and the steps with machines ready', async () => {
    backend.serve(STATUS, entityStatus(capiCluster('Provisioning', false, 1)));
    await render();

    expect(
      await screen.findByLabelText('Provisioning phase'),
    ).toHaveTextContent('Provisioning');
    expect(steps()).toEqual([
      'Infrastructure',
      'Control plane',
      'Workers: 1/2 ready',
    ]);
    expect(screen.queryByText(/gitops:/)).not.toBeInTheDocument();
  });

  it("once ready, shows the gitops.clusters entry with the cluster's API server and no token", async () => {
    backend.serve(STATUS, entityStatus(capiCluster('Provisioned', true, 2)));
    await render();

    expect(
      await screen.findByLabelText('Provisioning phase'),
    ).toHaveTextContent('Ready');
    const snippet = screen.getByRole('region', {
      name: 'Cluster configuration',
    }).textContent;
    expect(snippet).toContain('url: https://172.18.0.4:6443');
    expect(snippet).toContain('environment: staging');
    expect(snippet).toContain('serviceAccountToken: ${EDGE_1_TOKEN}');
  });

  it('says the cluster is not provisioning before its objects exist', async () => {
    backend.serve(STATUS, entityStatus([]));
    await render();

    expect(await screen.findByText(/Not provisioning yet/)).toBeInTheDocument();
  });

  it('follows a signal naming the cluster', async () => {
    let calls = 0;
    backend.serve(STATUS, () => {
      calls += 1;
      return entityStatus(
        capiCluster('Provisioning', false, calls === 1 ? 0 : 2),
      );
    });
    const { signals } = await render();
    await screen.findByText('Workers: 0/2 ready');

    act(() =>
      signals.publish('gitops:status', {
        entityRefs: ['resource:default/edge-1'],
        clusters: ['management'],
      }),
    );

    expect(await screen.findByText('Workers: 2/2 ready')).toBeInTheDocument();
  });
});
