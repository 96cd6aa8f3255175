import { resolveClusters } from './resolveClusters';
import { ClusterEntry, ClusterSettings } from './types';

const kubernetes = (
  name: string,
  fields: Partial<ClusterEntry> = {},
): ClusterEntry => ({
  name,
  source: 'kubernetes',
  origin: `kubernetes '${name}'`,
  url: `https://${name}.example.com`,
  authProvider: 'serviceAccount',
  serviceAccountToken: `${name}-token`,
  ...fields,
});

const catalog = (
  name: string,
  fields: Partial<ClusterEntry> = {},
): ClusterEntry => ({
  name,
  source: 'catalog',
  origin: `catalog entity resource:default/${name}`,
  url: `https://${name}.example.com`,
  caData: 'Y2E=',
  authProvider: 'oidc',
  urlFromCatalog: true,
  ...fields,
});

const gitops = (
  name: string,
  fields: Partial<ClusterEntry> = {},
): ClusterEntry => ({
  name,
  source: 'gitops',
  origin: `gitops.clusters '${name}'`,
  ...fields,
});

const settings = (fields: Partial<ClusterSettings>): ClusterSettings => ({
  kubernetes: [],
  gitops: [],
  environments: {},
  ...fields,
});

const names = (result: ReturnType<typeof resolveClusters>) =>
  result.entries.map(entry => entry.name);

