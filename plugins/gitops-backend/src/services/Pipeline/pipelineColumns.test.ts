import type { ObjectStatus } from '@gitops-portal/plugin-gitops-common';
import { applicationStatus } from '../../__testUtils__/objectStatus';
import { pipelineColumns } from './pipelineColumns';

function object(
  name: string,
  fields: Partial<ObjectStatus> & { cluster: string },
): ObjectStatus {
  return applicationStatus({
    key: `${fields.cluster}/argoproj.io/Application/argocd/${name}`,
    namespace: 'argocd',
    name,
    entityRefs: ['component:default/shop'],
    ...fields,
  });
}

describe('pipelineColumns', () => {
  it('makes one column per environment in the given order, unknown ones after', () => {
    const columns = pipelineColumns(
      [
        object('shop-prod', { cluster: 'c3', environment: 'prod' }),
        object('shop-sandbox', { cluster: 'c4', environment: 'sandbox' }),
        object('shop-dev', { cluster: 'c1', environment: 'dev' }),
      ],
      ['dev', 'prod'],
    );
    expect(columns.map(c => c.environment)).toEqual(['dev', 'prod', 'sandbox']);
  });

  it('counts an object without environment under its cluster', () => {
    const columns = pipelineColumns([object('shop', { cluster: 'edge' })], []);
    expect(columns.map(c => c.environment)).toEqual(['edge']);
  });

  it('leaves out objects that deliver nothing (a Deployment, a Rollout)', () => {
    const deployment = object('shop', {
      cluster: 'c1',
      environment: 'dev',
      engine: 'kubernetes',
      kind: 'Deployment',
    });
    expect(pipelineColumns([deployment], ['dev'])).toEqual([]);
  });

  it("leaves out a preview environment's Application (one per pull request)", () => {
    const preview = object('shop-pr-7', {
      cluster: 'c1',
      environment: 'pr-7',
      preview: {
        pullRequestNumber: 7,
        pullRequestUrl: 'https://github.com/acme/shop/pull/7',
      },
    });
    expect(pipelineColumns([preview], ['dev'])).toEqual([]);
  });

  it.each([
    [
      'the worst health and sync of its targets',
      [
        object('a', { cluster: 'c1', environment: 'prod' }),
        object('b', {
          cluster: 'c2',
          environment: 'prod',
          sync: 'OutOfSync',
          health: { status: 'Degraded' },
        }),
      ],
      { sync: 'OutOfSync', health: 'Degraded' },
    ],
    [
      'the newest transition as when it changed',
      [
        object('a', {
          cluster: 'c1',
          environment: 'prod',
          lastTransitionTime: '2026-01-01T10:00:00Z',
        }),
        object('b', {
          cluster: 'c2',
          environment: 'prod',
          lastTransitionTime: '2026-01-02T10:00:00Z',
        }),
      ],
      { changedAt: '2026-01-02T10:00:00Z' },
    ],
    [
      'the first target’s revision',
      [
        object('a', { cluster: 'c1', environment: 'prod' }),
        object('b', {
          cluster: 'c2',
          environment: 'prod',
          revision: 'a'.repeat(40),
        }),
      ],
      { revision: 'a'.repeat(40) },
    ],
  ])('gives a column %s', (_, objects, expected) => {
    expect(pipelineColumns(objects, ['prod'])[0]).toMatchObject(expected);
  });
});

describe('pipelineColumns of a multi-source Application', () => {
  const CONFIG_REPO = 'https://github.com/acme/config.git';
  const SHA = 'b'.repeat(40);
  // a remote Helm chart first (its revision is the chart version), then the values from the config repo
  const chartWithValues = object('shop-prod', {
    cluster: 'c1',
    environment: 'prod',
    revision: '2.3.1',
    sources: [
      {
        repoURL: 'https://charts.example.org',
        chart: 'web',
        revision: '2.3.1',
      },
      { repoURL: CONFIG_REPO, ref: 'values', revision: SHA },
    ],
  });

  it.each<
    [string, (url: string, environment: string) => boolean, string | undefined]
  >([
    ["the config-repo source's revision", url => url === CONFIG_REPO, SHA],
    ['no revision when no source is the config repo', () => false, undefined],
    [
      "no revision when the repo is another environment's config repo",
      (url, environment) => url === CONFIG_REPO && environment === 'staging',
      undefined,
    ],
  ])('gives a column %s', (_, isConfigRepo, expected) => {
    expect(
      pipelineColumns([chartWithValues], ['prod'], isConfigRepo)[0].revision,
    ).toBe(expected);
  });
});
