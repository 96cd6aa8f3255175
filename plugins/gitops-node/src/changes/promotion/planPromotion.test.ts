import { InputError } from '@backstage/errors';
import { editYaml } from '../editYaml';
import { fluxHelm } from './__testUtils__/estateFixtures';
import { EnvironmentFiles, planPromotion } from './planPromotion';

/** File texts by path. */
type Files = Record<string, string>;

const DIGEST = `sha256:${'a'.repeat(64)}`;
const OLD_DIGEST = `sha256:${'b'.repeat(64)}`;

/** The files of `to` after the planned change (edits applied the way the writer applies them). */
function promote(
  from: EnvironmentFiles,
  to: EnvironmentFiles,
  extra: { images?: string[]; version?: string } = {},
) {
  const { change } = planPromotion({ service: 'web', from, to, ...extra });
  const result = { ...to.files, ...change.files } as Record<string, string>;
  for (const { path, edit } of change.yamlEdits ?? []) {
    result[path] = editYaml(result[path], doc => edit(doc, { documents: {} }));
  }
  return result;
}

const side = (
  environment: string,
  root: string | undefined,
  files: Record<string, string>,
): EnvironmentFiles => ({ environment, root, files });

const kustomization = (
  images: string,
) => `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../../base
images:
${images}`;

const deployment = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
        - name: web
          image: ${image} # pinned by the portal
        - name: proxy
          image: ghcr.io/acme/proxy:2.0.0
`;

/** An Argo CD Application pulling a chart from a Helm repository (Argo CD's documented Helm source). */
const helmApplication = (
  env: string,
  revision: string,
) => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: web-${env}
  namespace: argocd
spec:
  project: default
  source:
    repoURL: https://charts.acme.example
    chart: web
    targetRevision: ${revision} # chart version
    helm:
      releaseName: web
  destination:
    server: https://kubernetes.default.svc
    namespace: web
`;

/** A multi-source Application: the chart, plus values from a Git repository through a `ref` source. */
const multiSourceApplication = (
  env: string,
  revision: string,
) => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: web-${env}
  namespace: argocd
spec:
  project: default
  sources:
    - repoURL: https://charts.acme.example
      chart: web
      targetRevision: ${revision}
      helm:
        valueFiles:
          - $values/web/${env}/values.yaml
    - repoURL: https://github.com/acme/gitops-config.git
      targetRevision: main
      ref: values
  destination:
    server: https://kubernetes.default.svc
    namespace: web
`;

const kustomizeApplication = (
  env: string,
  image: string,
) => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: web-${env}
spec:
  project: default
  source:
    repoURL: https://github.com/acme/gitops-config.git
    path: web/base
    targetRevision: main
    kustomize:
      images:
        - ${image}
  destination:
    server: https://kubernetes.default.svc
    namespace: web
`;

/** Helm parameters of an Application's source (Argo CD's `helm.parameters`, the `--set` form). */
const parameterApplication = (
  env: string,
  tag: string,
) => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: web-${env}
spec:
  project: default
  source:
    repoURL: https://github.com/acme/charts.git
    path: charts/web
    targetRevision: main
    helm:
      parameters:
        - name: image.tag
          value: "${tag}"
        - name: replicaCount
          value: "${env === 'prod' ? 3 : 1}"
  destination:
    server: https://kubernetes.default.svc
    namespace: web
`;

const FLUX_STAGING = 'apps/staging/podinfo-values.yaml';
const FLUX_PRODUCTION = 'apps/production/podinfo-values.yaml';
const CERT_MANAGER = 'infrastructure/controllers/cert-manager.yaml';

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
        'o/dev/deployment.yaml': deployment(`ghcr.io/acme/web@${DIGEST}`),
      },
      to: {
        'o/prod/deployment.yaml': deployment(`ghcr.io/acme/web@${OLD_DIGEST}`),
      },
      expected: {
        'o/prod/deployment.yaml': deployment(`ghcr.io/acme/web@${DIGEST}`),
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
      form: 'Flux HelmRelease spec.chart.spec.version (flux2-kustomize-helm-example)',
      from: { [FLUX_STAGING]: fluxHelm(FLUX_STAGING) },
      to: { [FLUX_PRODUCTION]: fluxHelm(FLUX_PRODUCTION) },
      expected: {
        [FLUX_PRODUCTION]: fluxHelm(FLUX_PRODUCTION).replace(
          'version: ">=1.0.0"',
          'version: ">=1.0.0-alpha"',
        ),
      },
    },
    {
      form: 'HelmRelease spec.values image (repository + tag) (flux2-kustomize-helm-example base release)',
      from: {
        'dev/release.yaml': fluxHelm('apps/base/podinfo/release.yaml').replace(
          'tag: 8.6.2',
          'tag: 8.8.0',
        ),
      },
      to: { 'prod/release.yaml': fluxHelm('apps/base/podinfo/release.yaml') },
      expected: {
        'prod/release.yaml': fluxHelm('apps/base/podinfo/release.yaml').replace(
          'tag: 8.6.2',
          'tag: 8.8.0',
        ),
      },
    },
    {
      form: 'an OCIRepository spec.ref in a multi-document file (flux2-kustomize-helm-example cert-manager)',
      from: {
        [`dev/${CERT_MANAGER}`]: fluxHelm(CERT_MANAGER).replace(
          'semver: "1.x"',
          'semver: "1.19.x"',
        ),
      },
      to: { [`prod/${CERT_MANAGER}`]: fluxHelm(CERT_MANAGER) },
      expected: {
        [`prod/${CERT_MANAGER}`]: fluxHelm(CERT_MANAGER).replace(
          'semver: "1.x"',
          'semver: "1.19.x"',
        ),
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

  it('pairs files by their place under each environment folder', () => {
    const files = promote(
      side('staging', 'apps/staging/', {
        [FLUX_STAGING]: fluxHelm(FLUX_STAGING),
      }),
      side('production', 'apps/production/', {
        [FLUX_PRODUCTION]:
          'apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: podinfo\n',
      }),
    );
    expect(files[FLUX_PRODUCTION]).toContain('version: ">=1.0.0-alpha"');
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
