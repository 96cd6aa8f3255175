import { seededRepoFiles } from '../../../__testUtils__/fixtures';
import { useGithub } from '../../../__testUtils__/harness';
import { createConfigRepoReader } from '../../../configRepo/createConfigRepoReader';
import { openConfigRepoPullRequest } from '../../../pullRequests/openConfigRepoPullRequest';
import {
  helmApplication,
  kustomizeApplication,
  multiSourceApplication,
  parameterApplication,
  webDeployment,
} from './promotionManifests';
import { estateFile, estateFiles } from '@internal/estate-fixtures';
import { promotionChange, PromotionChangeOptions } from '../promotionChange';

/*
 * Test helper: one repo per promotion form, for the end-to-end tests through the GitHub emulator (split in two
 * files by form family so each stays short).
 */

const DIGEST = `sha256:${'c'.repeat(64)}`;
const OLD_DIGEST = `sha256:${'d'.repeat(64)}`;

const overlay = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - ../../base
patches:
  - path: workload.yaml
`;

const seeded = seededRepoFiles();
const STAGING_OVERLAY = 'apps/web/overlays/staging/kustomization.yaml';
const PROD_OVERLAY = 'apps/web/overlays/prod/kustomization.yaml';

/** The public estate the estate cases read at test time (never copied into the repo). */
export const ESTATE = 'flux2-kustomize-helm-example';
const fluxHelm = (path: string) => estateFile(ESTATE, path);

/** The flux2-kustomize-helm-example's apps. */
const fluxEstate = () => ({
  ...estateFiles(ESTATE, 'apps'),
  ...Object.fromEntries(
    ['clusters/staging/apps.yaml', 'clusters/production/apps.yaml'].map(
      path => [path, fluxHelm(path)],
    ),
  ),
});
const CERT_MANAGER = 'infrastructure/controllers/cert-manager.yaml';

export interface EndToEndCase {
  form: string;
  /** `image` (tags and digests of images) or `chart` (chart and source versions). */
  family: 'image' | 'chart';
  repo: Record<string, string>;
  options: Omit<PromotionChangeOptions, 'service'> & { service?: string };
  /** The only file the PR changes, and its content on the PR branch. */
  path: string;
  expected: string;
}

export const cases: EndToEndCase[] = [
  {
    family: 'image',
    form: 'a Kustomize image by digest (the portal layout)',
    repo: {
      ...seeded,
      [STAGING_OVERLAY]: seeded[STAGING_OVERLAY].replace(
        'newTag: 1.3.2',
        `digest: ${DIGEST}`,
      ),
    },
    options: { from: 'staging', to: 'prod' },
    path: PROD_OVERLAY,
    expected: seeded[PROD_OVERLAY].replace(
      'newTag: 1.3.1',
      `digest: ${DIGEST}`,
    ),
  },
  {
    family: 'image',
    form: 'a container image by digest in a manifest',
    repo: {
      'apps/web/overlays/staging/kustomization.yaml': overlay,
      'apps/web/overlays/staging/workload.yaml': webDeployment(
        `ghcr.io/acme/web@${DIGEST}`,
      ),
      'apps/web/overlays/prod/kustomization.yaml': overlay,
      'apps/web/overlays/prod/workload.yaml': webDeployment(
        `ghcr.io/acme/web@${OLD_DIGEST}`,
      ),
    },
    options: { from: 'staging', to: 'prod' },
    path: 'apps/web/overlays/prod/workload.yaml',
    expected: webDeployment(`ghcr.io/acme/web@${DIGEST}`),
  },
  {
    family: 'image',
    form: 'a Helm values image tag',
    repo: {
      'apps/web/staging/values.yaml':
        'image:\n  repository: ghcr.io/acme/web\n  tag: 1.4.0\n',
      'apps/web/prod/values.yaml':
        '# prod values\nimage:\n  repository: ghcr.io/acme/web\n  tag: 1.3.0 # released\n',
    },
    options: { from: 'staging', to: 'prod' },
    path: 'apps/web/prod/values.yaml',
    expected:
      '# prod values\nimage:\n  repository: ghcr.io/acme/web\n  tag: 1.4.0 # released\n',
  },
  {
    family: 'chart',
    form: 'an Argo CD Helm targetRevision',
    repo: {
      'clusters/staging/web.yaml': helmApplication('staging', '2.1.0'),
      'clusters/prod/web.yaml': helmApplication('prod', '2.0.0'),
    },
    options: { from: 'staging', to: 'prod' },
    path: 'clusters/prod/web.yaml',
    expected: helmApplication('prod', '2.1.0'),
  },
  {
    family: 'chart',
    form: 'an Argo CD multi-source Helm targetRevision',
    repo: {
      'clusters/staging/web.yaml': multiSourceApplication('staging', '2.1.0'),
      'clusters/prod/web.yaml': multiSourceApplication('prod', '2.0.0'),
    },
    options: { from: 'staging', to: 'prod' },
    path: 'clusters/prod/web.yaml',
    expected: multiSourceApplication('prod', '2.1.0'),
  },
  {
    family: 'image',
    form: 'Argo CD Helm parameters',
    repo: {
      'clusters/staging/web.yaml': parameterApplication('staging', '1.4.0'),
      'clusters/prod/web.yaml': parameterApplication('prod', '1.3.0'),
    },
    options: { from: 'staging', to: 'prod' },
    path: 'clusters/prod/web.yaml',
    expected: parameterApplication('prod', '1.4.0'),
  },
  {
    family: 'image',
    form: 'Argo CD Kustomize images',
    repo: {
      'clusters/staging/web-app.yaml': kustomizeApplication(
        'staging',
        'ghcr.io/acme/web:1.4.0',
      ),
      'clusters/prod/web-app.yaml': kustomizeApplication(
        'prod',
        'ghcr.io/acme/web:1.3.0',
      ),
    },
    options: { from: 'staging', to: 'prod' },
    path: 'clusters/prod/web-app.yaml',
    expected: kustomizeApplication('prod', 'ghcr.io/acme/web:1.4.0'),
  },
];

/** The emulator, and a promotion of `options` in a new repo seeded with `repo`, opened as a PR. */
export function usePromotionRepo() {
  const github = useGithub();
  return async (
    repo: Record<string, string>,
    options: EndToEndCase['options'],
  ) => {
    const id = await github.newRepo(repo);
    const { octokit } = await github.client();
    const reader = createConfigRepoReader(octokit, id);
    const plan = await promotionChange(reader, 'main', {
      service: 'web',
      ...options,
    });
    const result = await openConfigRepoPullRequest({
      octokit,
      ...id,
      branch: `gitops/promote/${options.service ?? 'web'}-${options.to}`,
      title: 'Promote',
      change: plan.change,
      // Rendering and rules are validation's own tests; these check what the promotion writes.
      validate: false,
    });
    const { data: files } = await octokit.pulls.listFiles({
      ...id,
      pull_number: result.number!,
    });
    return {
      changedFiles: files.map(file => file.filename),
      onBranch: (path: string) => reader.readFile(path, result.branch),
    };
  };
}

/** The cases on the public estate: read when called, so only where the estate is (see `describeWithEstate`). */
export const estateCases = (): EndToEndCase[] => [
  {
    family: 'chart',
    form: 'a Flux HelmRelease chart version (flux2-kustomize-helm-example)',
    repo: fluxEstate(),
    options: { service: 'podinfo', from: 'staging', to: 'production' },
    path: 'apps/production/podinfo-values.yaml',
    expected: fluxHelm('apps/production/podinfo-values.yaml').replace(
      '">=1.0.0"',
      '">=1.0.0-alpha"',
    ),
  },
  {
    family: 'chart',
    form: "an OCIRepository ref, in the caller's files (flux2-kustomize-helm-example cert-manager)",
    repo: {
      [`staging/${CERT_MANAGER}`]: fluxHelm(CERT_MANAGER).replace(
        '"1.x"',
        '"1.19.x"',
      ),
      [`production/${CERT_MANAGER}`]: fluxHelm(CERT_MANAGER),
    },
    options: {
      from: 'staging',
      to: 'production',
      files: {
        from: [`staging/${CERT_MANAGER}`],
        to: [`production/${CERT_MANAGER}`],
      },
    },
    path: `production/${CERT_MANAGER}`,
    expected: fluxHelm(CERT_MANAGER).replace('"1.x"', '"1.19.x"'),
  },
];
