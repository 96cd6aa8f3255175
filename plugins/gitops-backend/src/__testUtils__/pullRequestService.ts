import { mockServices } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { GithubEmulator, startGithubEmulator } from '@internal/github-emulator';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPullRequestService } from '../services/PullRequests';
import { KUBECTL } from './configRepoBackend';

/**
 * A GitHub emulator accepting `token`, started before the file's tests and closed after them, and the
 * PullRequestService of one of its `acme/*` repos, configured as the plugin configures it.
 */
export function usePullRequestService(token: string) {
  let dataDir: string | undefined;
  let github: GithubEmulator | undefined;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'gitops-pull-requests-'));
    github = await startGithubEmulator({ dataDir, tokens: [token] });
  });
  afterAll(async () => {
    await github?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  return {
    get github(): GithubEmulator {
      return github!;
    },
    /**
     * The service of `acme/<repo>` (branch main) validating with the repo's kubectl; `gitops` adds to that
     * config (`validation` merged into the kubectl path).
     */
    service(
      repo: string,
      gitops: { environments?: string[]; validation?: JsonObject } = {},
    ) {
      const host = new URL(github!.url).host;
      return createPullRequestService({
        config: mockServices.rootConfig({
          data: {
            integrations: {
              github: [{ host, apiBaseUrl: github!.url, token }],
            },
            gitops: {
              ...(gitops.environments && {
                environments: gitops.environments,
              }),
              configRepo: { host, owner: 'acme', repo, branch: 'main' },
              validation: { kubectlPath: KUBECTL, ...gitops.validation },
            },
          },
        }),
        logger: mockServices.logger.mock(),
      });
    },
    /** The files a pull request of `acme/<repo>` changes, with their patches, as GitHub's REST API lists them. */
    async pullRequestFiles(
      repo: string,
      number: number,
    ): Promise<Array<{ filename: string; patch: string }>> {
      const response = await fetch(
        `${github!.url}/repos/acme/${repo}/pulls/${number}/files`,
        { headers: { authorization: `token ${token}` } },
      );
      return response.json();
    },
  };
}
