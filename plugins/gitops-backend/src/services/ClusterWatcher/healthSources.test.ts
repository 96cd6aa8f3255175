import { mockServices } from '@backstage/backend-test-utils';
import {
  Health,
  normalizeObject,
  ObjectStatus,
} from '@gitops-portal/plugin-gitops-common';
import { createObjectCache, ObjectCache } from '../ObjectCache';
import { HealthSources } from './healthSources';

const KEY = 'dev/cert-manager.io/Certificate/shop/web';

/** A cert-manager Certificate whose own rule says Healthy (Ready=True). */
const certificate = {
  apiVersion: 'cert-manager.io/v1',
  kind: 'Certificate',
  metadata: { name: 'web', namespace: 'shop', generation: 1 },
  status: {
    conditions: [
      { type: 'Ready', status: 'True', reason: 'Ready', observedGeneration: 1 },
    ],
  },
};

/** An in-cluster Application reporting one health for the Certificate. */
function reporting(name: string, health?: Health) {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name, namespace: 'argocd' },
    spec: { destination: { server: 'https://kubernetes.default.svc' } },
    status: {
      resources: health
        ? [
            {
              group: 'cert-manager.io',
              version: 'v1',
              kind: 'Certificate',
              namespace: 'shop',
              name: 'web',
              status: 'Synced',
              health,
            },
          ]
        : [],
    },
  };
}

function healthSources(cache: ObjectCache) {
  return new HealthSources({
    cluster: 'dev',
    cache,
    logger: mockServices.logger.mock(),
    runtime: () => Promise.reject(new Error('no scripts in these tests')),
    onScriptsChanged: () => {},
  });
}

function setup() {
  const cache = createObjectCache();
  const sources = healthSources(cache);
  const read = () => {
    const record: ObjectStatus = sources.decorate(
      normalizeObject(certificate, { cluster: 'dev' }),
      certificate,
    );
    cache.upsert('dev|cert-manager.io|Certificate', {
      record,
      match: { labels: {}, namespace: 'shop' },
    });
  };
  const shown = () => {
    const record = cache.get(KEY);
    return [record?.health.status, record?.healthSource];
  };
  return { sources, read, shown };
}

describe('HealthSources', () => {
  it('shows the own rule when no Application reports the object', () => {
    const { read, shown } = setup();
    read();
    expect(shown()).toEqual(['Healthy', 'builtin']);
  });

  it.each<[string, [string, Health][], string]>([
    ['one Application', [['shop', { status: 'Degraded' }]], 'Degraded'],
    [
      'two Applications: the first by namespace/name wins',
      [
        ['zeta', { status: 'Progressing' }],
        ['alpha', { status: 'Missing' }],
      ],
      'Missing',
    ],
  ])('shows the reported health of %s', (_name, apps, status) => {
    const { sources, read, shown } = setup();
    read();
    for (const [name, health] of apps) {
      sources.applications.upserted(reporting(name, health));
    }
    expect(shown()).toEqual([status, 'argocd-application']);
  });

  it('follows a change of the reported health', () => {
    const { sources, read, shown } = setup();
    sources.applications.upserted(reporting('shop', { status: 'Progressing' }));
    read();
    expect(shown()).toEqual(['Progressing', 'argocd-application']);
    sources.applications.upserted(reporting('shop', { status: 'Healthy' }));
    expect(shown()).toEqual(['Healthy', 'argocd-application']);
  });

  it.each<[string, (sources: HealthSources) => void]>([
    ['deleted', s => s.applications.deleted(reporting('shop'))],
    ['gone from a relist', s => s.applications.replaced([])],
    ['no longer listing it', s => s.applications.upserted(reporting('shop'))],
  ])('gives the own rule back when the Application is %s', (_name, change) => {
    const { sources, read, shown } = setup();
    read();
    sources.applications.upserted(reporting('shop', { status: 'Degraded' }));
    change(sources);
    expect(shown()).toEqual(['Healthy', 'builtin']);
  });

  it('falls back to the next Application when the winning one goes', () => {
    const { sources, read, shown } = setup();
    read();
    sources.applications.upserted(reporting('alpha', { status: 'Missing' }));
    sources.applications.upserted(reporting('zeta', { status: 'Progressing' }));
    sources.applications.deleted(reporting('alpha'));
    expect(shown()).toEqual(['Progressing', 'argocd-application']);
  });

  it.each<[string, Record<string, string> | undefined, string]>([
    [
      'the one its instance label names (application.instanceLabelKey of argocd-cm)',
      { 'application.instanceLabelKey': 'team.example/app' },
      'Progressing',
    ],
    [
      'the first by namespace/name when the label is not a tracking one',
      undefined,
      'Missing',
    ],
  ])(
    'of two Applications reporting an object, shows %s',
    (_name, data, status) => {
      const sources = healthSources(createObjectCache());
      sources.setArgoCdConfigMap(data && { data });
      sources.applications.upserted(
        reporting('zeta', { status: 'Progressing' }),
      );
      sources.applications.upserted(reporting('alpha', { status: 'Missing' }));
      const labelled = {
        ...certificate,
        metadata: {
          ...certificate.metadata,
          labels: { 'team.example/app': 'zeta' },
        },
      };
      const record = sources.decorate(
        normalizeObject(labelled, { cluster: 'dev' }),
        labelled,
      );
      expect(record.health.status).toBe(status);
    },
  );
});
