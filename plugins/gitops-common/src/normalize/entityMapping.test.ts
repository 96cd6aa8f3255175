import { Entity } from '@backstage/catalog-model';
import { k8s } from '../__fixtures__/objects';
import {
  ARGOCD_APP_NAME_ANNOTATION,
  ARGOCD_APP_SELECTOR_ANNOTATION,
  ENVIRONMENT_LABEL,
  entityKubernetesMatchers,
  KUBERNETES_ID_LABEL,
  KUBERNETES_LABEL_SELECTOR_ANNOTATION,
  KUBERNETES_NAMESPACE_ANNOTATION,
  matchableObject,
  objectEnvironment,
  objectMatchesEntity,
} from './entityMapping';

function entity(annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name: 'shop', annotations },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
}

describe('constants', () => {
  it('use the names Backstage and the portal agree on', () => {
    expect([
      KUBERNETES_ID_LABEL,
      KUBERNETES_LABEL_SELECTOR_ANNOTATION,
      ENVIRONMENT_LABEL,
    ]).toEqual([
      'backstage.io/kubernetes-id',
      'backstage.io/kubernetes-label-selector',
      'gitops-portal.io/environment',
    ]);
  });
});

describe('entityKubernetesMatchers', () => {
  it('turns the kubernetes-id annotation into a label match', () => {
    expect(
      entityKubernetesMatchers(entity({ [KUBERNETES_ID_LABEL]: 'shop' })),
    ).toEqual({
      matchers: [
        {
          annotation: KUBERNETES_ID_LABEL,
          selector: {
            requirements: [
              {
                key: KUBERNETES_ID_LABEL,
                operator: 'Equals',
                values: ['shop'],
              },
            ],
          },
          namespace: undefined,
        },
      ],
      errors: [],
    });
  });

  it('parses the label-selector annotation', () => {
    const { matchers } = entityKubernetesMatchers(
      entity({
        [KUBERNETES_LABEL_SELECTOR_ANNOTATION]: 'app in (shop,shop-api)',
      }),
    );
    expect(matchers.map(m => m.selector)).toEqual([
      {
        requirements: [
          { key: 'app', operator: 'In', values: ['shop', 'shop-api'] },
        ],
      },
    ]);
  });

  it('keeps both annotations as alternatives', () => {
    const { matchers } = entityKubernetesMatchers(
      entity({
        [KUBERNETES_ID_LABEL]: 'shop',
        [KUBERNETES_LABEL_SELECTOR_ANNOTATION]: 'app=shop',
      }),
    );
    expect(matchers.map(m => m.annotation)).toEqual([
      KUBERNETES_ID_LABEL,
      KUBERNETES_LABEL_SELECTOR_ANNOTATION,
    ]);
  });

  it('applies the namespace annotation to every matcher', () => {
    const { matchers } = entityKubernetesMatchers(
      entity({
        [KUBERNETES_ID_LABEL]: 'shop',
        [KUBERNETES_LABEL_SELECTOR_ANNOTATION]: 'app=shop',
        [KUBERNETES_NAMESPACE_ANNOTATION]: 'shop-prod',
      }),
    );
    expect(matchers.map(m => m.namespace)).toEqual(['shop-prod', 'shop-prod']);
  });

  it.each([
    [
      'an empty selector (it would claim everything)',
      { [KUBERNETES_LABEL_SELECTOR_ANNOTATION]: '  ' },
      'backstage.io/kubernetes-label-selector is empty',
    ],
    [
      'an invalid selector',
      { [KUBERNETES_LABEL_SELECTOR_ANNOTATION]: 'app in (' },
      'backstage.io/kubernetes-label-selector: unbalanced parentheses in "app in ("',
    ],
    [
      'an id that is no label value',
      { [KUBERNETES_ID_LABEL]: 'shop service' },
      'backstage.io/kubernetes-id "shop service" is not a valid label value',
    ],
    [
      'an Application name that is no resource name',
      { [ARGOCD_APP_NAME_ANNOTATION]: 'shop,Shop_API' },
      'argocd/app-name "Shop_API" is not a valid Application name',
    ],
    [
      'an empty name in an Application list',
      { [ARGOCD_APP_NAME_ANNOTATION]: 'shop,,cart' },
      'argocd/app-name "shop,,cart" has an empty name',
    ],
    [
      'an empty Application annotation',
      { [ARGOCD_APP_NAME_ANNOTATION]: '' },
      'argocd/app-name "" has an empty name',
    ],
    [
      'an Application selector that does not parse',
      { [ARGOCD_APP_SELECTOR_ANNOTATION]: 'team in (a' },
      'argocd/app-selector: unbalanced parentheses in "team in (a"',
    ],
    [
      'an empty Application selector (it would claim every Application)',
      { [ARGOCD_APP_SELECTOR_ANNOTATION]: '' },
      'argocd/app-selector is empty',
    ],
  ])('refuses %s', (_name, annotations, error) => {
    expect(entityKubernetesMatchers(entity(annotations))).toEqual({
      matchers: [],
      errors: [error],
    });
  });

  it('keeps the valid annotations of an entity with a bad one', () => {
    const { matchers, errors } = entityKubernetesMatchers(
      entity({
        [KUBERNETES_ID_LABEL]: 'shop',
        [ARGOCD_APP_SELECTOR_ANNOTATION]: 'app in (',
      }),
    );
    expect(matchers.map(m => m.annotation)).toEqual([KUBERNETES_ID_LABEL]);
    expect(errors).toHaveLength(1);
  });

  it.each([
    ['one name', 'shop-prod', ['shop-prod']],
    ['comma-separated names', 'shop-dev, shop-prod', ['shop-dev', 'shop-prod']],
    ['a name twice', 'shop-dev,shop-dev', ['shop-dev']],
  ])('reads argocd/app-name with %s', (_name, value, names) => {
    expect(
      entityKubernetesMatchers(entity({ [ARGOCD_APP_NAME_ANNOTATION]: value }))
        .matchers,
    ).toEqual([
      {
        annotation: ARGOCD_APP_NAME_ANNOTATION,
        selector: { requirements: [] },
        kind: 'argoproj.io/Application',
        names,
      },
    ]);
  });

  it('reads argocd/app-selector as a selector of Applications only', () => {
    expect(
      entityKubernetesMatchers(
        entity({ [ARGOCD_APP_SELECTOR_ANNOTATION]: 'team=shop' }),
      ).matchers,
    ).toEqual([
      {
        annotation: ARGOCD_APP_SELECTOR_ANNOTATION,
        selector: {
          requirements: [{ key: 'team', operator: 'Equals', values: ['shop'] }],
        },
        kind: 'argoproj.io/Application',
      },
    ]);
  });

  it('has no matchers for an entity without annotations', () => {
    const bare: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'x' },
    };
    expect(entityKubernetesMatchers(bare)).toEqual({
      matchers: [],
      errors: [],
    });
  });
});

