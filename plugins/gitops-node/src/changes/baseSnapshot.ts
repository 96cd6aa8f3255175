import { GithubClient } from '../github/createGithubClient';
import { BaseTreeEntry } from './types';

/** The base branch as the writer sees it: its head commit, root tree and every entry. */
export interface BaseSnapshot {
  branch: string;
  commitSha: string;
  treeSha: string;
  entries: Map<string, BaseTreeEntry>;
}

export interface RepoRef {
  octokit: GithubClient;
  owner: string;
  repo: string;
}

/** Two API calls: the branch ref, then the commit's whole tree (`recursive=1`, which also returns the tree sha). */
export async function readBaseSnapshot(
  { octokit, owner, repo }: RepoRef,
  branch: string,
): Promise<BaseSnapshot> {
  const ref = await octokit.git.getRef({ owner, repo, ref: `heads/${branch}` });
  const commitSha = ref.data.object.sha;
  const tree = await octokit.git.getTree({
    owner,
    repo,
    tree_sha: commitSha,
    recursive: '1',
  });
  if (tree.data.truncated) {
    throw new Error(
      `The tree of ${owner}/${repo}@${branch} is too large to list in one call`,
    );
  }
  const entries = new Map<string, BaseTreeEntry>();
  for (const entry of tree.data.tree) {
    if (entry.path && entry.sha && entry.mode && entry.type) {
      entries.set(entry.path, {
        path: entry.path,
        mode: entry.mode,
        type: entry.type as BaseTreeEntry['type'],
        sha: entry.sha,
      });
    }
  }
  return { branch, commitSha, treeSha: tree.data.sha, entries };
}

/** Reads blobs of the base tree as UTF-8, once per sha. */
export function createBlobReader({ octokit, owner, repo }: RepoRef) {
  const cache = new Map<string, Promise<string>>();
  return (sha: string): Promise<string> => {
    let text = cache.get(sha);
    if (!text) {
      text = octokit.git
        .getBlob({ owner, repo, file_sha: sha })
        .then(({ data }) =>
          Buffer.from(data.content, data.encoding as BufferEncoding).toString(
            'utf8',
          ),
        );
      cache.set(sha, text);
    }
    return text;
  };
}

export type BlobReader = ReturnType<typeof createBlobReader>;

/** Reads many blobs with a small concurrency, so a big directory does not burst the API. */
export async function readBlobs(
  read: BlobReader,
  entries: BaseTreeEntry[],
  concurrency = 4,
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  let next = 0;
  async function worker() {
    while (next < entries.length) {
      const entry = entries[next++];
      out[entry.path] = await read(entry.sha);
    }
  }
  await Promise.all(
    Array.from({ length: Math.min(concurrency, entries.length) }, worker),
  );
  return out;
}
