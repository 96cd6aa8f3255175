import { rollbackTarget } from '../changes/promotion/rollbackTarget';
import { createConfigRepoReader } from '../configRepo/createConfigRepoReader';
import { useGithub } from './harness';

/** What rollbackTarget picks for `at` in a new repo of `files` (branch main): a folder or one file. */
export async function rollbackTargetPath(
  github: ReturnType<typeof useGithub>,
  files: Record<string, string>,
  at: Parameters<typeof rollbackTarget>[2],
): Promise<string> {
  const id = await github.newRepo(files);
  const { octokit } = await github.client();
  return (await rollbackTarget(createConfigRepoReader(octokit, id), 'main', at))
    .path;
}
