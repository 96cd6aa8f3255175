import { k8s } from '../__fixtures__/objects';
import { matchableObject } from './entityMapping';
import {
  argoCdInstanceLabelKey,
  ARGOCD_DEFAULT_INSTANCE_LABEL,
  ARGOCD_TRACKING_ID_ANNOTATION,
  FLUX_HELM_NAME_LABEL,
  FLUX_HELM_NAMESPACE_LABEL,
  FLUX_KUSTOMIZE_NAME_LABEL,
  FLUX_KUSTOMIZE_NAMESPACE_LABEL,
  managerIdentityKeys,
  managerKeysOf,
} from './managerTracking';

const TRACKING = ARGOCD_TRACKING_ID_ANNOTATION;
const INSTANCE = ARGOCD_DEFAULT_INSTANCE_LABEL;

/** A Deployment `sample` in `team-a` (see k8s()) with these labels and annotations. */
const deployment = (
  labels: Record<string, string>,
  annotations: Record<string, string> = {},
) =>
  k8s('apps/v1', 'Deployment', {
    metadata: { labels, annotations },
  });

describe('managerKeysOf', () => {
  it.each([
    [
      'the instance label (label tracking)',
      deployment({ [INSTANCE]: 'shop' }),
      ['argocd:shop'],
    ],
    [
      'the tracking-id annotation (annotation tracking)',
      deployment({}, { [TRACKING]: 'shop:apps/Deployment:team-a/sample' }),
      ['argocd:shop'],
    ],
    [
      'both, the annotation winning (annotation+label: the label may be truncated)',
      deployment(
        { [INSTANCE]: 'shop-with-a-truncated' },
        { [TRACKING]: 'shop-with-a-long-name:apps/Deployment:team-a/sample' },
      ),
      ['argocd:shop-with-a-long-name'],
    ],
    [
      'an Application outside Argo CD’s namespace (apps in any namespace)',
      deployment(
        {},
        { [TRACKING]: 'team-a_shop:apps/Deployment:team-a/sample' },
      ),
      ['argocd:team-a_shop'],
    ],
    [
      'a core-group object',
      k8s('v1', 'ConfigMap', {
        metadata: {
          annotations: { [TRACKING]: 'shop:/ConfigMap:team-a/sample' },
        },
      }),
      ['argocd:shop'],
    ],
    [
      'a cluster-scoped object (the id carries the destination namespace)',
      k8s('rbac.authorization.k8s.io/v1', 'ClusterRole', {
        metadata: {
          namespace: undefined,
          annotations: {
            [TRACKING]:
              'shop:rbac.authorization.k8s.io/ClusterRole:shop/sample',
          },
        },
      }),
      ['argocd:shop'],
    ],
    [
      'a tracking id copied from another object (ignored, as Argo CD does)',
      deployment({}, { [TRACKING]: 'shop:apps/Deployment:team-a/other' }),
      [],
    ],
    [
      'a tracking id of another namespace (ignored)',
      deployment({}, { [TRACKING]: 'shop:apps/Deployment:team-b/sample' }),
      [],
    ],
    [
      'a malformed tracking id (ignored)',
      deployment({}, { [TRACKING]: 'shop' }),
      [],
    ],
    [
      'the Flux kustomize-controller labels',
      deployment({
        [FLUX_KUSTOMIZE_NAME_LABEL]: 'apps',
        [FLUX_KUSTOMIZE_NAMESPACE_LABEL]: 'flux-system',
      }),
      ['kustomize:flux-system/apps'],
    ],
    [
      'the Flux helm-controller labels',
      deployment({
        [FLUX_HELM_NAME_LABEL]: 'shop',
        [FLUX_HELM_NAMESPACE_LABEL]: 'shop',
      }),
      ['helm:shop/shop'],
    ],
    [
      'a Flux name label without its namespace label',
      deployment({ [FLUX_KUSTOMIZE_NAME_LABEL]: 'apps' }),
      [],
    ],
    ['no marks', deployment({ app: 'shop' }), []],
  ])('reads %s', (_name, raw, expected) => {
    expect(managerKeysOf(matchableObject(raw))).toEqual(expected);
  });

  it.each([
    ['the configured label', 'argocd.argoproj.io/instance', ['argocd:shop']],
    ['the default label', INSTANCE, ['argocd:shop-chart']],
  ])('reads %s only', (_name, labelKey, expected) => {
    const raw = deployment({
      'argocd.argoproj.io/instance': 'shop',
      [INSTANCE]: 'shop-chart',
    });
    expect(managerKeysOf(matchableObject(raw), labelKey)).toEqual(expected);
  });
});

describe('managerIdentityKeys', () => {
  it.each([
    [
      'an Application, by name and by namespace-qualified name',
      {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Application',
        namespace: 'argocd',
        name: 'shop',
      },
      ['argocd:shop', 'argocd:argocd_shop'],
    ],
    [
      'a Flux Kustomization',
      {
        apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
        kind: 'Kustomization',
        namespace: 'flux-system',
        name: 'apps',
      },
      ['kustomize:flux-system/apps'],
    ],
    [
      'a Flux HelmRelease',
      {
        apiVersion: 'helm.toolkit.fluxcd.io/v2',
        kind: 'HelmRelease',
        namespace: 'shop',
        name: 'shop',
      },
      ['helm:shop/shop'],
    ],
    [
      'a Rollout (no manager)',
      {
        apiVersion: 'argoproj.io/v1alpha1',
        kind: 'Rollout',
        namespace: 'shop',
        name: 'shop',
      },
      [],
    ],
  ])('names %s', (_name, object, expected) => {
    expect(managerIdentityKeys(object)).toEqual(expected);
  });
});

describe('argoCdInstanceLabelKey', () => {
  it.each([
    [
      'a set key',
      { 'application.instanceLabelKey': 'argocd.argoproj.io/instance' },
      'argocd.argoproj.io/instance',
    ],
    [
      'an empty key',
      { 'application.instanceLabelKey': '' },
      'app.kubernetes.io/instance',
    ],
    [
      'no key',
      { 'timeout.reconciliation': '180s' },
      'app.kubernetes.io/instance',
    ],
    ['no ConfigMap', undefined, 'app.kubernetes.io/instance'],
  ])('reads %s', (_, data, expected) => {
    expect(argoCdInstanceLabelKey(data)).toBe(expected);
  });
});
