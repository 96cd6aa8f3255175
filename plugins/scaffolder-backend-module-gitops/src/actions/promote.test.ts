import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { InputError } from '@backstage/errors';
import { parseAllDocuments } from 'yaml';
import { generateServiceManifests } from '@gitops-portal/plugin-gitops-node';
import {
  checkpointStore,
  HELM,
  OWNER,
  run,
  useConfigRepo,
} from '../__testUtils__/harness';
import { createGitopsPromoteAction } from './promote';

const promotion = { service: 'web', from: 'staging', to: 'prod' };

const SHOP_STAGING = 'apps/shop/overlays/staging/values.yaml';

/** A Helm-packaged `shop` beside the seeded `web`: dev runs 1.4.0, staging 1.3.0. */
const helmShop = () =>
  generateServiceManifests({
    name: 'shop',
    team: 'payments',
    image: 'ghcr.io/acme/shop',
    packaging: 'helm',
    environments: [
      { name: 'dev', replicas: 1, imageTag: '1.4.0' },
      { name: 'staging', replicas: 2, imageTag: '1.3.0' },
    ],
    delivery: { engine: 'argocd', repoUrl: 'https://github.com/acme/config' },
  });

describe('gitops:promote', () => {
  const github = useConfigRepo();

  it('titles the PR "Promote <svc> <a> → <b>"', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const { ctx } = await github.context({ ...promotion, repoUrl });

    await createGitopsPromoteAction(github.deps()).handler(ctx);

    const [pull] = await github.pulls(repo);
    expect(pull.title).toBe('Promote web staging → prod');
  });

  it('writes nothing on a dry run', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const { ctx, outputs } = await github.context(
      { ...promotion, repoUrl },
      { isDryRun: true },
    );

    await createGitopsPromoteAction(github.deps()).handler(ctx);

    expect(outputs.changedFiles).toEqual([
      'apps/web/overlays/prod/kustomization.yaml',
    ]);
    expect(await github.pulls(repo)).toEqual([]);
  });

  it('replays the checkpoint instead of writing again', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const store = checkpointStore();
    const action = createGitopsPromoteAction(github.deps());
    for (let attempt = 0; attempt < 2; attempt++) {
      const { ctx, outputs } = await github.context(
        { ...promotion, repoUrl },
        { checkpoint: store.checkpoint },
      );
      await action.handler(ctx);
      expect(outputs.status).toBe('opened');
    }
    expect(await github.pulls(repo)).toHaveLength(1);
  });

  it('reports empty when both environments already run the same images', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const action = createGitopsPromoteAction(github.deps());
    const first = await github.context({ ...promotion, repoUrl });
    await action.handler(first.ctx);
    await github.octokit().pulls.merge({
      owner: 'acme',
      repo,
      pull_number: first.outputs.pullRequestNumber as number,
    });
    const again = await github.context({
      ...promotion,
      repoUrl,
      branch: 'gitops/promote/again',
    });

    await action.handler(again.ctx);

    expect(again.outputs.status).toBe('empty');
  });

  it('promotes the image tag of a Helm service in its values.yaml, which the chart renders', async () => {
    const shop = helmShop();
    const { repo, repoUrl } = await github.newRepo(shop);
    const { ctx, outputs } = await github.context({
      repoUrl,
      service: 'shop',
      from: 'dev',
      to: 'staging',
    });
    // Validation renders the chart too (the harness's helm binary).
    await createGitopsPromoteAction(github.deps()).handler(ctx);

    const octokit = github.octokit();
    const files = await github.pullFiles(
      repo,
      outputs.pullRequestNumber as number,
    );
    expect(files.map(f => [f.filename, f.additions, f.deletions])).toEqual([
      [SHOP_STAGING, 1, 1],
    ]);
    expect(files[0].patch).toContain('-  tag: 1.3.0');
    expect(files[0].patch).toContain('+  tag: 1.4.0');

    // helm template of the chart with the PR's staging values runs the promoted image.
    const { data: values } = await octokit.repos.getContent({
      owner: OWNER,
      repo,
      path: SHOP_STAGING,
      ref: outputs.branch as string,
    });
    const dir = join(github.tmp, `render-${repo}`);
    const local = {
      ...shop,
      [SHOP_STAGING]: Buffer.from(
        (values as { content: string }).content,
        'base64',
      ).toString('utf8'),
    };
    for (const [path, text] of Object.entries(local)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    const rendered = await run(HELM, [
      'template',
      'shop',
      join(dir, 'apps/shop/chart'),
      '--values',
      join(dir, SHOP_STAGING),
    ]);
    const images = parseAllDocuments(rendered)
      .map(doc => doc.toJSON())
      .filter(object => object?.kind === 'Deployment')
      .flatMap(object =>
        object.spec.template.spec.containers.map(
          (c: { image: string }) => c.image,
        ),
      );
    expect(images).toEqual(['ghcr.io/acme/shop:1.4.0']);
  });

  it.each([
    ['the same environment twice', { to: 'staging' }],
    ['an environment without an overlay', { to: 'qa' }],
    ['a missing service', { service: undefined }],
  ])('refuses %s with an InputError', async (_case, override) => {
    const { repoUrl } = await github.untouchedRepo();
    const { ctx } = await github.context({
      ...promotion,
      repoUrl,
      ...override,
    });

    await expect(
      createGitopsPromoteAction(github.deps()).handler(ctx),
    ).rejects.toBeInstanceOf(InputError);
  });
});
