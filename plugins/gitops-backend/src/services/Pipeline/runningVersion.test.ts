import { applicationStatus } from '../../__testUtils__/objectStatus';
import {
  applyKustomizeImages,
  chartsFromObject,
  parseImageReference,
  versionFromManifests,
} from './runningVersion';

const workload = (kind: string, ...images: string[]) => ({
  apiVersion: kind === 'Rollout' ? 'argoproj.io/v1alpha1' : 'apps/v1',
  kind,
  metadata: { name: 'shop' },
  spec: {
    template: {
      spec: {
        containers: images.map((image, i) => ({ name: `c${i}`, image })),
      },
    },
  },
});

describe('parseImageReference', () => {
  it.each([
    ['ghcr.io/acme/shop:1.2.3', { name: 'ghcr.io/acme/shop', tag: '1.2.3' }],
    ['ghcr.io/acme/shop', { name: 'ghcr.io/acme/shop' }],
    [
      'ghcr.io/acme/shop@sha256:abc',
      { name: 'ghcr.io/acme/shop', digest: 'sha256:abc' },
    ],
    [
      'ghcr.io/acme/shop:1.2.3@sha256:abc',
      { name: 'ghcr.io/acme/shop', tag: '1.2.3', digest: 'sha256:abc' },
    ],
    ['registry:5000/shop', { name: 'registry:5000/shop' }],
    ['registry:5000/shop:2', { name: 'registry:5000/shop', tag: '2' }],
  ])('%s', (reference, expected) => {
    expect(parseImageReference(reference)).toEqual(expected);
  });
});

describe('applyKustomizeImages (kustomize images transformer)', () => {
  const base = [{ name: 'nginx', tag: '1.7.9' }];
  it.each([
    [
      'a new tag',
      { name: 'nginx', newTag: '1.8.0' },
      [{ name: 'nginx', tag: '1.8.0' }],
    ],
    [
      'a numeric tag',
      { name: 'nginx', newTag: 2 },
      [{ name: 'nginx', tag: '2' }],
    ],
    [
      'a digest, which replaces the tag',
      { name: 'nginx', digest: 'sha256:24a0' },
      [{ name: 'nginx', digest: 'sha256:24a0' }],
    ],
    [
      'a tag and a digest',
      { name: 'nginx', newTag: '1.8.0', digest: 'sha256:24a0' },
      [{ name: 'nginx', tag: '1.8.0', digest: 'sha256:24a0' }],
    ],
    [
      'a new name keeping the tag',
      { name: 'nginx', newName: 'my-registry/nginx' },
      [{ name: 'my-registry/nginx', tag: '1.7.9' }],
    ],
    ['an entry for another image', { name: 'redis', newTag: '7' }, base],
  ])('applies %s', (_, entry, expected) => {
    expect(applyKustomizeImages(base, { images: [entry] })).toEqual(expected);
  });
});

describe('versionFromManifests', () => {
  it.each([
    [
      'a Deployment',
      [workload('Deployment', 'ghcr.io/acme/shop:1.0.0')],
      [],
      [{ name: 'ghcr.io/acme/shop', tag: '1.0.0' }],
    ],
    [
      'an Argo Rollout',
      [workload('Rollout', 'ghcr.io/acme/shop@sha256:ff')],
      [],
      [{ name: 'ghcr.io/acme/shop', digest: 'sha256:ff' }],
    ],
    [
      'a Deployment with a sidecar',
      [workload('Deployment', 'ghcr.io/acme/shop:1', 'envoy:1.30')],
      [],
      [
        { name: 'ghcr.io/acme/shop', tag: '1' },
        { name: 'envoy', tag: '1.30' },
      ],
    ],
    [
      'a base Deployment retagged by the overlay',
      [workload('Deployment', 'ghcr.io/acme/shop:0.0.0')],
      [{ images: [{ name: 'ghcr.io/acme/shop', newTag: '2.0.0' }] }],
      [{ name: 'ghcr.io/acme/shop', tag: '2.0.0' }],
    ],
    [
      'overlays applied innermost first',
      [workload('Deployment', 'shop:0')],
      [
        { images: [{ name: 'shop', newTag: '1' }] },
        { images: [{ name: 'shop', newTag: '2' }] },
      ],
      [{ name: 'shop', tag: '2' }],
    ],
    [
      'an overlay pin with no manifest naming the image',
      [],
      [{ images: [{ name: 'shop', newTag: '3' }] }],
      [{ name: 'shop', tag: '3' }],
    ],
    ['a Service (no images)', [{ kind: 'Service', spec: {} }], [], []],
  ])('reads the images of %s', (_, manifests, kustomizations, images) => {
    expect(versionFromManifests(manifests, kustomizations)).toEqual({
      images,
      charts: [],
    });
  });

  it('reads a HelmRelease chart version and its image values', () => {
    const release = {
      kind: 'HelmRelease',
      spec: {
        chart: { spec: { chart: 'shop', version: '1.4.0' } },
        values: { image: { repository: 'ghcr.io/acme/shop', tag: '1.4.0' } },
      },
    };
    expect(versionFromManifests([release])).toEqual({
      images: [{ name: 'ghcr.io/acme/shop', tag: '1.4.0' }],
      charts: [{ name: 'shop', version: '1.4.0' }],
    });
  });
});

describe('chartsFromObject', () => {
  it.each([
    [
      'an Argo CD Helm source at its synced revision',
      applicationStatus({
        source: {
          repoURL: 'https://charts.example.com',
          chart: 'shop',
          targetRevision: '1.*',
        },
        revision: '1.2.0',
      }),
      [{ name: 'shop', version: '1.2.0' }],
    ],
    [
      'an Argo CD Helm source not yet synced (its target revision)',
      applicationStatus({ source: { chart: 'shop', targetRevision: '1.2.0' } }),
      [{ name: 'shop', version: '1.2.0' }],
    ],
    [
      'a multi-source Application (Helm sources only)',
      applicationStatus({
        sources: [
          { chart: 'shop', targetRevision: '1.*', revision: '1.3.0' },
          {
            repoURL: 'https://github.com/acme/values',
            ref: 'values',
            revision: 'a'.repeat(40),
          },
        ],
      }),
      [{ name: 'shop', version: '1.3.0' }],
    ],
    [
      'a Git source (no chart)',
      applicationStatus({
        source: {
          repoURL: 'https://github.com/acme/config',
          path: 'apps/shop',
        },
        revision: 'b'.repeat(40),
      }),
      [],
    ],
  ])('reads %s', (_, status, charts) => {
    expect(chartsFromObject(status)).toEqual(charts);
  });
});
