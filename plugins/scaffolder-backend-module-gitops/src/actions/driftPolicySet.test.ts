import { InputError } from '@backstage/errors';
import { generateServiceManifests } from '@gitops-portal/plugin-gitops-node';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { useConfigRepo } from '../__testUtils__/harness';
import { createGitopsDriftPolicySetAction } from './driftPolicySet';

/*
 * `gitops:drift-policy:set` against the GitHub emulator: the seeded `web` service (Argo CD Applications in dev,
 * staging and prod) and a Flux service added for the Flux cases. Authorization: the initiator tests
 * (`__testUtils__/initiatorRuns.ts`).
 */

const fluxLedger = generateServiceManifests({
  name: 'ledger',
  team: 'finance',
  image: 'ghcr.io/acme/ledger',
  environments: [{ name: 'prod', replicas: 1, imageTag: '1.0.0' }],
  delivery: { engine: 'flux' },
  packaging: 'helm',
});

// One ApplicationSet in clusters/dev/ delivers orders to dev and staging: no file of its own per environment.
const appSetOrders = generateServiceManifests({
  name: 'orders',
  team: 'payments',
  image: 'ghcr.io/acme/orders',
  environments: [
    { name: 'dev', replicas: 1, imageTag: '1.0.0' },
    { name: 'staging', replicas: 1, imageTag: '1.0.0' },
  ],
  delivery: {
    engine: 'argocd',
    mode: 'applicationset',
    repoUrl: 'https://github.com/acme/gitops-config',
  },
});

describe('gitops:drift-policy:set', () => {
  const github = useConfigRepo();

  async function docsOnBranch(repo: string, branch: string, path: string) {
    const dir = await github.clone(repo, branch);
    const text = await readFile(join(dir, path), 'utf8');
    return parseAllDocuments(text).map(doc => doc.toJSON());
  }

  it('opens a PR that sets selfHeal of the prod Application and leaves dev alone', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const { ctx, outputs } = await github.context({
      repoUrl,
      service: 'web',
      environment: 'prod',
      driftPolicy: { selfHeal: false },
    });

    await createGitopsDriftPolicySetAction(github.deps()).handler(ctx);

    expect(outputs).toMatchObject({
      status: 'opened',
      branch: 'gitops/drift-policy/web-prod',
      changedFiles: ['clusters/prod/argocd/web.yaml'],
    });
    const [app] = await docsOnBranch(
      repo,
      outputs.branch as string,
      'clusters/prod/argocd/web.yaml',
    );
    expect(app.spec.syncPolicy.automated).toEqual({
      prune: true,
      selfHeal: false,
    });
    const [pull] = await github.pulls(repo);
    expect(pull.body).toContain('- self-heal: off');
  });

  it('sets a Flux Kustomization and its HelmRelease interval', async () => {
    const { repo, repoUrl } = await github.newRepo(fluxLedger);
    const { ctx, outputs } = await github.context({
      repoUrl,
      service: 'ledger',
      environment: 'prod',
      driftPolicy: { prune: false, interval: '30m' },
    });

    await createGitopsDriftPolicySetAction(github.deps()).handler(ctx);

    expect(outputs.changedFiles).toEqual([
      'apps/ledger/overlays/prod/release.yaml',
      'clusters/prod/flux/ledger.yaml',
    ]);
    const [kustomization] = await docsOnBranch(
      repo,
      outputs.branch as string,
      'clusters/prod/flux/ledger.yaml',
    );
    expect(kustomization.spec).toMatchObject({
      prune: false,
      interval: '30m',
    });
  });

  it('writes nothing on a dry run and reports the file it would change', async () => {
    const { repo, repoUrl } = await github.untouchedRepo();
    const { ctx, outputs } = await github.context(
      {
        repoUrl,
        service: 'web',
        environment: 'dev',
        driftPolicy: { prune: false },
      },
      { isDryRun: true },
    );

    await createGitopsDriftPolicySetAction(github.deps()).handler(ctx);

    expect(outputs.status).toBe('dry-run');
    expect(outputs.changedFiles).toEqual(['clusters/dev/argocd/web.yaml']);
    expect(await github.pulls(repo)).toEqual([]);
  });

  it.each([
    ['an empty policy', 'web', { driftPolicy: {} }, 'at least one setting'],
    [
      'a bad interval',
      'web',
      { driftPolicy: { interval: 'daily' } },
      'Go duration',
    ],
    [
      'a Flux setting on an Argo CD service',
      'web',
      { driftPolicy: { interval: '5m' } },
      'not a setting of Argo CD',
    ],
    [
      'a service not delivered to the environment',
      'nope',
      { driftPolicy: { prune: false } },
      'delivers no nope to prod',
    ],
  ])(
    'refuses %s with an InputError',
    async (_case, service, extra, message) => {
      const { repo, repoUrl } = await github.untouchedRepo();
      const { ctx } = await github.context({
        repoUrl,
        service,
        environment: 'prod',
        ...extra,
      });

      const run = createGitopsDriftPolicySetAction(github.deps()).handler(ctx);

      await expect(run).rejects.toBeInstanceOf(InputError);
      await expect(run).rejects.toThrow(message);
      expect(await github.pulls(repo)).toEqual([]);
    },
  );

  it('refuses a service its ApplicationSet delivers, naming the service, the environment and the ApplicationSet', async () => {
    const { repo, repoUrl } = await github.newRepo(appSetOrders);
    const { ctx } = await github.context({
      repoUrl,
      service: 'orders',
      environment: 'staging',
      driftPolicy: { selfHeal: false },
    });

    const run = createGitopsDriftPolicySetAction(github.deps()).handler(ctx);

    await expect(run).rejects.toBeInstanceOf(InputError);
    await expect(run).rejects.toThrow(
      'orders has no Application of its own in staging: the ApplicationSet in clusters/dev/argocd/orders-appset.yaml delivers it, and writes one drift policy for all its environments',
    );
    expect(await github.pulls(repo)).toEqual([]);
  });
});
