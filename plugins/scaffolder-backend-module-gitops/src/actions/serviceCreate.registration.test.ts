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

  /** One app-of-apps folder per environment, `clusters/<env>/apps`, each with its root app. */
  async function repoWithFolders(environments: string[]) {
    const created = await github.newRepo();
    for (const env of environments) {
      await seedAppOfApps(
        github,
        created.repo,
        `clusters/${env}/apps`,
        `bootstrap/${env}.yaml`,
      );
    }
    return created;
  }

  it("per environment: writes each environment's Application into that environment's folder", async () => {
    const { repo, repoUrl } = await repoWithFolders(['dev', 'prod']);
    const { ctx, outputs } = await github.context({
      ...checkout,
      repoUrl,
      registration: { mode: 'perEnvironment', via: 'appOfApps' },
    });

    await createGitopsServiceCreateAction(github.deps()).handler(ctx);

    const [pull] = await github.pulls(repo);
    const files = await github.pullFiles(repo, pull.number);
    const namesIn = (path: string) =>
      [
        ...(files.find(f => f.filename === path)?.patch ?? '').matchAll(
          /^\+ {2}name: (checkout-\w+)$/gm,
        ),
      ].map(match => match[1]);
    expect({
      dev: namesIn('clusters/dev/apps/checkout.yaml'),
      prod: namesIn('clusters/prod/apps/checkout.yaml'),
      standalone: files
        .map(f => f.filename)
        .filter(f => /^clusters\/[^/]+\/argocd\/checkout\.yaml$/.test(f)),
      status: outputs.status,
      body: pull.body,
    }).toEqual({
      dev: ['checkout-dev'],
      prod: ['checkout-prod'],
      standalone: [],
      status: 'opened',
      body: expect.stringContaining(
        "registered in each environment's app-of-apps folder",
      ),
    });
  });

  it('per environment: refuses an environment without a folder, naming the service, the environment and the folders, before opening anything', async () => {
    const { repo, repoUrl } = await repoWithFolders(['dev']);
    const { ctx } = await github.context({
      ...checkout,
      repoUrl,
      registration: { mode: 'perEnvironment', via: 'appOfApps' },
    });

    const run = createGitopsServiceCreateAction(github.deps()).handler(ctx);

    await expect(run).rejects.toThrow(InputError);
    await expect(run).rejects.toThrow(
      "no app-of-apps folder serves checkout's environment prod (looked at: clusters/dev/apps (dev))",
    );
    expect(await github.pulls(repo)).toEqual([]);
  });

  it.each([
    ['an unknown mode', { mode: 'umbrella', target: 'x' }],
    [
      'a perEnvironment registration of an unknown kind',
      { mode: 'perEnvironment', via: 'folders' },
    ],
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
