import { ConflictError } from '@backstage/errors';
import { useGithub } from '../__testUtils__/harness';
import { seededRepoFiles } from '../__testUtils__/fixtures';
import { openConfigRepoPullRequest } from './openConfigRepoPullRequest';
import {
  BRANCH,
  branchRequest,
  headSha,
  personCommits,
} from './__testUtils__/branchSafety';

describe("openConfigRepoPullRequest: a person's commits on a portal branch", () => {
  const github = useGithub();

  it.each([
    ['a different change', { 'docs/notes.md': 'hello again\n' }],
    ['the same change', { 'docs/notes.md': 'hello\n' }],
  ])(
    "stops with a ConflictError naming a person's commit on the branch, for %s, and keeps it",
    async (_case, files) => {
      const id = await github.newRepo(seededRepoFiles());
      const { octokit } = await github.client();
      await openConfigRepoPullRequest(branchRequest(octokit, id));
      const theirs = await personCommits(octokit, id, BRANCH);
      const error = await openConfigRepoPullRequest(
        branchRequest(octokit, id, { change: { files } }),
      ).catch(e => e);
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.message).toContain(`"${BRANCH}"`);
      expect(error.message).toContain(theirs.slice(0, 12));
      expect(await headSha(octokit, id, BRANCH)).toBe(theirs);
    },
  );
});
