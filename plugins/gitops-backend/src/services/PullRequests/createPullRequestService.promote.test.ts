import { mockServices } from '@backstage/backend-test-utils';
import { GithubEmulator, startGithubEmulator } from '@internal/github-emulator';
import { generateServiceManifests } from '@gitops-portal/plugin-gitops-node';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createPullRequestService } from './createPullRequestService';

const KUBECTL =
  [resolve(__dirname, '../../../../../.tools/kubectl/kubectl/kubectl')].find(
    existsSync,
  ) ?? 'kubectl';
const TOKEN = 'promote-test-token';

/** Promotions (rollbacks: createPullRequestService.test.ts). */
describe('PullRequestService.promote', () => {
  const HELM = resolve(__dirname, '../../../../../.tools/kubectl/helm/helm');
  let dataDir: string;
  let github: GithubEmulator;
  let counter = 0;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'gitops-promote-'));
    github = await startGithubEmulator({ dataDir, tokens: [TOKEN] });
  });
  afterAll(async () => {
    await github?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

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
    const host = new URL(github.url).host;
    const service = createPullRequestService({
      config: mockServices.rootConfig({
        data: {
          integrations: {
            github: [{ host, apiBaseUrl: github.url, token: TOKEN }],
          },
          gitops: {
            configRepo: { host, owner: 'acme', repo, branch: 'main' },
            validation: { kubectlPath: KUBECTL, helmPath: HELM },
          },
        },
      }),
      logger: mockServices.logger.mock(),
    });

    const result = await service.promote({
      entityRef: 'component:default/shop',
      service: 'shop',
      from: 'dev',
      to: 'staging',
    });

    const response = await fetch(
      `${github.url}/repos/acme/${repo}/pulls/${result.number}/files`,
      { headers: { authorization: `token ${TOKEN}` } },
    );
    const files: Array<{ filename: string; patch: string }> =
      await response.json();
    expect(files.map(f => f.filename)).toEqual([path]);
    for (const line of lines) expect(files[0].patch).toContain(line);
  });
});
