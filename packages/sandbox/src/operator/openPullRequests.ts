/*
 * The open pull requests of a repository in the GitHub emulator, as the engines' pull-request generators list them:
 * Argo CD's ApplicationSet `pullRequest.github` generator (pullRequestGenerator.ts) and the Flux Operator's
 * ResourceSetInputProvider of type GitHubPullRequest (resourceSetGenerator.ts). Both keep only the pull requests
 * carrying every label of their filter.
 */
import type { OperatorSource } from './types';

/** What the generators read of a pull request (GitHub's REST shape, as the emulator serves it). */
export interface OpenPullRequest {
  number: number;
  title: string;
  head: { ref: string; sha: string };
  base: { ref: string };
  labels: Array<{ name: string }>;
  user: { login: string };
}

/** The GitHub emulator's API and the operator's token. */
export type PullRequestSource = Pick<OperatorSource, 'apiUrl' | 'token'>;

/** The open pull requests of `owner/repo` carrying every one of `labels` (none: all of them). */
export async function openPullRequests(
  source: PullRequestSource,
  owner: string,
  repo: string,
  labels: string[] = [],
): Promise<OpenPullRequest[]> {
  const response = await fetch(
    `${source.apiUrl}/repos/${owner}/${repo}/pulls?state=open&per_page=100`,
    { headers: { authorization: `token ${source.token}` } },
  );
  if (!response.ok)
    throw new Error(
      `listing the pull requests of ${owner}/${repo}: HTTP ${response.status}`,
    );
  const pulls = (await response.json()) as OpenPullRequest[];
  return pulls.filter(pull =>
    labels.every(label => pull.labels.some(l => l.name === label)),
  );
}
