import { InputError } from '@backstage/errors';
import { seedAppOfApps } from '../__testUtils__/appOfApps';
import { useConfigRepo } from '../__testUtils__/harness';
import { createGitopsServiceCreateAction } from './serviceCreate';

const checkout = {
  name: 'checkout',
  team: 'payments',
  image: 'ghcr.io/acme/checkout',
  environments: [
    { name: 'dev', replicas: 1, imageTag: '1.0.0' },
    { name: 'prod', replicas: 2, imageTag: '1.0.0' },
  ],
  migration: { command: ['./migrate', 'up'], order: 'preSyncHook' },
};

describe('gitops:service:create with a registration', () => {
  const github = useConfigRepo();

  /** The seeded repo plus a root app whose folder `clusters/shared/apps` holds the `web` Applications. */
  async function repoWithAppOfApps() {
    const created = await github.newRepo();
    await seedAppOfApps(github, created.repo, 'clusters/shared/apps');
    return created;
  }

  it('writes the Applications into the app-of-apps folder instead of clusters/<env>/argocd/', async () => {
    const { repo, repoUrl } = await repoWithAppOfApps();
    const { ctx, outputs } = await github.context({
      ...checkout,
      repoUrl,
      registration: { mode: 'appOfApps', target: 'clusters/shared/apps' },
    });

    await createGitopsServiceCreateAction(github.deps()).handler(ctx);

    const [pull] = await github.pulls(repo);
    const changed = (await github.pullFiles(repo, pull.number)).map(
      f => f.filename,
    );
    expect({
      folder: changed.includes('clusters/shared/apps/checkout.yaml'),
      standalone: changed.filter(f =>
        /^clusters\/[^/]+\/argocd\/checkout\.yaml$/.test(f),
      ),
      status: outputs.status,
      body: pull.body,
    }).toEqual({
      folder: true,
      standalone: [],
      status: 'opened',
      body: expect.stringContaining(
        'a migration Job as a PreSync hook, registered in the app-of-apps folder `clusters/shared/apps`',
      ),
    });
  });

  it('refuses a target discovery did not find, naming the field, before opening anything', async () => {
    const { repo, repoUrl } = await repoWithAppOfApps();
    const { ctx } = await github.context({
      ...checkout,
      repoUrl,
      registration: { mode: 'appOfApps', target: 'clusters/elsewhere' },
    });

    const run = createGitopsServiceCreateAction(github.deps()).handler(ctx);

    await expect(run).rejects.toThrow(InputError);
    await expect(run).rejects.toThrow(
      /registration\.target "clusters\/elsewhere"/,
    );
    expect(await github.pulls(repo)).toEqual([]);
  });

  it.each([
    ['an unknown mode', { mode: 'umbrella', target: 'x' }],
    [
      'an appOfApps target leaving the repo',
      { mode: 'appOfApps', target: '../x' },
    ],
    [
      'an unknown migration order',
      undefined,
      { command: ['m'], order: 'first' },
    ],
  ])(
    'refuses %s at the edge',
    async (_case, registration, migration = checkout.migration) => {
      const { repoUrl } = await github.untouchedRepo();
      const { ctx } = await github.context({
        ...checkout,
        repoUrl,
        registration,
        migration,
      });
      await expect(
        createGitopsServiceCreateAction(github.deps()).handler(ctx),
      ).rejects.toThrow(InputError);
    },
  );
});
