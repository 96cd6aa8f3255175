import { ConflictError } from '@backstage/errors';
import { RepoRef } from '../changes/baseSnapshot';
import { isGithubStatus } from '../github/errors';

/**
 * Refuses a change branch that is the repo's default branch or a protected
 * branch, as GitHub reports them now (the config may name another base, and
 * protection changes without the portal knowing). Two reads, no write.
 */
export async function assertBranchWritable(
  { octokit, owner, repo }: RepoRef,
  branch: string,
): Promise<void> {
  const { data } = await octokit.repos.get({ owner, repo });
  if (data.default_branch === branch) {
    throw new ConflictError(
      `branch "${branch}" is the default branch of ${owner}/${repo}; the portal never writes to it`,
    );
  }
  try {
    const found = await octokit.repos.getBranch({ owner, repo, branch });
    if (found.data.protected) {
      throw new ConflictError(
        `branch "${branch}" is protected in ${owner}/${repo}; the portal never writes to it`,
      );
    }
  } catch (error) {
    // A branch that does not exist yet is not protected: the writer creates it.
    if (!isGithubStatus(error, 404)) throw error;
  }
}
