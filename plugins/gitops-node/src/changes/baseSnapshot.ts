import { GithubClient } from '../github/createGithubClient';
import { ConfigRepoReader, ConfigRepoTreeEntry } from '../configRepo/types';
import { mapLimit } from '../lib/mapLimit';

/** The base branch as the writer sees it: its head commit, root tree and every entry. */
export interface BaseSnapshot {
  branch: string;
  commitSha: string;
  treeSha: string;
  entries: Map<string, ConfigRepoTreeEntry>;
}

export interface RepoRef {
  octokit: GithubClient;
  owner: string;
  repo: string;
}

/**
 * Two API calls: the branch ref, then the commit's whole tree through the
 * config-repo reader (which also returns the tree sha).
 */
export async function readBaseSnapshot(
  { octokit, owner, repo }: RepoRef,
  reader: ConfigRepoReader,
  branch: string,
): Promise<BaseSnapshot> {
  const ref = await octokit.git.getRef({ owner, repo, ref: `heads/${branch}` });
  const commitSha = ref.data.object.sha;
  const tree = await reader.readTree(commitSha);
  const entries = new Map(tree.entries.map(entry => [entry.path, entry]));
  return { branch, commitSha, treeSha: tree.sha, entries };
}

/** Reads a blob of the base tree as UTF-8 (the reader reads each sha once). */
export type BlobReader = ConfigRepoReader['readBlob'];

/** Blob reads one caller keeps in flight: enough to overlap round trips, few enough not to burst the API. */
export const BLOB_READS_IN_FLIGHT = 4;

/** Reads many blobs with a small concurrency, so a big directory does not burst the API. */
export async function readBlobs(
  read: BlobReader,
  entries: ConfigRepoTreeEntry[],
  concurrency = BLOB_READS_IN_FLIGHT,
): Promise<Record<string, string>> {
  const texts = await mapLimit(entries, concurrency, entry => read(entry.sha));
  return Object.fromEntries(entries.map((entry, i) => [entry.path, texts[i]]));
}
