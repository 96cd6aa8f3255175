import { goldenPathOptionsResponseSchema } from '@gitops-portal/plugin-gitops-common';
import { KubeEmulator } from '@internal/kube-emulator';
import request from 'supertest';
import { startBackend } from './__testUtils__/backend';
import { clusterConfigEntry, startClusters } from './__testUtils__/clusters';

/** What the templates' forms offer comes from config: the config repo, the environments in cluster order. */
describe('GET /golden-path-options', () => {
  let emulator: KubeEmulator;

  beforeAll(async () => {
    emulator = await startClusters(['dev', 'staging-eu', 'prod-eu']);
  });
  afterAll(() => emulator.close());

  async function optionsWith(gitops: Record<string, unknown>) {
    const { backend, server } = await startBackend(emulator, { gitops });
    try {
      const res = await request(server).get('/api/gitops/golden-path-options');
      return { status: res.status, body: res.body };
    } finally {
      await backend.stop();
    }
  }

  it('offers the configured config repo in the RepoUrlPicker format', async () => {
    const { body } = await optionsWith({
      configRepo: {
        host: 'ghe.example.com',
        owner: 'platform',
        repo: 'fleet-config',
        branch: 'trunk',
      },
    });

    expect(goldenPathOptionsResponseSchema.parse(body).configRepos).toEqual([
      {
        host: 'ghe.example.com',
        owner: 'platform',
        repo: 'fleet-config',
        branch: 'trunk',
        repoUrl: 'ghe.example.com?owner=platform&repo=fleet-config',
      },
    ]);
  });

  it("offers the clusters' environments once each, in cluster order", async () => {
    const cluster = (name: string) => emulator.cluster(name);
    const { body } = await optionsWith({
      clusters: [
        clusterConfigEntry(cluster('prod-eu'), 'qa'),
        clusterConfigEntry(cluster('dev'), 'qa'),
        clusterConfigEntry(cluster('staging-eu'), 'live'),
      ],
    });

    const options = goldenPathOptionsResponseSchema.parse(body);
    expect(options.environments).toEqual(['qa', 'live']);
    expect(options.clusters).toEqual([
      { name: 'prod-eu', environment: 'qa' },
      { name: 'dev', environment: 'qa' },
      { name: 'staging-eu', environment: 'live' },
    ]);
  });

  it("offers the cluster request's providers, versions and bounds, not the providers' specs", async () => {
    const { body } = await optionsWith({
      clusterRequest: {
        kubernetesVersions: ['v1.30.6', 'v1.31.2'],
        workerReplicas: { max: 6 },
        providers: {
          docker: {
            type: 'cluster-api',
            infrastructure: {
              apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1',
              clusterKind: 'DockerCluster',
              machineTemplateKind: 'DockerMachineTemplate',
              machineSpec: { customImage: 'kindest/node:v1.31.2' },
            },
          },
          managed: {
            type: 'crossplane',
            claim: {
              apiVersion: 'platform.acme.io/v1alpha1',
              kind: 'KubernetesCluster',
            },
          },
        },
        registration: { engine: 'flux', sourceRef: { name: 'config' } },
      },
    });

    expect(goldenPathOptionsResponseSchema.parse(body).clusterRequest).toEqual({
      providers: [
        { name: 'docker', type: 'cluster-api' },
        { name: 'managed', type: 'crossplane' },
      ],
      kubernetesVersions: ['v1.30.6', 'v1.31.2'],
      controlPlaneReplicas: { min: 1, max: 5 },
      workerReplicas: { min: 0, max: 6 },
    });
    expect(JSON.stringify(body)).not.toContain('kindest');
  });

  it('offers no config repo when none is configured, and names no credentials', async () => {
    const { body } = await optionsWith({});

    expect(body.configRepos).toEqual([]);
    expect(body.clusterRequest).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain(emulator.cluster('dev').token);
  });
});
