import { describeWithEstate, estateFiles } from '@internal/estate-fixtures';
import { useGithub } from '../__testUtils__/harness';
import { createConfigRepoReader } from '../configRepo/createConfigRepoReader';
import {
  REGISTRATION_REPO,
  registrationRepoFiles,
  asRepoFiles,
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
