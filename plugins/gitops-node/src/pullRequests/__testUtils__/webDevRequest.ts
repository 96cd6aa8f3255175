import { KUBECTL } from '../../__testUtils__/harness';
import type { ConfigRepoId } from '../../configRepo/types';
import { GithubClient } from '../../github/createGithubClient';
import { OpenConfigRepoPullRequestOptions } from '../openConfigRepoPullRequest';

/** The request the openConfigRepoPullRequest tests start from: a docs change on `gitops/test/web-dev`, validated. */
export function webDevRequest(
  octokit: GithubClient,
  id: ConfigRepoId,
  overrides: Partial<OpenConfigRepoPullRequestOptions> = {},
): OpenConfigRepoPullRequestOptions {
  return {
    octokit,
    ...id,
    branch: 'gitops/test/web-dev',
    title: 'Change web in dev',
    body: 'Requested from the portal.',
    change: { files: { 'docs/notes.md': 'hello\n' } },
    validate: { kubectlPath: KUBECTL },
    ...overrides,
  };
}
