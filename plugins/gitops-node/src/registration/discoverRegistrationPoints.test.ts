import { describeWithEstate, estateFiles } from '@internal/estate-fixtures';
import { useGithub } from '../__testUtils__/harness';
import { createConfigRepoReader } from '../configRepo/createConfigRepoReader';
import {
  REGISTRATION_REPO,
  registrationRepoFiles,
  asRepoFiles,
  appOfAppsFiles,
  applicationSetFiles,
  PER_ENVIRONMENT_HINTS,
  perEnvironmentRepoFiles,
} from './__testUtils__/registrationRepo';
import {
  discoverRegistrationPoints,
  discoverRegistrationPointsInFiles,
  namesRepo,
} from './discoverRegistrationPoints';

describe('discoverRegistrationPoints (GitHub emulator)', () => {
  const github = useGithub();

  async function points() {
    await github.emulator.createRepo(
      REGISTRATION_REPO.owner,
      REGISTRATION_REPO.repo,
      {
        files: registrationRepoFiles(),
      },
    );
    const { octokit } = await github.client();
    return discoverRegistrationPoints(
      createConfigRepoReader(octokit, REGISTRATION_REPO),
      'main',
    );
  }

  it('finds the app-of-apps folder with its root app, kustomization and Applications, and only it', async () => {
    const found = (await points()).filter(p => p.mode === 'appOfApps');
    expect(found).toEqual([
      {
        mode: 'appOfApps',
        target: 'clusters/shared/apps',
        parent: 'root',
        file: 'bootstrap/root.yaml',
        kustomization: true,
        applications: ['billing-dev', 'billing-prod'],
      },
    ]);
  });

  it('finds ApplicationSets with git directory generators (without excluded globs) and file generators in a matrix', async () => {
    const found = await discoverRegistrationPointsInFiles(
      asRepoFiles(registrationRepoFiles()),
      REGISTRATION_REPO,
    );
    expect(found.filter(p => p.mode === 'applicationSet')).toEqual([
      {
        mode: 'applicationSet',
        target: 'configs',
        file: 'clusters/shared/appsets/configs.yaml',
        generator: 'files',
        paths: ['config/services/*.json'],
      },
      {
        mode: 'applicationSet',
        target: 'explicit',
        file: 'clusters/shared/appsets/explicit.yaml',
        generator: 'directories',
        paths: ['apps/billing/overlays/prod'],
      },
      {
        mode: 'applicationSet',
        target: 'services',
        file: 'clusters/shared/appsets/services.yaml',
        generator: 'directories',
        paths: ['apps/*/overlays/dev'],
      },
    ]);
  });
});

describe('discoverRegistrationPoints per environment (GitHub emulator)', () => {
  const github = useGithub();

  it('tells the environment and cluster each app-of-apps folder and ApplicationSet serves', async () => {
    await github.emulator.createRepo(
      REGISTRATION_REPO.owner,
      REGISTRATION_REPO.repo,
      { files: perEnvironmentRepoFiles() },
    );
    const { octokit } = await github.client();
    const found = await discoverRegistrationPoints(
      createConfigRepoReader(octokit, REGISTRATION_REPO),
      'main',
      PER_ENVIRONMENT_HINTS,
    );
    expect(
      found.map(({ mode, target, environment, ...rest }) => ({
        mode,
        target,
        environment,
        server: 'server' in rest ? rest.server : undefined,
      })),
    ).toEqual([
      {
        mode: 'appOfApps',
        target: 'argocd/prod-eu/applications',
        environment: 'prod',
        server: 'https://prod-eu.example:6443',
      },
      {
        mode: 'appOfApps',
        target: 'clusters/dev/apps',
        environment: 'dev',
        server: undefined,
      },
      {
        mode: 'applicationSet',
        target: 'services-dev',
        environment: 'dev',
        server: undefined,
      },
      {
        mode: 'applicationSet',
        target: 'services-prod',
        environment: 'prod',
        server: undefined,
      },
    ]);
  });
});