describe('resolveClusters', () => {
  it('keeps gitops.clusters alone exactly as configured', () => {
    const dev = gitops('dev', {
      url: 'http://127.0.0.1:1',
      environment: 'dev',
    });
    expect(resolveClusters(settings({ gitops: [dev] }))).toEqual({
      entries: [dev],
      skipped: [],
    });
  });

  it('orders config clusters, then catalog clusters, then gitops.clusters additions', () => {
    const result = resolveClusters(
      settings({
        kubernetes: [kubernetes('a')],
        gitops: [gitops('c', { url: 'https://c' })],
      }),
      [catalog('b', { authProvider: 'localKubectlProxy' })],
    );
    expect(names(result)).toEqual(['a', 'b', 'c']);
  });

  it.each([
    [
      'a gitops.clusters token for a catalog cluster',
      [catalog('prod')],
      gitops('prod', { serviceAccountToken: 'override' }),
      {
        url: 'https://prod.example.com',
        serviceAccountToken: 'override',
        urlFromCatalog: true,
      },
    ],
    [
      'a gitops.clusters url for a catalog cluster (no longer a catalog URL)',
      [catalog('prod')],
      gitops('prod', { url: 'https://pinned', serviceAccountToken: 't' }),
      { url: 'https://pinned', urlFromCatalog: false },
    ],
    [
      'a gitops.clusters environment and TLS setting for a catalog cluster',
      [catalog('prod', { authProvider: 'localKubectlProxy' })],
      gitops('prod', { environment: 'production', skipTLSVerify: true }),
      { environment: 'production', skipTLSVerify: true, caData: 'Y2E=' },
    ],
  ])('overrides by name: %s', (_name, catalogEntries, override, expected) => {
    const result = resolveClusters(
      settings({ gitops: [override] }),
      catalogEntries,
    );
    expect(result.skipped).toEqual([]);
    expect(result.entries).toEqual([expect.objectContaining(expected)]);
  });

  it('overrides a config cluster by name', () => {
    const result = resolveClusters(
      settings({
        kubernetes: [kubernetes('prod')],
        gitops: [
          gitops('prod', {
            serviceAccountToken: 'rotated',
            environment: 'prod',
          }),
        ],
      }),
    );
    expect(result.entries).toEqual([
      expect.objectContaining({
        url: 'https://prod.example.com',
        serviceAccountToken: 'rotated',
        environment: 'prod',
      }),
    ]);
  });

  it('does not let a catalog entity take the name of a config cluster', () => {
    const result = resolveClusters(
      settings({ kubernetes: [kubernetes('prod')] }),
      [catalog('prod', { url: 'https://elsewhere', serviceAccountToken: 'x' })],
    );
    expect(result.entries).toEqual([
      expect.objectContaining({ url: 'https://prod.example.com' }),
    ]);
    expect(result.skipped).toEqual([
      expect.objectContaining({
        name: 'prod',
        reason: "kubernetes 'prod' already names a cluster 'prod'",
      }),
    ]);
  });

  it.each([
    [
      'gitops.clusters[].environment',
      { prod: 'other' },
      'production',
      'production',
    ],
    [
      'gitops.clusterEnvironments',
      { prod: 'production' },
      undefined,
      'production',
    ],
  ])('takes the environment from %s', (_name, environments, own, expected) => {
    const result = resolveClusters(
      settings({
        kubernetes: [kubernetes('prod')],
        gitops: own ? [gitops('prod', { environment: own })] : [],
        environments,
      }),
    );
    expect(result.entries[0].environment).toBe(expected);
  });

  it.each([
    [
      'serviceAccount with a token',
      kubernetes('c'),
      undefined,
      { serviceAccountToken: 'c-token' },
    ],
    [
      'serviceAccount without a token, in a pod',
      kubernetes('c', { serviceAccountToken: undefined }),
      '/var/run/token',
      { tokenFile: '/var/run/token' },
    ],
    [
      'localKubectlProxy (no credentials)',
      kubernetes('c', {
        authProvider: 'localKubectlProxy',
        serviceAccountToken: undefined,
      }),
      undefined,
      { authProvider: 'localKubectlProxy' },
    ],
    [
      'oidc with a token from app-config',
      kubernetes('c', { authProvider: 'oidc' }),
      undefined,
      { serviceAccountToken: 'c-token' },
    ],
  ])('reads a cluster with %s', (_name, entry, tokenFile, expected) => {
    const result = resolveClusters(
      settings({ kubernetes: [entry], inClusterTokenFile: tokenFile }),
    );
    expect(result.skipped).toEqual([]);
    expect(result.entries).toEqual([expect.objectContaining(expected)]);
  });

  it.each([
    [
      'serviceAccount without a token outside a pod',
      kubernetes('c', { serviceAccountToken: undefined }),
      "authProvider 'serviceAccount' without a serviceAccountToken",
    ],
    [
      'a user-token provider (oidc)',
      kubernetes('c', { authProvider: 'oidc', serviceAccountToken: undefined }),
      "authProvider 'oidc' signs requests with the signed-in user's OIDC token",
    ],
    [
      'a cloud provider (aws)',
      catalog('c', { authProvider: 'aws' }),
      "authProvider 'aws' signs requests with the backend's AWS credentials",
    ],
    [
      'serviceAccount from the catalog, even in a pod',
      catalog('c', { authProvider: 'serviceAccount' }),
      "authProvider 'serviceAccount' is not accepted from the catalog",
    ],
    [
      'an unknown provider from the catalog',
      catalog('c', { authProvider: 'kerberos', serviceAccountToken: 't' }),
      "unknown authProvider 'kerberos'",
    ],
  ])('skips a cluster with %s, saying why', (_name, entry, reason) => {
    const input = entry.source === 'catalog' ? [entry] : [];
    const result = resolveClusters(
      settings({
        kubernetes: entry.source === 'kubernetes' ? [entry] : [],
        inClusterTokenFile:
          entry.source === 'catalog' ? '/var/run/token' : undefined,
      }),
      input,
    );
    expect(result.entries).toEqual([]);
    expect(result.skipped).toEqual([
      {
        name: 'c',
        origin: entry.origin,
        reason: expect.stringContaining(reason),
      },
    ]);
  });

  it('skips a gitops.clusters entry without url whose cluster the catalog does not (yet) have', () => {
    const result = resolveClusters(
      settings({ gitops: [gitops('later', { serviceAccountToken: 't' })] }),
    );
    expect(result.entries).toEqual([]);
    expect(result.skipped[0].reason).toContain('no url nor kubeconfigPath');
  });
});
