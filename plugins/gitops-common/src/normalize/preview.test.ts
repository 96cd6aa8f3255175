import { normalizeObject } from './normalizeObject';
import { environmentObjects, previewOf } from './preview';

const application = (
  annotations: Record<string, string>,
  extra: Record<string, unknown> = {},
) => ({
  apiVersion: 'argoproj.io/v1alpha1',
  kind: 'Application',
  metadata: {
    name: 'web-pr-7',
    namespace: 'argocd',
    creationTimestamp: '2026-12-07T08:00:00Z',
    annotations,
  },
  spec: { destination: { namespace: 'web-pr-7' } },
  ...extra,
});

const PR = {
  'gitops-portal.io/preview-pr-number': '7',
  'gitops-portal.io/preview-pr-url': 'https://github.com/acme/web/pull/7',
};

describe('previewOf', () => {
  it.each([
    [
      'an Argo CD Application of the pull-request generator',
      application(PR),
      {
        pullRequestNumber: 7,
        pullRequestUrl: 'https://github.com/acme/web/pull/7',
        namespace: 'web-pr-7',
        createdAt: '2026-12-07T08:00:00.000Z',
      },
    ],
    [
      'a Flux Kustomization of a ResourceSet (its targetNamespace)',
      {
        apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
        kind: 'Kustomization',
        metadata: { name: 'web-pr-7', annotations: PR },
        spec: { targetNamespace: 'web-pr-7' },
      },
      {
        pullRequestNumber: 7,
        pullRequestUrl: 'https://github.com/acme/web/pull/7',
        namespace: 'web-pr-7',
      },
    ],
    ['an object without the annotations', application({}), undefined],
    [
      'a number that is not a PR number',
      application({
        ...PR,
        'gitops-portal.io/preview-pr-number': '{{.number}}',
      }),
      undefined,
    ],
    [
      'a number without a URL',
      application({ 'gitops-portal.io/preview-pr-number': '7' }),
      undefined,
    ],
  ])('reads %s', (_case, obj, preview) => {
    expect(previewOf(obj)).toEqual(preview);
  });
});

describe('normalizeObject', () => {
  it.each([
    ['a preview Application carries its PR', application(PR), 7],
    ['any other object carries none', application({}), undefined],
  ])('%s', (_case, obj, number) => {
    const record = normalizeObject(obj, { cluster: 'dev' });
    expect(record.preview?.pullRequestNumber).toBe(number);
  });
});

describe('environmentObjects', () => {
  const record = (obj: unknown) => normalizeObject(obj, { cluster: 'dev' });
  const live = record(application({}, { metadata: { name: 'web-dev' } }));
  const argoPreview = record(application(PR));
  const fluxPreview = record({
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: { name: 'web-pr-8', annotations: PR },
    spec: { targetNamespace: 'web-pr-8' },
  });
  const halfAnnotated = record(
    application(
      { 'gitops-portal.io/preview-pr-number': '9' },
      { metadata: { name: 'web-pr-9' } },
    ),
  );

  it.each([
    ['no preview: every object', [live], ['web-dev']],
    [
      'an Argo CD preview Application left out',
      [live, argoPreview],
      ['web-dev'],
    ],
    ['a Flux preview Kustomization left out', [fluxPreview, live], ['web-dev']],
    ['only previews: nothing', [argoPreview, fluxPreview], []],
    [
      'an object previewOf does not recognise (no PR link) kept',
      [halfAnnotated],
      ['web-pr-9'],
    ],
  ])('%s', (_case, objects, names) => {
    expect(environmentObjects(objects).map(o => o.name)).toEqual(names);
  });
});
