import { InputError } from '@backstage/errors';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import {
  checkpointStore,
  nextSecond,
  useConfigRepo,
} from '../__testUtils__/harness';
import { createGitopsTeamOnboardAction } from './teamOnboard';

const ENVIRONMENTS = ['dev', 'staging', 'prod'];

describe('gitops:team:onboard', () => {
  const github = useConfigRepo();

  it('keeps the AppProject a team already has and adds its namespaces', async () => {
    // The seeded repo's `web` belongs to payments, whose AppProjects exist.
    const { repo, repoUrl } = await github.newRepo();
    const { ctx, outputs } = await github.context({
      team: 'payments',
      namespace: 'payments-tools',
      environments: ENVIRONMENTS,
      repoUrl,
    });

    await createGitopsTeamOnboardAction(github.deps()).handler(ctx);

    expect(outputs.changedFiles).toEqual(
      ENVIRONMENTS.map(
        env => `clusters/${env}/namespaces/payments-tools.yaml`,
      ).sort(),
    );
    const [pull] = await github.pulls(repo);
    expect(pull.body).toContain(
      '`clusters/prod/argocd/projects/payments.yaml`',
    );
  });

  it.each([
    ['the config repo by default', undefined],
    ['the given source repo', 'https://git.example.com/acme/gitops-config.git'],
  ])(
    "lets the team's AppProject deploy from %s",
    async (_case, sourceRepoUrl) => {
      const { repo, repoUrl } = await github.newRepo();
      const { ctx, outputs } = await github.context({
        team: 'search',
        environments: ['dev'],
        sourceRepoUrl,
        repoUrl,
      });

      await createGitopsTeamOnboardAction(github.deps()).handler(ctx);

      const dir = await github.clone(repo, outputs.branch as string);
      const project = parse(
        await readFile(
          join(dir, 'clusters/dev/argocd/projects/search.yaml'),
          'utf8',
        ),
      );
      // The config repo's web URL, with the integration's scheme (http for the emulator).
      const { protocol, host } = new URL(github.emulator.url);
      expect(project.spec.sourceRepos).toEqual([
        sourceRepoUrl ?? `${protocol}//${host}/acme/${repo}`,
      ]);
    },
  );

  it('changes nothing when the team is onboarded already', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const action = createGitopsTeamOnboardAction(github.deps());
    const statuses = [];
    for (let run = 0; run < 2; run++) {
      // The rerun comes in a later second, as the production client's write pacing ensures (see nextSecond).
      if (run > 0) await nextSecond();
      const { ctx, outputs } = await github.context({
        team: 'search',
        environments: ['dev'],
        repoUrl,
      });
      await action.handler(ctx);
      statuses.push(outputs.status);
    }
    expect(statuses).toEqual(['opened', 'unchanged']);
    expect(await github.pulls(repo)).toHaveLength(1);
  });

  it('writes nothing on a dry run and lists the files', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const { ctx, outputs } = await github.context(
      { team: 'search', environments: ['dev'], repoUrl },
      { isDryRun: true },
    );

    await createGitopsTeamOnboardAction(github.deps()).handler(ctx);

    expect(outputs).toMatchObject({
      status: 'dry-run',
      changedFiles: [
        'clusters/dev/argocd/projects/search.yaml',
        'clusters/dev/namespaces/search.yaml',
      ],
    });
    expect(await github.pulls(repo)).toEqual([]);
  });

  it('replays the checkpoint instead of writing again', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const store = checkpointStore();
    const action = createGitopsTeamOnboardAction(github.deps());
    const statuses = [];
    for (let attempt = 0; attempt < 2; attempt++) {
      const { ctx, outputs } = await github.context(
        { team: 'search', environments: ['dev'], repoUrl },
        { checkpoint: store.checkpoint },
      );
      await action.handler(ctx);
      statuses.push(outputs.status);
    }
    expect(statuses).toEqual(['opened', 'opened']);
    expect(await github.pulls(repo)).toHaveLength(1);
  });

  it('refuses a namespace another team has, naming the team and file', async () => {
    const { repo, repoUrl } = await github.newRepo({
      'clusters/prod/namespaces/shared.yaml':
        'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shared\n  labels:\n    team: payments\n',
    });
    const { ctx } = await github.context({
      team: 'search',
      namespace: 'shared',
      environments: ['dev', 'prod'],
      repoUrl,
    });

    const run = createGitopsTeamOnboardAction(github.deps()).handler(ctx);

    await expect(run).rejects.toBeInstanceOf(InputError);
    await expect(run).rejects.toThrow(
      new InputError(
        'Namespace shared belongs to team payments (clusters/prod/namespaces/shared.yaml); choose another namespace',
      ),
    );
    expect(await github.pulls(repo)).toEqual([]);
  });

  it.each([
    [
      'a namespace a service uses',
      { team: 'search', namespace: 'web' },
      /belongs to the service/,
    ],
    ['a team name that is not DNS-1123', { team: 'Search' }, /DNS-1123/],
    [
      'an environment listed twice',
      { team: 'search', environments: ['dev', 'dev'] },
      /listed twice/,
    ],
    ['no environment', { team: 'search', environments: [] }, /environments/],
  ])('refuses %s with an InputError', async (_case, input, message) => {
    const { repo, repoUrl } = await github.untouchedRepo();
    const { ctx } = await github.context({
      environments: ['dev'],
      ...input,
      repoUrl,
    });

    const run = createGitopsTeamOnboardAction(github.deps()).handler(ctx);

    await expect(run).rejects.toBeInstanceOf(InputError);
    await expect(run).rejects.toThrow(message);
    expect(await github.pulls(repo)).toEqual([]);
  });
});
