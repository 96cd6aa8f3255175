import { Health } from '../schema';
import {
  applicationHealthReport,
  argoCdDestination,
  ArgoCdDestination,
  normalizeClusterServer,
} from './applicationResourceHealth';

/** An Application as Argo CD writes it: destination, and status.resources[] with per-resource health. */
function app(destination: Record<string, string>, resources: unknown[]) {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: 'shop', namespace: 'argocd' },
    spec: { destination },
    status: { resources },
  };
}

const rollout = {
  group: 'argoproj.io',
  version: 'v1alpha1',
  kind: 'Rollout',
  namespace: 'shop',
  name: 'web',
  status: 'Synced',
  health: { status: 'Degraded', message: 'RolloutAborted' },
};

describe('applicationHealthReport', () => {
  it.each<[string, Record<string, string>, boolean]>([
    [
      'the in-cluster server',
      { server: 'https://kubernetes.default.svc' },
      true,
    ],
    ['the in-cluster name', { name: 'in-cluster' }, true],
    ['another server', { server: 'https://prod.example:6443' }, false],
    ['another cluster name', { name: 'prod' }, false],
    ['no destination', {}, false],
  ])('%s → inCluster %s', (_name, destination, inCluster) => {
    expect(applicationHealthReport(app(destination, []), 'dev').inCluster).toBe(
      inCluster,
    );
  });

  it('names the Application by namespace and name', () => {
    expect(applicationHealthReport(app({}, []), 'dev').application).toBe(
      'argocd/shop',
    );
  });

  it.each<[string, unknown, [string, Health][]]>([
    [
      'a namespaced resource with health and message',
      rollout,
      [
        [
          'dev/argoproj.io/Rollout/shop/web',
          { status: 'Degraded', message: 'RolloutAborted' },
        ],
      ],
    ],
    [
      'a core, cluster-scoped resource',
      {
        version: 'v1',
        kind: 'Namespace',
        name: 'shop',
        status: 'Synced',
        health: { status: 'Healthy' },
      },
      [['dev//Namespace//shop', { status: 'Healthy' }]],
    ],
    [
      'a resource without health (Argo CD has no check for it)',
      {
        version: 'v1',
        kind: 'ConfigMap',
        namespace: 'shop',
        name: 'settings',
        status: 'Synced',
      },
      [],
    ],
    [
      'a health status that is not a health code',
      { ...rollout, health: { status: 'Fine' } },
      [],
    ],
    ['an entry without kind', { ...rollout, kind: undefined }, []],
    ['an entry that is not an object', 'Rollout/web', []],
  ])('%s', (_name, resource, expected) => {
    const report = applicationHealthReport(
      app({ server: 'https://kubernetes.default.svc' }, [resource]),
      'dev',
    );
    expect([...report.resources]).toEqual(expected);
  });

  it.each([undefined, null, 'x', { status: { resources: 'x' } }])(
    'reads nothing from %p',
    raw => {
      expect(applicationHealthReport(raw, 'dev').resources.size).toBe(0);
    },
  );
});

describe('argoCdDestination', () => {
  it.each<[string, Record<string, string>, ArgoCdDestination]>([
    [
      'the in-cluster server',
      { server: 'https://kubernetes.default.svc' },
      { inCluster: true },
    ],
    [
      'the in-cluster server with a trailing slash and the default port',
      { server: 'https://kubernetes.default.svc:443/' },
      { inCluster: true },
    ],
    ['the in-cluster name', { name: 'in-cluster' }, { inCluster: true }],
    [
      'another server, normalised',
      { server: 'https://Prod.Example:6443/' },
      { inCluster: false, server: 'https://prod.example:6443' },
    ],
    [
      'a server and a name: the server, as Argo CD reads it',
      { server: 'https://prod.example', name: 'in-cluster' },
      { inCluster: false, server: 'https://prod.example' },
    ],
    [
      'another cluster name',
      { name: 'prod' },
      { inCluster: false, name: 'prod' },
    ],
    ['no destination', {}, { inCluster: false }],
  ])('%s', (_name, destination, expected) => {
    expect(argoCdDestination(app(destination, []))).toEqual(expected);
  });
});

describe('normalizeClusterServer', () => {
  it.each([
    ['https://prod.example:443/', 'https://prod.example'],
    ['http://prod.example:80', 'http://prod.example'],
    ['HTTPS://PROD.example:6443//', 'https://prod.example:6443'],
    [
      'https://rancher.example/k8s/clusters/c-1/',
      'https://rancher.example/k8s/clusters/c-1',
    ],
    ['not a url//', 'not a url'],
  ])('%s → %s', (server, expected) => {
    expect(normalizeClusterServer(server)).toBe(expected);
  });
});
