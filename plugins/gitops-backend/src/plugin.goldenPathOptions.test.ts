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

  it('offers no config repo when none is configured, and names no credentials', async () => {
    const { body } = await optionsWith({});

    expect(body.configRepos).toEqual([]);
    expect(JSON.stringify(body)).not.toContain(emulator.cluster('dev').token);
  });
});
