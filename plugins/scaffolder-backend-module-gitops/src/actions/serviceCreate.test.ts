import { InputError } from '@backstage/errors';
import { checkpointStore, useConfigRepo } from '../__testUtils__/harness';
import { createGitopsServiceCreateAction } from './serviceCreate';

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
    [
      'an Argo Rollouts canary',
      { progressiveDelivery: { type: 'rollout' } },
      'apps/checkout/base/workload.yaml',
      'Argo Rollouts canary',
    ],
    [
      'a remote Helm chart with Flux',
      {
        engine: 'flux',
        packaging: 'helm',
        chart: {
          repoUrl: 'https://charts.acme.dev',
          name: 'web',
          version: '3.1.0',
        },
      },
      'apps/checkout/overlays/prod/release.yaml',
      'uses the remote chart web@3.1.0; it was not rendered',
    ],
    [
      'Flux image automation',
      { engine: 'flux', imageAutomation: { mode: 'flux' } },
      'clusters/dev/flux/checkout-image-automation.yaml',
      'Flux image automation',
    ],
  ])(
    'opens a PR with %s, described in its body',
    async (_case, variant, file, bodyText) => {
      const { repo, repoUrl } = await github.newRepo();
      const { ctx, outputs } = await github.context({
        ...checkout,
        ...variant,
        repoUrl,
      });

      await createGitopsServiceCreateAction(github.deps()).handler(ctx);

      const [pull] = await github.pulls(repo);
      expect(outputs.changedFiles).toContain(file);
      expect(pull.body).toContain(bodyText);
    },
  );

  it.each([
    ['a name that is not DNS-1123', { name: 'Check_Out' }],
    [
      'an unknown progressive delivery type',
      { progressiveDelivery: { type: 'blue-green' } },
    ],
    [
      'a chart version range',
      { packaging: 'helm', chart: { repoUrl: 'https://c.dev', version: '^1' } },
    ],
    [
      'Flux image automation with Argo CD',
      { imageAutomation: { mode: 'flux' } },
    ],
    [
      'a timestamp policy and a semver policy at once',
      {
        engine: 'flux',
        imageAutomation: {
          mode: 'flux',
          policy: { semver: '>=1.0.0', timestampPattern: '(?P<ts>.*)' },
        },
      },
    ],
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
    const { repoUrl } = await github.untouchedRepo();
    const { ctx } = await github.context({ ...checkout, repoUrl, ...override });

    await expect(
      createGitopsServiceCreateAction(github.deps()).handler(ctx),
    ).rejects.toBeInstanceOf(InputError);
  });
});
