import { k8s } from '../__fixtures__/objects';
import { fluxStatus } from './fluxStatus';

const KUSTOMIZE = 'kustomize.toolkit.fluxcd.io/v1';
const HELM = 'helm.toolkit.fluxcd.io/v2';

describe('fluxStatus: dependsOn', () => {
  it.each<[string, Record<string, unknown>, unknown]>([
    [
      'a Kustomization, in its own namespace when the entry names none',
      k8s(KUSTOMIZE, 'Kustomization', {
        spec: { dependsOn: [{ name: 'web-dev-migrations' }] },
      }),
      [
        {
          kind: 'Kustomization',
          name: 'web-dev-migrations',
          namespace: 'team-a',
        },
      ],
    ],
    [
      'a HelmRelease depending on one in another namespace',
      k8s(HELM, 'HelmRelease', {
        spec: { dependsOn: [{ name: 'cert-manager', namespace: 'infra' }] },
      }),
      [{ kind: 'HelmRelease', name: 'cert-manager', namespace: 'infra' }],
    ],
    [
      'entries without a name dropped',
      k8s(KUSTOMIZE, 'Kustomization', { spec: { dependsOn: [{}, 'x'] } }),
      undefined,
    ],
    [
      'a kind without dependsOn',
      k8s('source.toolkit.fluxcd.io/v1', 'GitRepository', {
        spec: { dependsOn: [{ name: 'other' }] },
      }),
      undefined,
    ],
  ])('%s', (_case, obj, dependsOn) => {
    expect(fluxStatus(obj).dependsOn).toEqual(dependsOn);
  });
});
