import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { useConfigRepo } from '../__testUtils__/harness';
import { createGitopsPromoteAction } from './promote';

const PROD = 'apps/web/overlays/prod/kustomization.yaml';

describe('gitops:promote in the order of gitops.environments', () => {
  const github = useConfigRepo();

  /** The harness's deps with `gitops.environments` set (or not). */
  const depsWith = (environments?: string[]) => {
    const deps = github.deps();
    const data = deps.config.get() as { gitops: object };
    return {
      ...deps,
      config: new ConfigReader({
        ...data,
        gitops: { ...data.gitops, ...(environments ? { environments } : {}) },
      }),
    };
  };

  it.each([
    {
      request: 'no `to`: the next environment',
      input: { from: 'staging' },
      title: 'Promote web staging → prod',
    },
    {
      request: 'a later environment that is not the next one',
      input: { from: 'dev', to: 'prod' },
      title: 'Promote web dev → prod',
    },
  ])('promotes $request', async ({ input, title }) => {
    const { repo, repoUrl } = await github.newRepo();
    const { ctx, outputs } = await github.context({
      service: 'web',
      repoUrl,
      ...input,
    });

    await createGitopsPromoteAction(
      depsWith(['dev', 'staging', 'prod']),
    ).handler(ctx);

    const [pull] = await github.pulls(repo);
    expect(pull.title).toBe(title);
    expect(outputs.changedFiles).toEqual([PROD]);
  });

  it('lists what it promotes in the PR body', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const { ctx } = await github.context({
      service: 'web',
      repoUrl,
      from: 'staging',
    });

    await createGitopsPromoteAction(
      depsWith(['dev', 'staging', 'prod']),
    ).handler(ctx);

    const [pull] = await github.pulls(repo);
    expect(pull.body).toContain(
      `- \`${PROD}\` images[name=ghcr.io/acme/web]: \`1.3.1\` → \`1.3.2\``,
    );
  });

  it.each([
    {
      refusal: 'an earlier environment',
      environments: ['dev', 'staging', 'prod'],
      input: { from: 'prod', to: 'staging' },
      message: /to: 'staging' does not come after 'prod'/,
    },
    {
      refusal: 'an environment outside the order',
      environments: ['dev', 'staging', 'prod'],
      input: { from: 'staging', to: 'qa' },
      message: /to: 'qa' is not in gitops.environments/,
    },
    {
      refusal: 'no `to` from the last environment',
      environments: ['dev', 'staging', 'prod'],
      input: { from: 'prod' },
      message: /last environment/,
    },
    {
      refusal: 'no `to` without a configured order',
      environments: undefined,
      input: { from: 'staging' },
      message: /to: required when gitops.environments/,
    },
  ])(
    'refuses $refusal, writing nothing',
    async ({ environments, input, message }) => {
      const { repo, repoUrl } = await github.untouchedRepo();
      const { ctx } = await github.context({
        service: 'web',
        repoUrl,
        ...input,
      });

      const run = createGitopsPromoteAction(depsWith(environments)).handler(
        ctx,
      );

      await expect(run).rejects.toBeInstanceOf(InputError);
      await expect(run).rejects.toThrow(message);
      expect(await github.pulls(repo)).toEqual([]);
    },
  );

  it.each([
    [
      'a repeated environment',
      ['dev', 'dev'],
      /gitops.environments: each environment may appear once/,
    ],
    [
      'a name that is no DNS-1123 label',
      ['Dev'],
      /Invalid config gitops.environments.0/,
    ],
  ])(
    'refuses a bad gitops.environments at start-up: %s',
    (_case, environments, message) => {
      expect(() => createGitopsPromoteAction(depsWith(environments))).toThrow(
        message,
      );
    },
  );
});
