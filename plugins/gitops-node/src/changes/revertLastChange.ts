import { InputError } from '@backstage/errors';
import { GithubClient } from '../github/createGithubClient';

export interface OverlayRevert {
  /** The commit being reverted (the last one touching the overlay). */
  commitSha: string;
  commitMessage: string;
  /** The overlay as it was in that commit's parent (`null`: did not exist then). */
  files: Record<string, string | null>;
}

async function filesUnder(
  octokit: GithubClient,
  target: { owner: string; repo: string },
  commitSha: string,
  dir: string,
) {
  const { data } = await octokit.git.getTree({
    owner: target.owner,
    repo: target.repo,
    tree_sha: commitSha,
    recursive: 'true',
  });
  return data.tree.filter(
    entry => entry.type === 'blob' && entry.path?.startsWith(`${dir}/`),
  );
}

/**
 * The change that reverts the last commit touching `dir` on `branch`: its
 * files as they were in that commit's parent. Only reads.
 */
export async function revertLastChange(
  octokit: GithubClient,
  target: { owner: string; repo: string },
  branch: string,
  dir: string,
): Promise<OverlayRevert> {
  const { data: commits } = await octokit.repos.listCommits({
    owner: target.owner,
    repo: target.repo,
    sha: branch,
    path: dir,
    per_page: 1,
  });
  const last = commits[0];
  if (!last) throw new InputError(`No commit touches ${dir} on ${branch}`);
  const parent = last.parents[0]?.sha;
  if (!parent) {
    throw new InputError(
      `${dir} was created by the first commit; there is nothing to roll back to`,
    );
  }
  const [now, before] = await Promise.all([
    filesUnder(octokit, target, last.sha, dir),
    filesUnder(octokit, target, parent, dir),
  ]);
  if (before.length === 0) {
    throw new InputError(
      `${dir} did not exist before ${last.sha.slice(
        0,
        7,
      )}; decommission the service instead`,
    );
  }
  const files: Record<string, string | null> = {};
  for (const entry of now) files[entry.path!] = null;
  for (const entry of before) {
    const { data } = await octokit.git.getBlob({
      owner: target.owner,
      repo: target.repo,
      file_sha: entry.sha!,
    });
    files[entry.path!] = Buffer.from(data.content, 'base64').toString('utf8');
  }
  return {
    commitSha: last.sha,
    commitMessage: last.commit.message.split('\n')[0],
    files,
  };
}
