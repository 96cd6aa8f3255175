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

describe('changesEnvironment with the places live objects deploy the environment from', () => {
  const places = [
    'teams/a/shop/overlays/staging/',
    'apps/staging/shop-values.yaml',
  ];

  it.each<[string, string, boolean]>([
    [
      'a file in a folder the environment deploys',
      'teams/a/shop/overlays/staging/kustomization.yaml',
      true,
    ],
    [
      'a values file the environment deploys',
      'apps/staging/shop-values.yaml',
      true,
    ],
    [
      'another file beside that values file',
      'apps/staging/cart-values.yaml',
      false,
    ],
    [
      "another environment's folder",
      'teams/a/shop/overlays/prod/kustomization.yaml',
      false,
    ],
  ])('%s: %s -> %s', (_what, file, expected) => {
    expect(changesEnvironment([file], 'shop', 'staging', places)).toBe(
      expected,
    );
  });
});
