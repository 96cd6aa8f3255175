import { ConfigReader } from '@backstage/config';
import { startKubeEmulator } from '@internal/kube-emulator';
import { CoreV1Api } from '@kubernetes/client-node';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readGitopsConfig } from './config';

describe('readGitopsConfig', () => {
  it('applies the defaults', () => {
    expect(readGitopsConfig(new ConfigReader({}))).toEqual({
      clusters: [],
      clusterSettings: { kubernetes: [], gitops: [], environments: {} },
      staleAfterMs: 30_000,
      idleTimeoutMs: 90_000,
      retentionMs: 30 * 24 * 3600_000,
      discoveryIntervalMs: 15 * 60_000,
      discoveryFallbackIntervalMs: 60_000,
      entityIndexRefreshMs: 60_000,
      health: {
        argoCdNamespace: 'argocd',
        limits: {
          timeoutMs: 100,
          memoryBytes: 8 * 1024 * 1024,
          maxInstructions: 10_000_000,
        },
        runtime: expect.any(Function),
      },
      managedKinds: { watch: 'referenced', max: 100 },
    });
  });

  it.each([
    ['a HumanDuration object', { minutes: 2 }, 120_000],
    ['an ms-style string', '45s', 45_000],
    ['an ISO 8601 duration', 'PT1M', 60_000],
  ])('reads durations given as %s', (_name, value, ms) => {
    const config = readGitopsConfig(
      new ConfigReader({
        gitops: {
          staleAfter: value,
          watch: { idleTimeout: value },
          history: { retention: value },
          discoveryInterval: value,
          discoveryFallbackInterval: value,
          catalogEntities: { refreshInterval: value },
        },
      }),
    );
    expect(config).toMatchObject({
      staleAfterMs: ms,
      idleTimeoutMs: ms,
      retentionMs: ms,
      discoveryIntervalMs: ms,
      discoveryFallbackIntervalMs: ms,
      entityIndexRefreshMs: ms,
    });
  });

  it.each([
    [
      'the defaults',
      { enabled: true },
      {
        enabled: true,
        leaseDurationMs: 12_000,
        pollSignals: false,
        teamView: true,
      },
    ],
    [
      'every key',
      {
        enabled: true,
        leaseDuration: '20s',
        pollSignals: true,
        teamView: false,
      },
      {
        enabled: true,
        leaseDurationMs: 20_000,
        pollSignals: true,
        teamView: false,
      },
    ],
  ])('reads sharding with %s', (_name, sharding, expected) => {
    const config = readGitopsConfig(new ConfigReader({ gitops: { sharding } }));
    expect(config.sharding).toEqual(expected);
  });

  it.each([
    ['the new key alone', { teamView: false }, false, 0],
    ['the deprecated key alone', { teamReadModel: false }, false, 1],
    [
      'both keys (the new one wins)',
      { teamReadModel: true, teamView: false },
      false,
      1,
    ],
  ])('reads sharding.teamView from %s', (_name, keys, teamView, warnings) => {
    const logger = { warn: jest.fn() };
    const config = readGitopsConfig(
      new ConfigReader({ gitops: { sharding: { enabled: true, ...keys } } }),
      logger,
    );
    expect(config.sharding?.teamView).toBe(teamView);
    expect(logger.warn).toHaveBeenCalledTimes(warnings);
    for (const [message] of logger.warn.mock.calls) {
      expect(message).toContain('gitops.sharding.teamReadModel');
      expect(message).toContain('gitops.sharding.teamView');
    }
  });

  it('builds a kubeconfig from url and token', () => {
    const [cluster] = readGitopsConfig(
      new ConfigReader({
        gitops: {
          clusters: [
            {
              name: 'dev',
              environment: 'dev',
              url: 'http://127.0.0.1:6443',
              skipTLSVerify: true,
              serviceAccountToken: 's3cret',
            },
          ],
        },
      }),
    ).clusters;
    expect(cluster.name).toBe('dev');
    expect(cluster.environment).toBe('dev');
    expect(cluster.kubeConfig.getCurrentCluster()).toMatchObject({
      server: 'http://127.0.0.1:6443',
      skipTLSVerify: true,
    });
    expect(cluster.kubeConfig.getCurrentUser()?.token).toBe('s3cret');
  });

  it('refuses two clusters with one name', () => {
    const entry = {
      name: 'dev',
      url: 'http://127.0.0.1:1',
      skipTLSVerify: true,
    };
    expect(() =>
      readGitopsConfig(
        new ConfigReader({ gitops: { clusters: [entry, entry] } }),
      ),
    ).toThrow(/duplicate cluster name 'dev'/);
  });

  it('refuses a cluster with neither url nor kubeconfigPath', () => {
    expect(() =>
      readGitopsConfig(
        new ConfigReader({ gitops: { clusters: [{ name: 'dev' }] } }),
      ),
    ).toThrow(/url/);
  });

  it('reads a kubeconfig file the real client can use', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gitops-kubeconfig-'));
    const emulator = await startKubeEmulator({
      clusters: [{ name: 'dev' }],
      kubeconfigDir: dir,
    });
    try {
      const kubeconfigPath = emulator.cluster('dev').kubeconfigPath!;
      const [cluster] = readGitopsConfig(
        new ConfigReader({
          gitops: { clusters: [{ name: 'dev', kubeconfigPath }] },
        }),
      ).clusters;
      const namespaces = await cluster.kubeConfig
        .makeApiClient(CoreV1Api)
        .listNamespace();
      expect(namespaces.items.map(n => n.metadata?.name)).toContain('default');
    } finally {
      await emulator.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
