import { GithubClient } from '../github/createGithubClient';
import {
  ConfigRepoCommit,
  ConfigRepoId,
  ConfigRepoReader,
  ConfigRepoTreeEntry,
} from './types';

const escapeRegExp = (text: string) =>
  text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const firstLine = (message: string) => message.split('\n')[0];

const statusOf = (error: unknown) => (error as { status?: number }).status;

/** Calls `read`, answering undefined for the statuses GitHub uses for "no such thing here". */
async function unlessMissing<T>(
  read: () => Promise<T>,
  missing: number[] = [404],
): Promise<T | undefined> {
  try {
    return await read();
  } catch (error) {
    if (missing.includes(statusOf(error) ?? 0)) return undefined;
    throw error;
  }
}

/**
 * The config-repo reader on a GitHub client (build the client per operation: App tokens expire).
 *
 * @public
 */
export function createConfigRepoReader(
  octokit: GithubClient,
  id: ConfigRepoId,
): ConfigRepoReader {
  const { owner, repo } = id;
  const blobs = new Map<string, Promise<string>>();

  const reader: ConfigRepoReader = {
    id: { owner, repo },

    async readFile(path, ref) {
      const response = await unlessMissing(() =>
        octokit.repos.getContent({ owner, repo, path, ref }),
      );
      const data = response?.data;
      if (!data || Array.isArray(data) || data.type !== 'file') {
        return undefined;
      }
      return Buffer.from(data.content, 'base64').toString('utf8');
    },

    async readTree(ref) {
      const { data } = await octokit.git.getTree({
        owner,
        repo,
        tree_sha: ref,
        recursive: '1',
      });
      if (data.truncated) {
        throw new Error(
          `The tree of ${owner}/${repo}@${ref} is too large to list in one call`,
        );
      }
      const entries: ConfigRepoTreeEntry[] = [];
      for (const entry of data.tree) {
        if (entry.path && entry.sha && entry.mode && entry.type) {
          entries.push({
            path: entry.path,
            mode: entry.mode,
            type: entry.type as ConfigRepoTreeEntry['type'],
            sha: entry.sha,
          });
        }
      }
      return { sha: data.sha, entries };
    },

    async listFiles(dir, ref) {
      const { entries } = await reader.readTree(ref);
      return entries.filter(
        entry => entry.type === 'blob' && entry.path.startsWith(`${dir}/`),
      );
    },

    async serviceFiles(service, ref) {
      const { entries } = await reader.readTree(ref);
      const registration = new RegExp(
        `^clusters/.+/${escapeRegExp(service)}(-appset|-previews)?\\.yaml$`,
      );
      const blobsOnly = entries.filter(entry => entry.type === 'blob');
      return {
        files: blobsOnly.filter(entry =>
          entry.path.startsWith(`apps/${service}/`),
        ),
        registrations: blobsOnly
          .map(entry => entry.path)
          .filter(path => registration.test(path)),
      };
    },

    readBlob(sha) {
      let text = blobs.get(sha);
      if (!text) {
        text = octokit.git
          .getBlob({ owner, repo, file_sha: sha })
          .then(({ data }) =>
            Buffer.from(data.content, data.encoding as BufferEncoding).toString(
              'utf8',
            ),
          );
        blobs.set(sha, text);
      }
      return text;
    },

    async lastCommitTouching(path, ref) {
      const { data } = await octokit.repos.listCommits({
        owner,
        repo,
        sha: ref,
        path,
        per_page: 1,
      });
      const last = data[0];
      if (!last) return undefined;
      return {
        sha: last.sha,
        message: firstLine(last.commit.message),
        parentSha: last.parents[0]?.sha,
      };
    },

    async compare(base, head) {
      const response = await unlessMissing(
        () =>
          octokit.repos.compareCommits({
            owner,
            repo,
            base,
            head,
            per_page: 1,
          }),
        // 422: not a commit sha at all (a chart version, an OCI digest).
        [404, 422],
      );
      if (!response) return undefined;
      const { status, base_commit: commit } = response.data;
      const baseCommit: ConfigRepoCommit = {
        sha: commit.sha,
        message: firstLine(commit.commit.message),
        parentSha: commit.parents[0]?.sha,
      };
      return { status, base: baseCommit };
    },
  };
  return reader;
}
