import { RepoRef } from '../changes/baseSnapshot';
import { isGithubStatus, isUncertainWrite } from '../github/errors';

export interface PullRequestFields {
  baseBranch: string;
  branch: string;
  title: string;
  body: string;
  draft?: boolean;
}

export interface PullRequestRef {
  number: number;
  url: string;
}

/** The open pull request whose head is `owner:branch`, if any. */
export async function findOpenPullRequest(
  { octokit, owner, repo }: RepoRef,
  branch: string,
): Promise<PullRequestRef | undefined> {
  const { data } = await octokit.pulls.list({
    owner,
    repo,
    head: `${owner}:${branch}`,
    state: 'open',
    per_page: 1,
  });
  return data[0]
    ? { number: data[0].number, url: data[0].html_url }
    : undefined;
}

/**
 * Opens the pull request. When GitHub says one already exists for the head
 * (a concurrent run, or a create whose 5xx hid success) returns that one.
 */
export async function createOrFindPullRequest(
  repo: RepoRef,
  fields: PullRequestFields,
): Promise<PullRequestRef & { created: boolean }> {
  try {
    const { data } = await repo.octokit.pulls.create({
      owner: repo.owner,
      repo: repo.repo,
      base: fields.baseBranch,
      head: fields.branch,
      title: fields.title,
      body: fields.body,
      draft: fields.draft ?? false,
    });
    return { number: data.number, url: data.html_url, created: true };
  } catch (error) {
    const exists = isGithubStatus(error, 422, /already exists/i);
    if (!exists && !isUncertainWrite(error)) throw error;
    const found = await findOpenPullRequest(repo, fields.branch);
    if (!found) throw error;
    return { ...found, created: false };
  }
}
