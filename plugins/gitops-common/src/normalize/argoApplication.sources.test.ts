import { k8s } from '../__fixtures__/objects';
import { objectStatusSchema } from '../schema';
import { argoApplicationStatus } from './argoApplication';
import { normalizeObject } from './normalizeObject';

const CHART_SOURCE = {
  repoURL: 'https://charts.example.org',
  chart: 'web',
  targetRevision: '1.2.3',
  helm: { valueFiles: ['$values/apps/shop/values-prod.yaml'] },
};
const VALUES_SOURCE = {
  repoURL: 'https://github.com/acme/config.git',
  targetRevision: 'main',
  ref: 'values',
};
const CONFIG_SHA = '9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c';

/** The remote Helm chart with its values from the config repo, as a platform team writes it. */
const chartWithValues = (status: unknown) =>
  k8s('argoproj.io/v1alpha1', 'Application', {
    spec: { sources: [CHART_SOURCE, VALUES_SOURCE] },
    status,
  });

describe('argoApplicationStatus of a multi-source Application', () => {
  it.each<[string, unknown, unknown]>([
    [
      'every source with the revision of the same index',
      { sync: { status: 'Synced', revisions: ['1.2.3', CONFIG_SHA] } },
      [
        {
          repoURL: 'https://charts.example.org',
          chart: 'web',
          targetRevision: '1.2.3',
          valueFiles: ['$values/apps/shop/values-prod.yaml'],
          revision: '1.2.3',
        },
        {
          repoURL: 'https://github.com/acme/config.git',
          targetRevision: 'main',
          ref: 'values',
          revision: CONFIG_SHA,
        },
      ],
    ],
    [
      'sources without revisions before the first sync',
      {},
      [
        {
          repoURL: 'https://charts.example.org',
          chart: 'web',
          targetRevision: '1.2.3',
          valueFiles: ['$values/apps/shop/values-prod.yaml'],
        },
        {
          repoURL: 'https://github.com/acme/config.git',
          targetRevision: 'main',
          ref: 'values',
        },
      ],
    ],
  ])('keeps %s', (_name, status, expected) => {
    expect(argoApplicationStatus(chartWithValues(status)).sources).toEqual(
      expected,
    );
  });

  it('keeps the first source and revision where single-source records have them', () => {
    const status = argoApplicationStatus(
      chartWithValues({ sync: { revisions: ['1.2.3', CONFIG_SHA] } }),
    );
    expect([status.source?.chart, status.revision]).toEqual(['web', '1.2.3']);
  });

  it('skips source entries that are not objects, keeping the others at their revisions', () => {
    const obj = k8s('argoproj.io/v1alpha1', 'Application', {
      spec: { sources: ['oops', VALUES_SOURCE] },
      status: { sync: { revisions: ['x', CONFIG_SHA] } },
    });
    expect(argoApplicationStatus(obj).sources).toEqual([
      expect.objectContaining({ ref: 'values', revision: CONFIG_SHA }),
    ]);
  });

  it('lists no sources for a single-source Application', () => {
    const obj = k8s('argoproj.io/v1alpha1', 'Application', {
      spec: { source: VALUES_SOURCE },
      status: { sync: { revision: CONFIG_SHA } },
    });
    expect(argoApplicationStatus(obj).sources).toBeUndefined();
  });

  // Where the files a change edits are (issue 15): the values files of a source, as Argo CD names them.
  it.each<[string, unknown, string[] | undefined]>([
    [
      'relative values files',
      { valueFiles: ['values.yaml', 'values-prod.yaml'] },
      ['values.yaml', 'values-prod.yaml'],
    ],
    [
      'values files from a ref source',
      { valueFiles: ['$values/shop/prod.yaml'] },
      ['$values/shop/prod.yaml'],
    ],
    ['no values files', { releaseName: 'shop' }, undefined],
    [
      'entries that are not text (skipped)',
      { valueFiles: [7, '', 'values.yaml'] },
      ['values.yaml'],
    ],
    [
      'a valueFiles that is not a list',
      { valueFiles: 'values.yaml' },
      undefined,
    ],
    [
      'more values files than a record keeps (the first 20)',
      { valueFiles: Array.from({ length: 25 }, (_, i) => `v${i}.yaml`) },
      Array.from({ length: 20 }, (_, i) => `v${i}.yaml`),
    ],
  ])('keeps the helm values files of a source: %s', (_name, helm, expected) => {
    const obj = k8s('argoproj.io/v1alpha1', 'Application', {
      spec: {
        source: {
          repoURL: 'https://github.com/acme/config.git',
          path: 'apps/shop',
          helm,
        },
      },
    });
    expect(argoApplicationStatus(obj).source?.valueFiles).toEqual(expected);
  });

  it('gives a record the status schema accepts', () => {
    const record = normalizeObject(
      chartWithValues({ sync: { revisions: ['1.2.3', CONFIG_SHA] } }),
      { cluster: 'prod', now: new Date('2025-03-01T10:00:00Z') },
    );
    expect(objectStatusSchema.safeParse(record).success).toBe(true);
  });
});
