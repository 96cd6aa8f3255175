import { InputError } from '@backstage/errors';
import { checkpointStore, useConfigRepo } from '../__testUtils__/harness';
import { createGitopsServiceCreateAction } from './serviceCreate';

jest.setTimeout(60_000);

const checkout = {
  name: 'checkout',
  team: 'payments',
  image: 'ghcr.io/acme/checkout',
  environments: [
    { name: 'dev', replicas: 1, imageTag: '1.0.0' },
    { name: 'prod', replicas: 2, imageTag: '1.0.0' },
  ],
};

describe('gitops:service:create', () => {
  const github = useConfigRepo();

  it('opens a PR titled after the service with the namespace and Applications', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const { ctx, outputs } = await github.context({ ...checkout, repoUrl });

    await createGitopsServiceCreateAction(github.deps()).handler(ctx);

    const [pull] = await github.pulls(repo);
    expect(pull.title).toBe('Create checkout');
    expect(outputs).toMatchObject({
      pullRequestNumber: pull.number,
      pullRequestUrl: pull.html_url,
      branch: 'gitops/create/checkout',
    });
    expect(outputs.changedFiles).toEqual(
      expect.arrayContaining([
        'clusters/dev/argocd/checkout.yaml',
        'clusters/prod/namespaces/checkout.yaml',
        'apps/checkout/overlays/prod/kustomization.yaml',
      ]),
    );
  });

  it('writes nothing on a dry run and reports the files it would write', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const { ctx, outputs } = await github.context(
      { ...checkout, repoUrl },
      { isDryRun: true },
    );

    await createGitopsServiceCreateAction(github.deps()).handler(ctx);

    expect(outputs.status).toBe('dry-run');
    expect(outputs.changedFiles).toContain('apps/checkout/base/workload.yaml');
    expect(await github.pulls(repo)).toEqual([]);
    const { data: refs } = await github
      .octokit()
      .git.listMatchingRefs({ owner: 'acme', repo, ref: 'heads/gitops' });
    expect(refs).toEqual([]);
  });

  it('replays the checkpoint when a resumed task runs the step again', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const store = checkpointStore();
    const action = createGitopsServiceCreateAction(github.deps());
    const first = await github.context(
      { ...checkout, repoUrl },
      { checkpoint: store.checkpoint },
    );
    await action.handler(first.ctx);
    const second = await github.context(
      { ...checkout, repoUrl },
      { checkpoint: store.checkpoint },
    );

    await action.handler(second.ctx);

    // Without the checkpoint a second run would call GitHub and say `unchanged`.
    expect(second.outputs).toEqual(first.outputs);
    expect(second.outputs.status).toBe('opened');
    expect(await github.pulls(repo)).toHaveLength(1);
  });

  it.each([
    ['a name that is not DNS-1123', { name: 'Check_Out' }],
    [
      'the latest tag',
      { environments: [{ name: 'dev', replicas: 1, imageTag: 'latest' }] },
    ],
    ['an unknown input', { colour: 'blue' }],
    [
      'a repoUrl of an unconfigured host',
      { repoUrl: 'gitlab.example.com?owner=acme&repo=x' },
    ],
  ])('refuses %s with an InputError', async (_case, override) => {
    const { repoUrl } = await github.newRepo();
    const { ctx } = await github.context({ ...checkout, repoUrl, ...override });

    await expect(
      createGitopsServiceCreateAction(github.deps()).handler(ctx),
    ).rejects.toBeInstanceOf(InputError);
  });
});
