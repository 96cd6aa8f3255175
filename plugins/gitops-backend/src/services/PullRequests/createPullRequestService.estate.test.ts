import { describeWithEstate, estateFiles } from '@internal/estate-fixtures';
import { mockServices } from '@backstage/backend-test-utils';
import { GithubEmulator, startGithubEmulator } from '@internal/github-emulator';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createPullRequestService } from './createPullRequestService';

const KUBECTL =
  [resolve(__dirname, '../../../../../.tools/kubectl/kubectl/kubectl')].find(
    existsSync,
  ) ?? 'kubectl';
const TOKEN = 'estate-promote-token';
/** The public Flux example estate, read at test time (never copied into the repo). */
const ESTATE = 'flux2-kustomize-helm-example';
const VALUES = 'apps/production/podinfo-values.yaml';

/** A promotion through the service on an estate laid out its own way (Flux's apps/<env>/ folders). */
describeWithEstate(
  ESTATE,
  'PullRequestService.promote on the flux2-kustomize-helm-example estate',
  () => {
    let dataDir: string;
    let github: GithubEmulator;

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'gitops-estate-promote-'));
      github = await startGithubEmulator({ dataDir, tokens: [TOKEN] });
    });
    afterAll(async () => {
      await github?.close();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('promotes the HelmRelease chart version from staging to production in apps/production/podinfo-values.yaml', async () => {
      const files = estateFiles(ESTATE, 'apps');
      await github.createRepo('acme', 'flux-estate', { files });
      const host = new URL(github.url).host;
      const service = createPullRequestService({
        config: mockServices.rootConfig({
          data: {
            integrations: {
              github: [{ host, apiBaseUrl: github.url, token: TOKEN }],
            },
            gitops: {
              environments: ['staging', 'production'],
              configRepo: {
                host,
                owner: 'acme',
                repo: 'flux-estate',
                branch: 'main',
              },
              validation: {
                kubectlPath: KUBECTL,
                // The public example labels nothing with our team/env labels.
                rules: { 'team-env-labels': { enabled: false } },
              },
            },
          },
        }),
        logger: mockServices.logger.mock(),
      });

      const result = await service.promote({
        entityRef: 'component:default/podinfo',
        service: 'podinfo',
        from: 'staging',
        to: 'production',
      });

      const response = await fetch(
        `${github.url}/repos/acme/flux-estate/pulls/${result.number}/files`,
        { headers: { authorization: `token ${TOKEN}` } },
      );
      const changed: Array<{ filename: string; patch: string }> =
        await response.json();
      expect(changed.map(f => f.filename)).toEqual([VALUES]);
      expect(changed[0].patch).toContain('-      version: ">=1.0.0"');
      expect(changed[0].patch).toContain('+      version: ">=1.0.0-alpha"');
    });
  },
);
