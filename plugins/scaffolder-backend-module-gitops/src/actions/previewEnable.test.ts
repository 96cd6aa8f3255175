import { InputError } from '@backstage/errors';
import { generateServiceManifests } from '@gitops-portal/plugin-gitops-node';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { OWNER, useConfigRepo } from '../__testUtils__/harness';
import { createGitopsPreviewEnableAction } from './previewEnable';

/*
 * `gitops:preview:enable` against the GitHub emulator: the seeded `web` service (Argo CD, Kustomize) and a Flux
 * service added for the Flux case. The generated objects themselves: gitops-node `previewEnvironments.test.ts`.
 * Authorization: the initiator tests (`__testUtils__/initiatorRuns.ts`).
 */

const fluxLedger = generateServiceManifests({
  name: 'ledger',
  team: 'finance',
  image: 'ghcr.io/acme/ledger',
  environments: [{ name: 'dev', replicas: 1, imageTag: '1.0.0' }],
  delivery: { engine: 'flux' },
});

describe('gitops:preview:enable', () => {
  const github = useConfigRepo();

  async function docsOnBranch(repo: string, branch: string, path: string) {
    const dir = await github.clone(repo, branch);
    const text = await readFile(join(dir, path), 'utf8');
    return parseAllDocuments(text).map(doc => doc.toJSON());
  }

  const serviceRepoUrl = () =>
    `${new URL(github.emulator.url).host}?owner=${OWNER}&repo=web`;

  it('opens a PR with an ApplicationSet whose pull-request generator lists the service repo', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const { ctx, outputs } = await github.context({
      repoUrl,
      service: 'web',
      environment: 'dev',
      serviceRepoUrl: serviceRepoUrl(),
      previewLabels: ['preview'],
    });

    await createGitopsPreviewEnableAction(github.deps()).handler(ctx);

    expect(outputs).toMatchObject({
      status: 'opened',
      branch: 'gitops/preview/web-dev',
      changedFiles: ['clusters/dev/argocd/web-previews.yaml'],
    });
    const [appSet] = await docsOnBranch(
      repo,
      outputs.branch as string,
      'clusters/dev/argocd/web-previews.yaml',
    );
    expect(appSet.spec.generators[0].pullRequest.github).toMatchObject({
      owner: OWNER,
      repo: 'web',
      api: github.emulator.apiUrl,
      labels: ['preview'],
    });
  });

  it('says what it adds and that validation passed it in the PR body', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const { ctx } = await github.context({
      repoUrl,
      service: 'web',
      environment: 'dev',
      serviceRepoUrl: serviceRepoUrl(),
    });

    await createGitopsPreviewEnableAction(github.deps()).handler(ctx);

    const [pull] = await github.pulls(repo);
    expect(pull.body).toContain(
      'ApplicationSet with the pull-request generator',
    );
    // The existing validation path: rendered, policy-checked (the schema as far as the estate's CRDs go).
    expect(pull.body).toContain(
      '| `clusters/dev/argocd/web-previews.yaml` | 1 | passed |',
    );
  });

  it('opens a PR with a Flux Operator ResourceSet for a Flux service', async () => {
    const { repo, repoUrl } = await github.newRepo(fluxLedger);
    const { ctx, outputs } = await github.context({
      repoUrl,
      service: 'ledger',
      environment: 'dev',
      serviceRepoUrl: serviceRepoUrl(),
    });

    await createGitopsPreviewEnableAction(github.deps()).handler(ctx);

    expect(outputs.changedFiles).toEqual([
      'clusters/dev/flux/ledger-previews.yaml',
    ]);
    const kinds = (
      await docsOnBranch(
        repo,
        outputs.branch as string,
        'clusters/dev/flux/ledger-previews.yaml',
      )
    ).map(doc => doc.kind);
    expect(kinds).toEqual(['ResourceSetInputProvider', 'ResourceSet']);
  });

  it('writes nothing on a dry run and reports the file it would add', async () => {
    const { repo, repoUrl } = await github.untouchedRepo();
    const { ctx, outputs } = await github.context(
      {
        repoUrl,
        service: 'web',
        environment: 'staging',
        serviceRepoUrl: serviceRepoUrl(),
      },
      { isDryRun: true },
    );

    await createGitopsPreviewEnableAction(github.deps()).handler(ctx);

    expect(outputs.status).toBe('dry-run');
    expect(outputs.changedFiles).toEqual([
      'clusters/staging/argocd/web-previews.yaml',
    ]);
    expect(await github.pulls(repo)).toEqual([]);
  });

  it.each([
    [
      'a service whose preview namespace would be too long',
      { service: 'w'.repeat(54) },
      'at most 53 characters',
    ],
    [
      'a poll interval under 30 seconds',
      { requeueAfterSeconds: 5 },
      'at least 30 seconds',
    ],
    ['an empty label', { previewLabels: [''] }, 'must not be empty'],
    [
      'a service repo on a host without a GitHub integration',
      { serviceRepoUrl: 'gitlab.example.com?owner=acme&repo=web' },
      'No matching integration configuration',
    ],
    [
      'a service not delivered to the environment',
      { service: 'nope' },
      'delivers no nope to dev',
    ],
  ])('refuses %s with an InputError', async (_case, extra, message) => {
    const { repo, repoUrl } = await github.untouchedRepo();
    const { ctx } = await github.context({
      repoUrl,
      service: 'web',
      environment: 'dev',
      serviceRepoUrl: serviceRepoUrl(),
      ...extra,
    });

    const run = createGitopsPreviewEnableAction(github.deps()).handler(ctx);

    await expect(run).rejects.toBeInstanceOf(InputError);
    await expect(run).rejects.toThrow(message);
    expect(await github.pulls(repo)).toEqual([]);
  });
});
