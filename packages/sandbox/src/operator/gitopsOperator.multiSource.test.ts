import { normalizeObject } from '@gitops-portal/plugin-gitops-common';
import { OperatorHarness } from '../__testUtils__/operatorHarness';
import {
  CHART_SERVICE,
  chartServiceFiles,
  chartValuesPath,
} from '../demo/chartService';

let h: OperatorHarness;

beforeAll(async () => {
  h = await OperatorHarness.start();
});

afterAll(() => h?.close());

const NAME = `${CHART_SERVICE.name}-staging`;
const CHART_VERSION = CHART_SERVICE.chart.targetRevision;

/**
 * A multi-source Application (remote Helm chart + `ref: values` on the config repo): Argo CD writes one revision
 * per source, in spec order (the chart's version, the config repo's commit), wherever it writes a revision.
 */
describe('the simulated operator syncing a multi-source Application', () => {
  let app: Record<string, any>;
  let sha: string;

  beforeAll(async () => {
    const values = chartValuesPath('staging');
    const seeded = chartServiceFiles(h.gitUrl)[values];
    sha = await h.merge(
      { [values]: seeded.replace('tag: 1.3.2', 'tag: 1.4.0') },
      'Promote payments-webhooks to staging',
    );
    app = h
      .cluster('staging')
      .get('argoproj.io/v1alpha1', 'Application', NAME, 'argocd')!;
  });

  it.each<[string, (status: Record<string, any>) => unknown]>([
    ['status.sync.revisions', s => s.sync.revisions],
    [
      'operationState.syncResult.revisions',
      s => s.operationState.syncResult.revisions,
    ],
    [
      'operationState.operation.sync.revisions',
      s => s.operationState.operation.sync.revisions,
    ],
    ['the last history entry', s => s.history[s.history.length - 1].revisions],
  ])('writes [chart version, merge commit] in %s', (_where, read) => {
    expect(read(app.status)).toEqual([CHART_VERSION, sha]);
  });

  it('writes no single revision for a multi-source Application', () => {
    expect(app.status.sync.revision).toBeUndefined();
  });

  it('ends Synced and Healthy', () => {
    expect([app.status.sync.status, app.status.health.status]).toEqual([
      'Synced',
      'Healthy',
    ]);
  });

  it("reads, with the portal's normalizer, as every source at its revision", () => {
    const status = normalizeObject(app, {
      cluster: 'staging',
      now: new Date(),
    });
    expect(status.sources?.map(s => [s.chart ?? s.ref, s.revision])).toEqual([
      ['webhook-relay', CHART_VERSION],
      ['values', sha],
    ]);
  });

  it('leaves the other environments where they were', () => {
    const dev: Record<string, any> = h
      .cluster('dev')
      .get(
        'argoproj.io/v1alpha1',
        'Application',
        `${CHART_SERVICE.name}-dev`,
        'argocd',
      )!;
    expect(dev.status.sync.revisions).toEqual([CHART_VERSION, h.seedRevision]);
  });
});
