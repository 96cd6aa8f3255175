import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  changingCatalog,
  clusterEntity,
} from './__testUtils__/catalogClusters';
import { createClusterSource } from './createClusterSource';
import { CLUSTER_ANNOTATIONS } from './readCatalogClusters';
import { readClusterSettings } from './readClusterSettings';
import { ClusterSetChange } from './types';

const A = CLUSTER_ANNOTATIONS;
/** Public addresses for every test host, so no test depends on DNS. */
const resolveHost = async () => ['93.184.216.34'];

function sourceFor(
  config: object,
  initial: ReturnType<typeof clusterEntity>[] = [],
) {
  const logger = mockServices.logger.mock();
  const catalog = changingCatalog(initial);
  const settings = readClusterSettings(new ConfigReader(config), {
    inClusterTokenFile: '/nonexistent/gitops-test/token',
  });
  const source = createClusterSource({
    settings,
    catalog: catalog.catalog,
    auth: mockServices.auth(),
    logger,
    resolveHost,
  });
  const changes: ClusterSetChange[] = [];
  source.subscribe(change => changes.push(change));
  const names = () => source.clusters().map(cluster => cluster.name);
  const changed = () =>
    changes.map(({ added, removed }) => ({
      added: added.map(cluster => cluster.name),
      removed,
    }));
  return { source, catalog, logger, names, changed };
}

/** A catalog locator, and the tokens of the catalog's clusters in app-config (they may not use their own). */
const withCatalog = (tokens: string[] = ['a', 'b'], extra: object = {}) => ({
  kubernetes: { clusterLocatorMethods: [{ type: 'catalog', ...extra }] },
  gitops: {
    clusters: tokens.map(name => ({
      name,
      serviceAccountToken: `${name}-token`,
    })),
  },
});

describe('createClusterSource', () => {
  it('is static without a catalog locator: refresh reads nothing', async () => {
    const { source, names, changed } = sourceFor({
      gitops: { clusters: [{ name: 'dev', url: 'http://127.0.0.1:1' }] },
    });
    await source.refresh();
    expect(source.dynamic).toBe(false);
    expect(names()).toEqual(['dev']);
    expect(changed()).toEqual([]);
  });

  it('finds the catalog clusters on its first read, with the app-config token', async () => {
    const { source, names, changed } = sourceFor(withCatalog(), [
      clusterEntity('a'),
    ]);
    expect(names()).toEqual([]);
    await source.refresh();
    expect(names()).toEqual(['a']);
    expect(changed()).toEqual([{ added: ['a'], removed: [] }]);
    const kubeConfig = source.clusters()[0].kubeConfig;
    expect(kubeConfig.getCurrentCluster()?.server).toBe(
      'https://a.example.com:6443',
    );
    expect(kubeConfig.getCurrentUser()?.token).toBe('a-token');
  });

  it('ignores catalog entities that are not kubernetes-cluster Resources', async () => {
    const other = {
      ...clusterEntity('a'),
      spec: { type: 'database', owner: 'team-platform' },
    };
    const { source, names } = sourceFor(withCatalog(), [other]);
    await source.refresh();
    expect(names()).toEqual([]);
  });

  it.each([
    [
      'added',
      [clusterEntity('a')],
      [clusterEntity('a'), clusterEntity('b')],
      { added: ['b'], removed: [] },
    ],
    [
      'removed',
      [clusterEntity('a'), clusterEntity('b')],
      [clusterEntity('a')],
      { added: [], removed: ['b'] },
    ],
    [
      'changed (its watcher restarts)',
      [clusterEntity('a')],
      [clusterEntity('a', { [A.apiServer]: 'https://a2.example.com' })],
      { added: ['a'], removed: ['a'] },
    ],
  ])('follows a catalog cluster %s', async (_name, before, after, change) => {
    const { source, catalog, changed } = sourceFor(withCatalog(), before);
    await source.refresh();
    catalog.set(after);
    await source.refresh();
    expect(changed().slice(1)).toEqual([change]);
  });

  it('reports nothing when a re-read finds the same clusters', async () => {
    const { source, changed } = sourceFor(withCatalog(), [clusterEntity('a')]);
    await source.refresh();
    await source.refresh();
    expect(changed()).toHaveLength(1);
  });

  it.each([
    [
      'a missing annotation',
      clusterEntity('b', { [A.certificateAuthority]: undefined }),
      `missing annotation ${A.certificateAuthority}`,
      ['a'],
    ],
    [
      'an unknown authProvider',
      clusterEntity('b', { [A.authProvider]: 'kerberos' }),
      "unknown authProvider 'kerberos'",
      ['a', 'b'],
    ],
    [
      'serviceAccount auth from the catalog',
      clusterEntity('b', { [A.authProvider]: 'serviceAccount' }),
      "authProvider 'serviceAccount' is not accepted from the catalog",
      ['a'],
    ],
    [
      'a refused URL',
      clusterEntity('b', { [A.apiServer]: 'http://b.example.com' }),
      'is not https',
      ['a', 'b'],
    ],
    [
      'a name another entity already has',
      clusterEntity('a', {}, 'other'),
      'catalog entity resource:default/a already names a cluster',
      ['a'],
    ],
  ])(
    'warns once about an entity with %s and changes nothing else (tokens for %j)',
    async (_name, bad, reason, tokens) => {
      const { source, logger, names } = sourceFor(withCatalog(tokens), [
        clusterEntity('a'),
        bad,
      ]);
      await source.refresh();
      await source.refresh();
      expect(names()).toEqual(['a']);
      expect(logger.warn).toHaveBeenCalledTimes(1);
      expect(logger.warn.mock.calls[0][0]).toContain(`'${bad.metadata.name}'`);
      expect(logger.warn.mock.calls[0][0]).toContain(reason);
    },
  );

  it('keeps the last good settings of a catalog cluster whose entity turns bad', async () => {
    const { source, catalog, names, changed } = sourceFor(withCatalog(), [
      clusterEntity('a'),
    ]);
    await source.refresh();
    catalog.set([
      clusterEntity('a', { [A.apiServer]: 'http://a.example.com' }),
    ]);
    await source.refresh();
    expect(names()).toEqual(['a']);
    expect(source.clusters()[0].kubeConfig.getCurrentCluster()?.server).toBe(
      'https://a.example.com:6443',
    );
    expect(changed()).toHaveLength(1);
  });

  it('keeps the current clusters when the catalog cannot be read', async () => {
    const { source, catalog, logger, names, changed } = sourceFor(
      withCatalog(),
      [clusterEntity('a')],
    );
    await source.refresh();
    catalog.fail(new Error('catalog unavailable'));
    await source.refresh();
    expect(names()).toEqual(['a']);
    expect(changed()).toHaveLength(1);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('catalog unavailable'),
    );
  });

  it('honours the skip-tls-verify annotation only when the locator allows it', async () => {
    const entity = clusterEntity('a', { [A.skipTlsVerify]: 'true' });
    const skip = async (extra: object) => {
      const { source } = sourceFor(withCatalog(['a'], extra), [entity]);
      await source.refresh();
      return source.clusters()[0].kubeConfig.getCurrentCluster()?.skipTLSVerify;
    };
    expect(await skip({})).toBe(false);
    expect(await skip({ dangerouslyAllowSkipTLSVerify: true })).toBe(true);
  });

  it('never puts a token in a warning', async () => {
    const { source, logger } = sourceFor(withCatalog(['b']), [
      clusterEntity('b', { [A.apiServer]: 'http://b.example.com' }),
    ]);
    await source.refresh();
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(logger.warn.mock.calls)).not.toContain('b-token');
  });
});
