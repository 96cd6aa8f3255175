import { generateServiceManifests } from '@gitops-portal/plugin-gitops-node';
import { resolve } from 'node:path';
import { usePullRequestService } from '../../__testUtils__/pullRequestService';

const TOKEN = 'promote-test-token';

/** Promotions (rollbacks: createPullRequestService.test.ts). */
describe('PullRequestService.promote', () => {
  const HELM = resolve(__dirname, '../../../../../.tools/kubectl/helm/helm');
  const pullRequests = usePullRequestService(TOKEN);
  let counter = 0;

  it.each([
    [
      'a Kustomize service in its overlay',
      'kustomize' as const,
      'apps/shop/overlays/staging/kustomization.yaml',
      ['-    newTag: 1.3.0', '+    newTag: 1.4.0'],
    ],
    [
      'a Helm service in its values.yaml',
      'helm' as const,
      'apps/shop/overlays/staging/values.yaml',
      ['-  tag: 1.3.0', '+  tag: 1.4.0'],
    ],
  ])('promotes the image of %s', async (_case, packaging, path, lines) => {
    const repo = `promote-${++counter}`;
    const { github } = pullRequests;
    await github.createRepo('acme', repo, {
      files: generateServiceManifests({
        name: 'shop',
        team: 'team-a',
        image: 'ghcr.io/acme/shop',
        packaging,
        environments: [
          { name: 'dev', replicas: 1, imageTag: '1.4.0' },
          { name: 'staging', replicas: 2, imageTag: '1.3.0' },
        ],
        delivery: { engine: 'argocd', repoUrl: github.gitUrl('acme', repo) },
      }),
    });
    const service = pullRequests.service(repo, {
      validation: { helmPath: HELM },
    });

    const result = await service.promote({
      entityRef: 'component:default/shop',
      service: 'shop',
      from: 'dev',
      to: 'staging',
    });

    const files = await pullRequests.pullRequestFiles(repo, result.number);
    expect(files.map(f => f.filename)).toEqual([path]);
    for (const line of lines) expect(files[0].patch).toContain(line);
  });
});
