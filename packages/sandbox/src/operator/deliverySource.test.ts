import { deliverySource } from './deliverySource';

const application = (spec: object) => ({ kind: 'Application', spec });

describe('deliverySource', () => {
  it.each([
    [
      'an Argo CD Kustomize source',
      application({ source: { repoURL: 'r', path: 'apps/web/overlays/dev' } }),
      'argocd' as const,
      { kustomizePath: 'apps/web/overlays/dev' },
    ],
    [
      'a Flux Kustomization path with ./',
      { kind: 'Kustomization', spec: { path: './apps/web/overlays/dev/' } },
      'flux' as const,
      { kustomizePath: 'apps/web/overlays/dev' },
    ],
    [
      'an Argo CD Helm chart in the config repo with a values file beside the overlays',
      application({
        source: {
          path: 'apps/web/chart',
          helm: { valueFiles: ['../overlays/dev/values.yaml'] },
        },
      }),
      'argocd' as const,
      { helmInputs: ['apps/web/chart', 'apps/web/overlays/dev/values.yaml'] },
    ],
    [
      'an Argo CD chart from a chart repository with $values from the config repo',
      application({
        sources: [
          {
            repoURL: 'charts.example.com',
            chart: 'web',
            targetRevision: '1.2.3',
            helm: { valueFiles: ['$values/apps/web/overlays/dev/values.yaml'] },
          },
          { repoURL: 'r', ref: 'values' },
        ],
      }),
      'argocd' as const,
      { helmInputs: ['apps/web/overlays/dev/values.yaml'] },
    ],
    [
      'a Crossplane claim',
      { kind: 'PostgreSQLInstance', spec: {} },
      'claim' as const,
      {},
    ],
  ])('reads %s', (_what, object, type, expected) => {
    expect(deliverySource(object, type)).toEqual(expected);
  });
});
