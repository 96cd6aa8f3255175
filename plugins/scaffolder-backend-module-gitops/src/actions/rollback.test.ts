import { InputError } from '@backstage/errors';
import { generateServiceManifests } from '@gitops-portal/plugin-gitops-node';
import { breakProd, commitToMain } from '../__testUtils__/commits';
import { checkpointStore, run, useConfigRepo } from '../__testUtils__/harness';
import { createGitopsRollbackAction } from './rollback';

const prod = { service: 'web', environment: 'prod' };
const OVERLAY = 'apps/web/overlays/prod/kustomization.yaml';

describe('gitops:rollback', () => {
  const github = useConfigRepo();

  it('names the reverted commit in the PR body', async () => {
    const { repo, repoUrl } = await github.newRepo();
    await breakProd(github.octokit(), repo);
    const { ctx } = await github.context({ ...prod, repoUrl });

    await createGitopsRollbackAction(github.deps()).handler(ctx);

    const [pull] = await github.pulls(repo);
    expect(pull.title).toBe('Roll back web in prod');
    expect(pull.body).toContain('("Deploy web 9.9.9 to prod")');
  });

  it('reverts only the last change when the overlay changed twice', async () => {
    const { repo, repoUrl } = await github.newRepo();
    await breakProd(github.octokit(), repo);
    await commitToMain(github.octokit(), repo, OVERLAY, text =>
      text.replace('newTag: 9.9.9', 'newTag: 9.9.10'),
    );
    const { ctx, outputs } = await github.context({ ...prod, repoUrl });

    await createGitopsRollbackAction(github.deps()).handler(ctx);

    const { rendered } = await github.renderTouchedOverlays(
      repo,
      outputs.branch as string,
      outputs.changedFiles as string[],
    );
    expect(rendered['apps/web/overlays/prod']).toContain(
      'ghcr.io/acme/web:9.9.9',
    );
  });

  it('restores the overlay to its content at toRevision', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const { data: main } = await github
      .octokit()
      .git.getRef({ owner: 'acme', repo, ref: 'heads/main' });
    const good = main.object.sha;
    await breakProd(github.octokit(), repo);
    await commitToMain(github.octokit(), repo, OVERLAY, text =>
      text.replace('newTag: 9.9.9', 'newTag: 9.9.10'),
    );
    const { ctx, outputs } = await github.context({
      ...prod,
      repoUrl,
      toRevision: good,
    });

    await createGitopsRollbackAction(github.deps()).handler(ctx);

    const { rendered } = await github.renderTouchedOverlays(
      repo,
      outputs.branch as string,
      outputs.changedFiles as string[],
    );
    expect(rendered['apps/web/overlays/prod']).toContain(
      'ghcr.io/acme/web:1.3.1',
    );
    const [pull] = await github.pulls(repo);
    expect(pull.body).toContain(`revision ${good}`);
  });

  it('deletes the files the reverted commit added', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const added = 'apps/web/overlays/prod/extra.yaml';
    await github.octokit().repos.createOrUpdateFileContents({
      owner: 'acme',
      repo,
      path: added,
      branch: 'main',
      message: 'Add an unused file to prod',
      content: Buffer.from('kind: ConfigMap\n').toString('base64'),
    });
    const { ctx, outputs } = await github.context({ ...prod, repoUrl });

    await createGitopsRollbackAction(github.deps()).handler(ctx);

    expect(outputs.changedFiles).toEqual([added]);
    const dir = await github.clone(repo, outputs.branch as string);
    await expect(run('cat', [added], dir)).rejects.toThrow();
  });

  it('writes nothing on a dry run', async () => {
    const { repo, repoUrl } = await github.newRepo();
    await breakProd(github.octokit(), repo);
    const { ctx, outputs } = await github.context(
      { ...prod, repoUrl },
      { isDryRun: true },
    );

    await createGitopsRollbackAction(github.deps()).handler(ctx);

    expect(outputs).toMatchObject({
      status: 'dry-run',
      changedFiles: [OVERLAY],
    });
    expect(await github.pulls(repo)).toEqual([]);
  });

  it('pins the image of a Helm service in its values.yaml', async () => {
    const shop = generateServiceManifests({
      name: 'shop',
      team: 'payments',
      image: 'ghcr.io/acme/shop',
      packaging: 'helm',
      environments: [{ name: 'staging', replicas: 2, imageTag: '1.3.0' }],
      delivery: { engine: 'argocd', repoUrl: 'https://github.com/acme/config' },
    });
    const { repo, repoUrl } = await github.newRepo(shop);
    const { ctx, outputs } = await github.context({
      repoUrl,
      service: 'shop',
      environment: 'staging',
      toImageTag: '1.2.0',
    });
    await createGitopsRollbackAction(github.deps()).handler(ctx);

    const files = await github.pullFiles(
      repo,
      outputs.pullRequestNumber as number,
    );
    expect(files.map(f => f.filename)).toEqual([
      'apps/shop/overlays/staging/values.yaml',
    ]);
    expect(files[0].patch).toContain('-  tag: 1.3.0');
    expect(files[0].patch).toContain('+  tag: 1.2.0');
  });

  it('replays the checkpoint instead of writing again', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const store = checkpointStore();
    const action = createGitopsRollbackAction(github.deps());
    const statuses = [];
    for (let attempt = 0; attempt < 2; attempt++) {
      const { ctx, outputs } = await github.context(
        { ...prod, repoUrl, toImageTag: '1.3.0' },
        { checkpoint: store.checkpoint },
      );
      await action.handler(ctx);
      statuses.push(outputs.status);
    }
    expect(statuses).toEqual(['opened', 'opened']);
    expect(await github.pulls(repo)).toHaveLength(1);
  });

  it.each([
    ['an overlay only the first commit touched', {}],
    [
      'both a tag and a digest',
      { toImageTag: '1.0.0', toImageDigest: `sha256:${'a'.repeat(64)}` },
    ],
    ['the latest tag', { toImageTag: 'latest' }],
    [
      'both a tag and a revision',
      { toImageTag: '1.0.0', toRevision: 'abcdef1' },
    ],
    [
      'an environment without an overlay',
      { environment: 'qa', toImageTag: '1.0.0' },
    ],
  ])('refuses %s with an InputError', async (_case, override) => {
    const { repo, repoUrl } = await github.untouchedRepo();
    const { ctx } = await github.context({ ...prod, repoUrl, ...override });

    await expect(
      createGitopsRollbackAction(github.deps()).handler(ctx),
    ).rejects.toBeInstanceOf(InputError);
    expect(await github.pulls(repo)).toEqual([]);
  });
});
