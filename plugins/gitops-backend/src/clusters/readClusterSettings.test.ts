import { ConfigReader } from '@backstage/config';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readClusterSettings } from './readClusterSettings';

const NO_TOKEN_FILE = '/nonexistent/gitops-test/token';
const read = (data: object, inClusterTokenFile = NO_TOKEN_FILE) =>
  readClusterSettings(new ConfigReader(data), { inClusterTokenFile });

const locators = (...methods: object[]) => ({
  kubernetes: { clusterLocatorMethods: methods },
});

const prod = {
  name: 'prod',
  url: 'https://prod.example.com:6443',
  authProvider: 'serviceAccount',
  serviceAccountToken: 'prod-token',
  caData: 'Y2E=',
  skipTLSVerify: false,
};

describe('readClusterSettings', () => {
  it('reads nothing without kubernetes or gitops config', () => {
    expect(read({})).toEqual({ kubernetes: [], gitops: [], environments: {} });
  });

  it('reads kubernetes.clusterLocatorMethods type config as the Kubernetes plugin does', () => {
    const settings = read(
      locators({
        type: 'config',
        clusters: [{ ...prod, skipMetricsLookup: true, dashboardUrl: 'x' }],
      }),
    );
    expect(settings.kubernetes).toEqual([
      {
        name: 'prod',
        source: 'kubernetes',
        origin: "kubernetes.clusterLocatorMethods[0].clusters[0] ('prod')",
        url: prod.url,
        authProvider: 'serviceAccount',
        serviceAccountToken: 'prod-token',
        caData: 'Y2E=',
        skipTLSVerify: false,
      },
    ]);
  });

  it('reads the catalog locator method with its URL and TLS options', () => {
    const settings = read({
      ...locators({
        type: 'catalog',
        dangerouslyAllowClusterUrls: ['127.0.0.1'],
        dangerouslyAllowSkipTLSVerify: true,
      }),
      gitops: { catalogClusters: { refreshInterval: '5s' } },
    });
    expect(settings.catalog).toEqual({
      allowedHosts: ['127.0.0.1'],
      allowSkipTLSVerify: true,
      refreshIntervalMs: 5_000,
    });
  });

  it('defaults the catalog locator to no exceptions and a 60 s refresh', () => {
    expect(read(locators({ type: 'catalog' })).catalog).toEqual({
      allowedHosts: [],
      allowSkipTLSVerify: false,
      refreshIntervalMs: 60_000,
    });
  });

  it('reads gitops.clusterEnvironments by cluster name', () => {
    expect(
      read({ gitops: { clusterEnvironments: { prod: 'production' } } })
        .environments,
    ).toEqual({ prod: 'production' });
  });

  it('falls back on the in-cluster token file when it exists', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gitops-token-'));
    const file = path.join(dir, 'token');
    fs.writeFileSync(file, 'in-cluster');
    try {
      expect(read({}, file).inClusterTokenFile).toBe(file);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['gke', { type: 'gke', projectId: 'p' }],
    ['localKubectlProxy', { type: 'localKubectlProxy' }],
  ])('warns once about an unsupported locator type (%s)', (type, method) => {
    const logger = { warn: jest.fn() };
    readClusterSettings(new ConfigReader(locators(method)), { logger });
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn.mock.calls[0][0]).toContain(`'${type}'`);
  });

  it.each([
    [
      'a config cluster without url',
      locators({ type: 'config', clusters: [{ ...prod, url: undefined }] }),
      "kubernetes.clusterLocatorMethods[0].clusters[0] ('prod'): missing url",
    ],
    [
      'a config cluster with an invalid url',
      locators({ type: 'config', clusters: [{ ...prod, url: 'not a url' }] }),
      "kubernetes.clusterLocatorMethods[0].clusters[0] ('prod'): url is not a valid URL",
    ],
    [
      'a config cluster without authProvider',
      locators({
        type: 'config',
        clusters: [{ ...prod, authProvider: undefined }],
      }),
      "('prod'): missing authProvider",
    ],
    [
      'a config cluster with an unknown authProvider',
      locators({
        type: 'config',
        clusters: [{ ...prod, authProvider: 'kerberos' }],
      }),
      "('prod'): unknown authProvider 'kerberos'",
    ],
    [
      'two config clusters with one name (across locator methods)',
      locators(
        { type: 'config', clusters: [prod] },
        { type: 'config', clusters: [prod] },
      ),
      "kubernetes.clusterLocatorMethods[type=config]: duplicate cluster name 'prod'",
    ],
    [
      'two gitops.clusters with one name',
      { gitops: { clusters: [prod, prod] } },
      "gitops.clusters: duplicate cluster name 'prod'",
    ],
    [
      'a gitops.clusters entry without url that overrides nothing',
      { gitops: { clusters: [{ name: 'dev' }] } },
      "gitops.clusters[0] ('dev'): needs a url or a kubeconfigPath",
    ],
  ])('refuses %s, naming the key', (_name, data, message) => {
    expect(() => read(data)).toThrow(message);
  });

  it('accepts a gitops.clusters entry without url that overrides a config cluster', () => {
    const settings = read({
      ...locators({ type: 'config', clusters: [prod] }),
      gitops: { clusters: [{ name: 'prod', environment: 'production' }] },
    });
    expect(settings.gitops.map(entry => entry.name)).toEqual(['prod']);
  });

  it('leaves a gitops.clusters entry without url to the catalog when a catalog locator is configured', () => {
    const settings = read({
      ...locators({ type: 'catalog' }),
      gitops: {
        clusters: [{ name: 'from-catalog', serviceAccountToken: 't' }],
      },
    });
    expect(settings.gitops.map(entry => entry.name)).toEqual(['from-catalog']);
  });
});
