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

describe('openConfigRepoPullRequest: pushes that race the writer', () => {
  const github = useGithub();

  it("never loses a person's commit pushed between the check and the move", async () => {
    const id = await github.newRepo(seededRepoFiles());
    const writer = await github.client();
    const person = await github.client();
    await openConfigRepoPullRequest(branchRequest(writer.octokit, id));
    let theirs: string | undefined;
    writer.octokit.hook.before('request', async options => {
      if (options.method === 'PATCH' && theirs === undefined) {
        theirs = await personCommits(person.octokit, id, BRANCH);
      }
    });
    const error = await openConfigRepoPullRequest(
      branchRequest(writer.octokit, id, {
        change: { files: { 'docs/notes.md': 'v2\n' } },
      }),
    ).catch(e => e);
    expect(theirs).toBeDefined();
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toContain(theirs!.slice(0, 12));
    expect(await headSha(person.octokit, id, BRANCH)).toBe(theirs);
  });

  it('a base branch that moves mid-run keeps its new commit and ends in one PR', async () => {
    const id = await github.newRepo(seededRepoFiles());
    const writer = await github.client();
    const person = await github.client();
    let theirs: string | undefined;
    // The person pushes to main after the writer read the base and before its first write.
    writer.octokit.hook.before('request', async options => {
      if (options.method === 'POST' && theirs === undefined) {
        theirs = await personCommits(
          person.octokit,
          id,
          'main',
          'docs/base.md',
        );
      }
    });

    const result = await openConfigRepoPullRequest(
      branchRequest(writer.octokit, id),
    );

    expect(theirs).toBeDefined();
    expect(result.status).toBe('opened');
    expect(await headSha(person.octokit, id, 'main')).toBe(theirs);
    expect((await github.pulls(id)).map(p => p.number)).toEqual([
      result.number,
    ]);
  });
});
