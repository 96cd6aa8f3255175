import { InputError } from '@backstage/errors';
import { parseAllDocuments } from 'yaml';
import { checkpointStore, run, useConfigRepo } from '../__testUtils__/harness';
import { createGitopsCrossplaneClaimAction } from './crossplaneClaim';
import { postgresXrd } from './crossplaneClaim.examples';

const claim = {
  service: 'web',
  name: 'web-db',
  xrd: postgresXrd,
  parameters: { storageGB: 20 },
};

describe('gitops:crossplane:claim', () => {
  const github = useConfigRepo();

  it('writes the claim with its connection secret under the owning service', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const { ctx, outputs } = await github.context({ ...claim, repoUrl });

    await createGitopsCrossplaneClaimAction(github.deps()).handler(ctx);

    const dir = await github.clone(repo, outputs.branch as string);
    const text = await run('cat', ['apps/web/claims/web-db.yaml'], dir);
    expect(text).toContain('apiVersion: database.acme.io/v1alpha1');
    expect(text).toContain('name: web-db-connection');
  });

  it("labels the claim with the service's backstage.io/kubernetes-id, so it maps to the entity once applied", async () => {
    const { repo, repoUrl } = await github.newRepo();
    const { ctx, outputs } = await github.context({ ...claim, repoUrl });

    await createGitopsCrossplaneClaimAction(github.deps()).handler(ctx);

    const { rendered } = await github.renderTouchedOverlays(
      repo,
      outputs.branch as string,
      ['apps/web/overlays/prod/kustomization.yaml'],
    );
    const [renderedClaim] = parseAllDocuments(
      rendered['apps/web/overlays/prod'],
    )
      .map(doc => doc.toJS())
      .filter(doc => doc?.kind === 'PostgreSQLInstance');
    expect(renderedClaim.metadata.labels).toMatchObject({
      'backstage.io/kubernetes-id': 'web',
    });
  });

  it('adds a second claim to the existing claims kustomization', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const action = createGitopsCrossplaneClaimAction(github.deps());
    const first = await github.context({ ...claim, repoUrl });
    await action.handler(first.ctx);
    await github.octokit().pulls.merge({
      owner: 'acme',
      repo,
      pull_number: first.outputs.pullRequestNumber as number,
    });
    const second = await github.context({
      ...claim,
      name: 'web-cache-db',
      repoUrl,
    });

    await action.handler(second.ctx);

    const { rendered } = await github.renderTouchedOverlays(
      repo,
      second.outputs.branch as string,
      ['apps/web/overlays/prod/kustomization.yaml'],
    );
    expect(rendered['apps/web/overlays/prod']).toContain('name: web-db\n');
    expect(rendered['apps/web/overlays/prod']).toContain(
      'name: web-cache-db\n',
    );
  });

  it('writes nothing on a dry run', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const { ctx, outputs } = await github.context(
      { ...claim, repoUrl },
      { isDryRun: true },
    );

    await createGitopsCrossplaneClaimAction(github.deps()).handler(ctx);

    expect(outputs.changedFiles).toContain('apps/web/claims/web-db.yaml');
    expect(await github.pulls(repo)).toEqual([]);
  });

  it('replays the checkpoint instead of writing again', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const store = checkpointStore();
    const action = createGitopsCrossplaneClaimAction(github.deps());
    const statuses = [];
    for (let attempt = 0; attempt < 2; attempt++) {
      const { ctx, outputs } = await github.context(
        { ...claim, repoUrl },
        { checkpoint: store.checkpoint },
      );
      await action.handler(ctx);
      statuses.push(outputs.status);
    }
    expect(statuses).toEqual(['opened', 'opened']);
    expect(await github.pulls(repo)).toHaveLength(1);
  });

  it.each([
    [
      'a missing required parameter',
      { parameters: {} },
      /storageGB is required/,
    ],
    [
      'a value below the minimum',
      { parameters: { storageGB: 1 } },
      /at least 10/,
    ],
    [
      'a value outside the enum',
      { parameters: { storageGB: 20, tier: 'huge' } },
      /one of/,
    ],
    [
      'a value of the wrong type',
      { parameters: { storageGB: '20' } },
      /type integer/,
    ],
    [
      'an XRD without a claim kind',
      { xrd: { ...postgresXrd, claimKind: undefined } },
      /no claim/,
    ],
    ['a service without overlays', { service: 'ghost' }, /no overlays/],
  ])('refuses %s with an InputError', async (_case, override, message) => {
    const { repo, repoUrl } = await github.untouchedRepo();
    const { ctx } = await github.context({ ...claim, repoUrl, ...override });

    const result = createGitopsCrossplaneClaimAction(github.deps()).handler(
      ctx,
    );

    await expect(result).rejects.toBeInstanceOf(InputError);
    await expect(result).rejects.toThrow(message);
    expect(await github.pulls(repo)).toEqual([]);
  });
});
