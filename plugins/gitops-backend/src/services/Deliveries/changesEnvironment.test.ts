import { changesEnvironment } from './changesEnvironment';

describe('changesEnvironment', () => {
  it.each<[string, string, boolean]>([
    [
      'a Kustomize overlay of the environment',
      'apps/shop/overlays/staging/kustomization.yaml',
      true,
    ],
    [
      'a Helm values file of the environment',
      'apps/shop/envs/staging/values.yaml',
      true,
    ],
    [
      'a per-environment folder of the service',
      'apps/shop/staging/values.yaml',
      true,
    ],
    ['an environment-first folder', 'staging/shop/deployment.yaml', true],
    [
      "the environment's cluster folder",
      'clusters/staging/argocd/shop.yaml',
      true,
    ],
    ['another environment', 'apps/shop/envs/prod/values.yaml', false],
    [
      'another service of the environment',
      'apps/shop-api/envs/staging/values.yaml',
      false,
    ],
    [
      'the base every environment shares',
      'apps/shop/base/deployment.yaml',
      false,
    ],
  ])('%s: %s -> %s', (_what, file, expected) => {
    expect(changesEnvironment([file], 'shop', 'staging')).toBe(expected);
  });
});
