import { InputError } from '@backstage/errors';
import {
  helmApplication,
  kustomizeApplication,
  multiSourceApplication,
  parameterApplication,
  webDeployment,
} from './__testUtils__/promotionManifests';
import { planPromotion } from './planPromotion';
import { Files, promote, side } from './__testUtils__/promoteFiles';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const OLD_DIGEST = `sha256:${'b'.repeat(64)}`;

const kustomization = (
  images: string,
) => `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../../base
images:
${images}`;

describe('planPromotion', () => {
  // Each case: the two environments' files and what `to`'s files become.
  it.each<{ form: string; from: Files; to: Files; expected: Files }>([
    {
      form: 'a Kustomize images newTag',
      from: {
        'o/dev/kustomization.yaml': kustomization(
          '  - name: ghcr.io/acme/web\n    newTag: 1.4.0\n',
        ),
      },
      to: {
        'o/prod/kustomization.yaml': kustomization(
          '  - name: ghcr.io/acme/web\n    newTag: 1.3.0 # last release\n',
        ),
      },
      expected: {
        'o/prod/kustomization.yaml': kustomization(
          '  - name: ghcr.io/acme/web\n    newTag: 1.4.0 # last release\n',
        ),
      },
    },
    {
      form: 'a Kustomize images digest, as a digest (the tag dropped)',
      from: {
        'o/dev/kustomization.yaml': kustomization(
          `  - name: ghcr.io/acme/web\n    digest: ${DIGEST}\n`,
        ),
      },
      to: {
        'o/prod/kustomization.yaml': kustomization(
          '  - name: ghcr.io/acme/web\n    newTag: 1.3.0\n',
        ),
      },
      expected: {
        'o/prod/kustomization.yaml': kustomization(
          `  - name: ghcr.io/acme/web\n    digest: ${DIGEST}\n`,
        ),
      },
    },
    {
      form: 'a Kustomize image the target overlay does not pin yet (added)',
      from: {
        'o/dev/kustomization.yaml': kustomization(
          '  - name: ghcr.io/acme/web\n    newTag: 1.4.0\n',
        ),
      },
      to: {
        'o/prod/kustomization.yaml':
          'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../../base\n',
      },
      expected: {
        'o/prod/kustomization.yaml': kustomization(
          '  - name: ghcr.io/acme/web\n    newTag: 1.4.0\n',
        ),
      },
    },
    {
      form: 'a container image by digest in a manifest (other images untouched)',
      from: {
        'o/dev/deployment.yaml': webDeployment(`ghcr.io/acme/web@${DIGEST}`),
      },
      to: {
        'o/prod/deployment.yaml': webDeployment(
          `ghcr.io/acme/web@${OLD_DIGEST}`,
        ),
      },
      expected: {
        'o/prod/deployment.yaml': webDeployment(`ghcr.io/acme/web@${DIGEST}`),
      },
    },
    {
      form: 'Helm values image.tag (comments and setter markers kept)',
      from: {
        'o/dev/values.yaml':
          'image:\n  repository: ghcr.io/acme/web\n  tag: 1.4.0 # {"$imagepolicy": "flux-system:web:tag"}\n',
      },
      to: {
        'o/prod/values.yaml':
          '# prod\nreplicaCount: 3\nimage:\n  repository: ghcr.io/acme/web\n  tag: 1.3.0 # {"$imagepolicy": "flux-system:web:tag"}\n',
      },
      expected: {
        'o/prod/values.yaml':
          '# prod\nreplicaCount: 3\nimage:\n  repository: ghcr.io/acme/web\n  tag: 1.4.0 # {"$imagepolicy": "flux-system:web:tag"}\n',
      },
    },
    {
      form: 'Helm values image.digest, dropping the tag',
      from: { 'o/dev/values.yaml': `image:\n  digest: ${DIGEST}\n` },
      to: { 'o/prod/values.yaml': 'image:\n  tag: 1.3.0\n' },
      expected: { 'o/prod/values.yaml': `image:\n  digest: ${DIGEST}\n` },
    },
    {
      form: 'nested Helm values (web.image.tag) into a values file without them',
      from: { 'o/dev/values.yaml': 'web:\n  image:\n    tag: 1.4.0\n' },
      to: { 'o/prod/values.yaml': 'replicaCount: 3\n' },
      expected: {
        'o/prod/values.yaml':
          'replicaCount: 3\nweb:\n  image:\n    tag: 1.4.0\n',
      },
    },
    {
      form: 'Helm values `image: repo:tag` strings',
      from: {
        'o/dev/values.yaml': 'worker:\n  image: ghcr.io/acme/worker:2.1.0\n',
      },
      to: {
        'o/prod/values.yaml': 'worker:\n  image: ghcr.io/acme/worker:2.0.0\n',
      },
      expected: {
        'o/prod/values.yaml': 'worker:\n  image: ghcr.io/acme/worker:2.1.0\n',
      },
    },
    {
      form: 'an Argo CD Helm source targetRevision',
      from: { 'o/dev/app.yaml': helmApplication('dev', '1.4.0') },
      to: { 'o/prod/app.yaml': helmApplication('prod', '1.3.0') },
      expected: { 'o/prod/app.yaml': helmApplication('prod', '1.4.0') },
    },
    {
      form: 'an Argo CD multi-source chart targetRevision (the ref source untouched)',
      from: { 'o/dev/app.yaml': multiSourceApplication('dev', '1.4.0') },
      to: { 'o/prod/app.yaml': multiSourceApplication('prod', '1.3.0') },
      expected: { 'o/prod/app.yaml': multiSourceApplication('prod', '1.4.0') },
    },
    {
      form: 'Argo CD Helm parameters (image.tag), the other parameters untouched',
      from: { 'o/dev/app.yaml': parameterApplication('dev', '1.4.0') },
      to: { 'o/prod/app.yaml': parameterApplication('prod', '1.3.0') },
      expected: { 'o/prod/app.yaml': parameterApplication('prod', '1.4.0') },
    },
    {
      form: 'Argo CD Kustomize images of an Application',
      from: {
        'o/dev/app.yaml': kustomizeApplication(
          'dev',
          `ghcr.io/acme/web@${DIGEST}`,
        ),
      },
      to: {
        'o/prod/app.yaml': kustomizeApplication(
          'prod',
          'ghcr.io/acme/web:1.3.0',
        ),
      },
      expected: {
        'o/prod/app.yaml': kustomizeApplication(
          'prod',
          `ghcr.io/acme/web@${DIGEST}`,
        ),
      },
    },
  ])('promotes $form', ({ from, to, expected }) => {
    expect(
      promote(side('dev', undefined, from), side('prod', undefined, to)),
    ).toEqual(expected);
  });

  it('lists in `promoted` only the pins whose version changes', () => {
    const { promoted } = planPromotion({
      service: 'web',
      from: side('dev', undefined, {
        'o/dev/values.yaml':
          'image:\n  tag: 1.4.0\nsidecar:\n  image:\n    tag: 9.0.0\n',
      }),
      to: side('prod', undefined, {
        'o/prod/values.yaml':
          'image:\n  tag: 1.3.0\nsidecar:\n  image:\n    tag: 9.0.0\n',
      }),
    });
    expect(promoted).toEqual([
      {
        path: 'o/prod/values.yaml',
        label: 'image.tag',
        from: '1.3.0',
        to: '1.4.0',
      },
    ]);
  });

  it('promotes only the pins holding `version`', () => {
    const from = {
      'o/dev/values.yaml':
        'image:\n  tag: 1.4.0\nsidecar:\n  image:\n    tag: 9.9.9\n',
    };
    const to = {
      'o/prod/values.yaml':
        'image:\n  tag: 1.3.0\nsidecar:\n  image:\n    tag: 9.0.0\n',
    };
    expect(
      promote(side('dev', undefined, from), side('prod', undefined, to), {
        version: '1.4.0',
      }),
    ).toEqual({
      'o/prod/values.yaml':
        'image:\n  tag: 1.4.0\nsidecar:\n  image:\n    tag: 9.0.0\n',
    });
  });

  it.each<{ problem: string; from: Files; to: Files; message: RegExp }>([
    {
      problem: 'no version in the source files',
      from: { 'o/dev/kustomization.yaml': 'resources:\n  - ../../base\n' },
      to: { 'o/prod/kustomization.yaml': 'resources:\n  - ../../base\n' },
      message:
        /No version of web to promote from dev: looked at o\/dev\/kustomization.yaml/,
    },
    {
      problem: 'no place for the version in the target files',
      from: { 'o/dev/app.yaml': helmApplication('dev', '1.4.0') },
      to: {
        'o/prod/other.yaml':
          'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n',
      },
      message:
        /Cannot promote .*targetRevision of o\/dev\/app.yaml \(1.4.0\): prod pins no such version; looked at o\/prod\/other.yaml/,
    },
    {
      problem: 'a file that is not YAML',
      from: { 'o/dev/values.yaml': 'image: [\n' },
      to: { 'o/prod/values.yaml': 'image:\n  tag: 1\n' },
      message: /o\/dev\/values.yaml is not valid YAML/,
    },
  ])('refuses $problem, naming the files', ({ from, to, message }) => {
    const plan = () =>
      planPromotion({
        service: 'web',
        from: side('dev', undefined, from),
        to: side('prod', undefined, to),
      });
    expect(plan).toThrow(InputError);
    expect(plan).toThrow(message);
  });
});
