import { InputError } from '@backstage/errors';
import { parseAllDocuments } from 'yaml';
import { useConfigRepo } from '../__testUtils__/harness';
import { createGitopsServiceCreateAction } from './serviceCreate';

/*
 * `gitops:service:create` takes a drift policy per environment, checked at the edge by gitops-common's
 * `driftPolicySchema`, and the PR's engine objects carry it.
 */

const REPLICAS_RULE = {
  group: 'apps',
  kind: 'Deployment',
  jsonPointers: ['/spec/replicas'],
};

const service = (prodPolicy: unknown, extra: Record<string, unknown> = {}) => ({
  name: 'checkout',
  team: 'payments',
  image: 'ghcr.io/acme/checkout',
  environments: [
    { name: 'dev', replicas: 1, imageTag: '1.0.0' },
    { name: 'prod', replicas: 2, imageTag: '1.0.0', driftPolicy: prodPolicy },
  ],
  ...extra,
});

describe('gitops:service:create drift policy', () => {
  const github = useConfigRepo();

  /** The first document of `path` on the PR branch. */
  async function fileOnBranch(repo: string, branch: string, path: string) {
    const { data } = await github.octokit().repos.getContent({
      owner: 'acme',
      repo,
      path,
      ref: branch,
    });
    const text = Buffer.from((data as { content: string }).content, 'base64');
    return parseAllDocuments(text.toString('utf8')).map(doc => doc.toJSON());
  }

  it('writes prod Application with its selfHeal, prune and ignoreDifferences', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const { ctx, outputs } = await github.context({
      ...service({ selfHeal: false, ignoreDifferences: [REPLICAS_RULE] }),
      repoUrl,
    });

    await createGitopsServiceCreateAction(github.deps()).handler(ctx);

    const [app] = await fileOnBranch(
      repo,
      outputs.branch as string,
      'clusters/prod/argocd/checkout.yaml',
    );
    expect(app.spec.syncPolicy.automated).toEqual({
      prune: true,
      selfHeal: false,
    });
    expect(app.spec.ignoreDifferences).toEqual([REPLICAS_RULE]);
  });

  it('writes prod Flux Kustomization with its prune and interval', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const { ctx, outputs } = await github.context({
      ...service({ prune: false, interval: '1h' }, { engine: 'flux' }),
      repoUrl,
    });

    await createGitopsServiceCreateAction(github.deps()).handler(ctx);

    const [kustomization] = await fileOnBranch(
      repo,
      outputs.branch as string,
      'clusters/prod/flux/checkout.yaml',
    );
    expect(kustomization.spec).toMatchObject({ prune: false, interval: '1h' });
  });

  it.each([
    ['an unknown setting', { autoSync: true }, 'autoSync'],
    ['a bad interval', { interval: 'hourly' }, 'Go duration'],
    [
      'a rule that ignores nothing',
      { ignoreDifferences: [{ kind: 'Deployment' }] },
      'environments.1.driftPolicy.ignoreDifferences.0: must name what to ignore',
    ],
    [
      'a Flux setting on Argo CD',
      { interval: '5m' },
      'not a setting of Argo CD',
    ],
  ])(
    'refuses %s with an InputError naming it',
    async (_case, policy, message) => {
      const { repo, repoUrl } = await github.untouchedRepo();
      const { ctx } = await github.context({ ...service(policy), repoUrl });

      const failure = createGitopsServiceCreateAction(github.deps()).handler(
        ctx,
      );

      await expect(failure).rejects.toBeInstanceOf(InputError);
      await expect(failure).rejects.toThrow(message);
      expect(await github.pulls(repo)).toEqual([]);
    },
  );
});