describe('the environment a registration point serves', () => {
  const PROD_SERVER = { server: 'https://prod-eu.example:6443/' };
  const environmentOf = async (files: Record<string, string>) => {
    const [point] = await discoverRegistrationPointsInFiles(
      asRepoFiles(files),
      REGISTRATION_REPO,
      PER_ENVIRONMENT_HINTS,
    );
    return point.environment;
  };

  it.each<[string, Parameters<typeof appOfAppsFiles>[0], string | undefined]>([
    [
      "the root app's destination server",
      { folder: 'platform/apps', rootDestination: PROD_SERVER },
      'prod',
    ],
    [
      "the root app's destination name",
      { folder: 'platform/apps', rootDestination: { name: 'dev-1' } },
      'dev',
    ],
    [
      "the cluster the folder's Applications deploy to",
      { folder: 'platform/apps', childDestination: PROD_SERVER },
      'prod',
    ],
    [
      "the root app's destination before the path",
      { folder: 'clusters/dev/apps', rootDestination: PROD_SERVER },
      'prod',
    ],
    ['an environment in the path', { folder: 'envs/dev/apps' }, 'dev'],
    [
      'a cluster in the path',
      { folder: 'argocd/prod-eu/applications' },
      'prod',
    ],
    ['none: two environments in the path', { folder: 'dev/prod' }, undefined],
    ['none: nothing names one', { folder: 'clusters/shared/apps' }, undefined],
  ])('app-of-apps folder, from %s', async (_case, layout, expected) => {
    expect(await environmentOf(appOfAppsFiles(layout))).toBe(expected);
  });

  it.each<
    [string, Parameters<typeof applicationSetFiles>[0], string | undefined]
  >([
    [
      "the template's destination",
      {
        file: 'appsets/a.yaml',
        name: 'a',
        glob: 'apps/*/overlays/dev',
        destination: { name: 'prod-eu' },
      },
      'prod',
    ],
    [
      "the file's folder",
      { file: 'clusters/prod/appsets/a.yaml', name: 'a', glob: 'apps/*/dev' },
      'prod',
    ],
    [
      "the generator's paths",
      { file: 'appsets/a.yaml', name: 'a', glob: 'apps/*/overlays/dev' },
      'dev',
    ],
    [
      'none: nothing names one',
      { file: 'appsets/a.yaml', name: 'a', glob: 'apps/*' },
      undefined,
    ],
  ])('ApplicationSet, from %s', async (_case, layout, expected) => {
    expect(await environmentOf(applicationSetFiles(layout))).toBe(expected);
  });
});

describe('namesRepo', () => {
  it.each([
    ['https://github.com/acme/platform-config.git', true],
    ['https://github.com/ACME/platform-config/', true],
    ['git@github.com:acme/platform-config.git', true],
    ['https://github.com/acme/platform-config-old.git', false],
    ['https://github.com/other/platform-config', false],
    [undefined, false],
  ])('%s names acme/platform-config: %s', (url, expected) => {
    expect(namesRepo(url, REGISTRATION_REPO)).toBe(expected);
  });
});

describeWithEstate(
  'flux2-kustomize-helm-example',
  'discoverRegistrationPoints on a Flux estate',
  () => {
    it('finds no Argo CD registration point in a repo without Argo CD objects', async () => {
      const files = {
        ...estateFiles('flux2-kustomize-helm-example', 'apps'),
        ...estateFiles('flux2-kustomize-helm-example', 'clusters'),
        ...estateFiles('flux2-kustomize-helm-example', 'infrastructure'),
      };
      expect(Object.keys(files).length).toBeGreaterThan(5);
      expect(
        await discoverRegistrationPointsInFiles(asRepoFiles(files), {
          owner: 'fluxcd',
          repo: 'flux2-kustomize-helm-example',
        }),
      ).toEqual([]);
    });
  },
);
