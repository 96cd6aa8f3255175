import { useGithub } from '../__testUtils__/harness';
import { seededRepoFiles } from '../__testUtils__/fixtures';
import { webDevRequest } from './__testUtils__/webDevRequest';
import { openConfigRepoPullRequest } from './openConfigRepoPullRequest';

/** The new PR's fields: title, body, draft, labels and reviewers, and a reviewer GitHub refuses. */
describe('openConfigRepoPullRequest: pull request fields', () => {
  const github = useGithub();

  it('sets title, body, draft, labels and reviewers on the new PR', async () => {
    const id = await github.newRepo(seededRepoFiles());
    const { octokit } = await github.client();
    const result = await openConfigRepoPullRequest(
      webDevRequest(octokit, id, {
        labels: ['gitops', 'env:dev'],
        reviewers: ['alice'],
        teamReviewers: ['payments'],
        draft: true,
      }),
    );
    const { data: pull } = await octokit.pulls.get({
      ...id,
      pull_number: result.number!,
    });
    expect(pull).toMatchObject({
      title: 'Change web in dev',
      draft: true,
      head: { ref: 'gitops/test/web-dev' },
    });
    expect(pull.body).toContain('Requested from the portal.');
    expect(pull.labels.map(l => l.name).sort()).toEqual(['env:dev', 'gitops']);
    expect(pull.requested_reviewers?.map(r => r.login)).toEqual(['alice']);
    expect(pull.requested_teams?.map(t => t.slug)).toEqual(['payments']);
  });

  it('opens the PR and returns a warning when GitHub refuses a reviewer', async () => {
    const id = await github.newRepo(seededRepoFiles());
    const { octokit } = await github.client();
    // The emulator's authenticated user authors the PR; GitHub refuses the author as reviewer.
    const result = await openConfigRepoPullRequest(
      webDevRequest(octokit, id, { reviewers: ['gitops-bot'] }),
    );
    expect(result.status).toBe('opened');
    expect(result.warnings).toEqual([
      expect.stringMatching(
        /^Could not request reviewers on #\d+: GitHub answered 422/,
      ),
    ]);
    expect(await github.pulls(id)).toHaveLength(1);
  });
});
