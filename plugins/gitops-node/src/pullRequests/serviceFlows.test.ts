import { KUBECTL, useGithub } from '../__testUtils__/harness';
import { seededRepoFiles, webService } from '../__testUtils__/fixtures';
import { generateServiceManifests } from '../manifests/generateServiceManifests';
import { promoteImage } from '../manifests/promoteImage';
import { openConfigRepoPullRequest } from './openConfigRepoPullRequest';

describe('scaffolder and promotion flows', () => {
  const github = useGithub();

  it('a new service is one validated PR in 8 API calls, every overlay rendered', async () => {
    const id = await github.newRepo({ 'README.md': '# gitops-config\n' });
    const { octokit, calls } = await github.client();
    const files = generateServiceManifests(
      webService({
        name: 'checkout',
        migration: { command: ['./migrate'] },
        hpa: { minReplicas: 2, maxReplicas: 4 },
      }),
    );
    const result = await openConfigRepoPullRequest({
      octokit,
      ...id,
      branch: 'gitops/create/checkout',
      title: 'Create checkout',
      change: { files },
      validate: { kubectlPath: KUBECTL },
    });
    expect(result.status).toBe('opened');
    expect(calls).toHaveLength(8);
    expect(result.validation.overlays.map(o => o.path)).toEqual([
      'apps/checkout/overlays/dev',
      'apps/checkout/overlays/prod',
      'apps/checkout/overlays/staging',
    ]);
    expect(result.validation.manifests.map(m => m.path)).toContain(
      'clusters/prod/argocd/checkout.yaml',
    );
    expect(
      await github.readFromClone(
        id,
        result.branch,
        'apps/checkout/base/workload.yaml',
      ),
    ).toBe(files['apps/checkout/base/workload.yaml']);
  });

  it('promotes staging to prod with a structured edit and validates the prod overlay', async () => {
    const files = seededRepoFiles();
    const path = 'apps/web/overlays/prod/kustomization.yaml';
    files[path] = `# prod: change through the portal only\n${files[path]}`;
    const id = await github.newRepo(files);
    const { octokit } = await github.client();
    const result = await openConfigRepoPullRequest({
      octokit,
      ...id,
      branch: 'gitops/promote/web-prod',
      title: 'Promote web to prod',
      change: {
        yamlEdits: [
          promoteImage({ service: 'web', from: 'staging', to: 'prod' }),
        ],
      },
      validate: { kubectlPath: KUBECTL },
    });
    expect(result.changedFiles).toEqual([path]);
    expect(result.validation.overlays.map(o => o.path)).toEqual([
      'apps/web/overlays/prod',
    ]);
    expect(await github.readFromClone(id, result.branch, path)).toBe(
      files[path].replace('newTag: 1.3.1', 'newTag: 1.3.2'),
    );
  });

  it('promoting an environment that already runs the same image is empty', async () => {
    const files = seededRepoFiles();
    const id = await github.newRepo(files);
    const { octokit } = await github.client();
    // Make prod run what staging runs, then promote again.
    const first = await openConfigRepoPullRequest({
      octokit,
      ...id,
      branch: 'gitops/promote/web-prod',
      title: 'Promote',
      change: {
        yamlEdits: [
          promoteImage({ service: 'web', from: 'staging', to: 'prod' }),
        ],
      },
      validate: false,
    });
    await octokit.pulls.merge({ ...id, pull_number: first.number! });
    const second = await openConfigRepoPullRequest({
      octokit,
      ...id,
      branch: 'gitops/promote/web-prod-2',
      title: 'Promote again',
      change: {
        yamlEdits: [
          promoteImage({ service: 'web', from: 'staging', to: 'prod' }),
        ],
      },
      validate: false,
    });
    expect(second.status).toBe('empty');
  });
});
