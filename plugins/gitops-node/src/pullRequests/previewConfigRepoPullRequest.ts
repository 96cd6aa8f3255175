import { createConfigRepoReader } from '../configRepo/createConfigRepoReader';
import { changeDiff } from './changeDiff';
import {
  openConfigRepoPullRequest,
  OpenConfigRepoPullRequestOptions,
} from './openConfigRepoPullRequest';

/**
 * One file of a previewed change: what would happen to it, as a unified diff against the base branch.
 *
 * @public
 */
export interface PreviewedFile {
  path: string;
  change: 'write' | 'delete';
  diff: string;
}

/**
 * What a pull request would change, had it been opened; nothing was written.
 *
 * @public
 */
export interface ConfigRepoPullRequestPreview {
  /** `empty`: the base branch already has the change, no pull request would open. */
  status: 'preview' | 'empty';
  branch: string;
  files: PreviewedFile[];
}

/** Thrown by the halting hook at the first write; the writer's reads and validation have run. */
class PreviewHalt extends Error {}

/**
 * The change `openConfigRepoPullRequest` would push, without pushing it: the same reads, the same checks and the
 * same validation run (a change that would be refused is refused here too), and the writer stops at its first write
 * request. `mask` hides more than Secret values in the diffs (a scaffolder task's secrets). The octokit client gets a
 * hook that refuses every write: give it a client of its own.
 *
 * @public
 */
export async function previewConfigRepoPullRequest(
  options: OpenConfigRepoPullRequestOptions & {
    mask?: (text: string) => string;
  },
): Promise<ConfigRepoPullRequestPreview> {
  const { octokit, owner, repo, mask } = options;
  const baseBranch = options.baseBranch ?? 'main';
  let tree: Array<{ path: string; content?: string }> | undefined;
  octokit.hook.wrap('request', async (request, requestOptions) => {
    if (requestOptions.method !== 'GET' && requestOptions.method !== 'HEAD') {
      tree = (requestOptions.tree ?? []) as typeof tree;
      throw new PreviewHalt(`preview: not sending ${requestOptions.method}`);
    }
    return request(requestOptions);
  });
  try {
    // Only an empty change gets through: the writer returns before any write.
    const result = await openConfigRepoPullRequest(options);
    return { status: 'empty', branch: result.branch, files: [] };
  } catch (error) {
    if (!tree) throw error;
  }
  const reader = createConfigRepoReader(octokit, { owner, repo });
  const files: PreviewedFile[] = [];
  for (const entry of [...tree].sort((a, b) => a.path.localeCompare(b.path))) {
    const before = await reader.readFile(entry.path, baseBranch);
    files.push({
      path: entry.path,
      change: entry.content === undefined ? 'delete' : 'write',
      diff: changeDiff(entry.path, before, entry.content, mask),
    });
  }
  return { status: 'preview', branch: options.branch, files };
}