describe('objectMatchesEntity', () => {
  const matchers = entityKubernetesMatchers(
    entity({
      [KUBERNETES_ID_LABEL]: 'shop',
      [KUBERNETES_LABEL_SELECTOR_ANNOTATION]: 'app=shop-legacy',
    }),
  ).matchers;
  const scoped = entityKubernetesMatchers(
    entity({
      [KUBERNETES_ID_LABEL]: 'shop',
      [KUBERNETES_NAMESPACE_ANNOTATION]: 'shop-prod',
    }),
  ).matchers;

  it.each([
    [
      'labelled with the id',
      { labels: { [KUBERNETES_ID_LABEL]: 'shop' }, namespace: 'argocd' },
      matchers,
      true,
    ],
    [
      'matched by the selector',
      { labels: { app: 'shop-legacy' } },
      matchers,
      true,
    ],
    [
      'another id',
      { labels: { [KUBERNETES_ID_LABEL]: 'billing' } },
      matchers,
      false,
    ],
    ['no labels', {}, matchers, false],
    [
      'in the entity namespace',
      { labels: { [KUBERNETES_ID_LABEL]: 'shop' }, namespace: 'shop-prod' },
      scoped,
      true,
    ],
    [
      'outside the entity namespace',
      { labels: { [KUBERNETES_ID_LABEL]: 'shop' }, namespace: 'shop-dev' },
      scoped,
      false,
    ],
    [
      'no matchers at all',
      { labels: { [KUBERNETES_ID_LABEL]: 'shop' } },
      [],
      false,
    ],
  ])('%s -> %s', (_name, object, list, expected) => {
    expect(objectMatchesEntity(object, list)).toBe(expected);
  });

  describe('Argo CD annotations', () => {
    const byName = entityKubernetesMatchers(
      entity({
        [ARGOCD_APP_NAME_ANNOTATION]: 'shop-dev,shop-prod',
        [KUBERNETES_NAMESPACE_ANNOTATION]: 'shop',
      }),
    ).matchers;
    const bySelector = entityKubernetesMatchers(
      entity({ [ARGOCD_APP_SELECTOR_ANNOTATION]: 'team=shop' }),
    ).matchers;
    const app = (name: string, labels: Record<string, string> = {}) => ({
      kind: 'argoproj.io/Application',
      name,
      namespace: 'argocd',
      labels,
    });

    it.each([
      ['an Application named in the list', app('shop-prod'), byName, true],
      ['an Application not in the list', app('cart-prod'), byName, false],
      [
        'another kind with a listed name',
        { ...app('shop-prod'), kind: 'argoproj.io/Rollout' },
        byName,
        false,
      ],
      [
        'an object of unknown kind',
        { name: 'shop-prod', labels: {} },
        byName,
        false,
      ],
      [
        'an Application the selector matches',
        app('x', { team: 'shop' }),
        bySelector,
        true,
      ],
      [
        'an Application the selector does not match',
        app('x', { team: 'cart' }),
        bySelector,
        false,
      ],
      [
        'another kind the selector matches',
        { ...app('x', { team: 'shop' }), kind: 'apps/Deployment' },
        bySelector,
        false,
      ],
    ])('%s -> %s', (_name, object, list, expected) => {
      expect(objectMatchesEntity(object, list)).toBe(expected);
    });
  });

  it('reads a raw object', () => {
    const raw = k8s('argoproj.io/v1alpha1', 'Application', {
      metadata: {
        namespace: 'argocd',
        labels: { [KUBERNETES_ID_LABEL]: 'shop', broken: 7 },
      },
    });
    expect(matchableObject(raw)).toEqual({
      labels: { [KUBERNETES_ID_LABEL]: 'shop' },
      namespace: 'argocd',
      kind: 'argoproj.io/Application',
      name: 'sample',
    });
    expect(objectMatchesEntity(matchableObject(raw), matchers)).toBe(true);
  });
});

describe('objectEnvironment', () => {
  const obj = (
    labels: Record<string, unknown>,
    annotations: Record<string, unknown>,
  ) =>
    k8s('argoproj.io/v1alpha1', 'Application', {
      metadata: { labels, annotations },
    });
  it.each([
    [
      'label first',
      obj({ [ENVIRONMENT_LABEL]: 'prod' }, { [ENVIRONMENT_LABEL]: 'staging' }),
      'dev',
      'prod',
    ],
    [
      'then the annotation',
      obj({}, { [ENVIRONMENT_LABEL]: 'staging' }),
      'dev',
      'staging',
    ],
    ['then the cluster environment', obj({}, {}), 'dev', 'dev'],
    [
      'blank values are ignored',
      obj({ [ENVIRONMENT_LABEL]: ' ' }, { [ENVIRONMENT_LABEL]: '' }),
      'dev',
      'dev',
    ],
    [
      'values of the wrong type are ignored',
      obj({ [ENVIRONMENT_LABEL]: 3 }, {}),
      'dev',
      'dev',
    ],
    ['none at all', obj({}, {}), undefined, undefined],
  ])('%s', (_name, o, fallback, expected) => {
    expect(objectEnvironment(o, fallback)).toBe(expected);
  });
});
