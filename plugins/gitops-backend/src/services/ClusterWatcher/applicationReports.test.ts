import { createObjectCache } from '../ObjectCache';
import { ApplicationReports, ReportChange } from './applicationReports';

const WEB = 'dev/apps/Deployment/shop/web';

/** An Application as Argo CD writes it, reporting one health for the Deployment shop/web. */
function app(
  name: string,
  status?: string,
  destination: Record<string, string> = {
    server: 'https://kubernetes.default.svc',
  },
  namespace = 'argocd',
) {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name, namespace },
    spec: { destination },
    status: {
      resources: status
        ? [
            {
              group: 'apps',
              version: 'v1',
              kind: 'Deployment',
              namespace: 'shop',
              name: 'web',
              status: 'Synced',
              health: { status },
            },
          ]
        : [],
    },
  };
}

function setup() {
  const changes: ReportChange[][] = [];
  const reports = new ApplicationReports({
    cluster: 'dev',
    cache: createObjectCache(),
    argoCdNamespace: 'argocd',
    onChange: batch => changes.push(batch),
  });
  return { reports, changes };
}

const healths = (change: ReportChange) => ({
  before: Object.fromEntries(change.healthsBefore),
  after: Object.fromEntries(change.healthsAfter),
});

describe('ApplicationReports', () => {
  it('reports a change of status.resources with the healths before and after', () => {
    const { reports, changes } = setup();
    reports.observer.upserted(app('shop', 'Progressing'));
    reports.observer.upserted(app('shop', 'Healthy'));
    expect(healths(changes[1][0])).toEqual({
      before: { [WEB]: { status: 'Progressing' } },
      after: { [WEB]: { status: 'Healthy' } },
    });
  });

  it('reports nothing when status.resources did not change', () => {
    const { reports, changes } = setup();
    reports.observer.upserted(app('shop', 'Healthy'));
    reports.observer.upserted(app('shop', 'Healthy'));
    expect(changes).toHaveLength(1);
  });

  it.each<[string, (reports: ApplicationReports) => void]>([
    ['deleted', r => r.observer.deleted(app('shop'))],
    ['gone from a relist', r => r.observer.replaced([])],
    [
      'deploying to another cluster',
      r => r.observer.upserted(app('shop', 'Healthy', { name: 'prod' })),
    ],
  ])('an Application %s reports nothing any more', (_name, change) => {
    const { reports, changes } = setup();
    reports.observer.upserted(app('shop', 'Healthy'));
    change(reports);
    expect([
      reports.reportedHealth(WEB, 'apps', 'Deployment'),
      healths(changes[1][0]),
    ]).toEqual([
      undefined,
      { before: { [WEB]: { status: 'Healthy' } }, after: {} },
    ]);
  });

  it.each<[string, string | undefined, string]>([
    [
      'no tracking: the first Application by namespace/name',
      undefined,
      'Missing',
    ],
    ['tracking naming one that reports it: that one', 'zeta', 'Progressing'],
    [
      'tracking naming one that does not report it: the first by namespace/name',
      'other',
      'Missing',
    ],
  ])('with %s', (_name, tracked, status) => {
    const { reports } = setup();
    reports.observer.upserted(app('zeta', 'Progressing'));
    reports.observer.upserted(app('alpha', 'Missing'));
    expect(
      reports.reportedHealth(WEB, 'apps', 'Deployment', tracked)?.status,
    ).toBe(status);
  });

  it('finds an Application outside Argo CD’s namespace by a `<namespace>_<name>` tracking id', () => {
    const { reports } = setup();
    reports.observer.upserted(app('alpha', 'Missing'));
    reports.observer.upserted(app('shop', 'Degraded', undefined, 'team-shop'));
    expect(
      reports.reportedHealth(WEB, 'apps', 'Deployment', 'team-shop_shop')
        ?.status,
    ).toBe('Degraded');
  });

  it('reports no health for an object no Application names', () => {
    const { reports } = setup();
    reports.observer.upserted(app('shop', 'Healthy'));
    expect(
      reports.reportedHealth(
        'dev/apps/Deployment/shop/api',
        'apps',
        'Deployment',
        'shop',
      ),
    ).toBeUndefined();
  });
});
