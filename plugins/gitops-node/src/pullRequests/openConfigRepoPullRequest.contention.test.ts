import { recordingLogger, useGithub } from '../__testUtils__/harness';
import { seededRepoFiles } from '../__testUtils__/fixtures';
import { webDevRequest } from './__testUtils__/webDevRequest';
import { openConfigRepoPullRequest } from './openConfigRepoPullRequest';

/** Contention: two runs racing on one branch, and GitHub's secondary rate limit. */
describe('openConfigRepoPullRequest: contention', () => {
  const github = useGithub();

  it('two concurrent runs on one branch leave one PR and the branch at one of their commits', async () => {
    const id = await github.newRepo(seededRepoFiles());
    const a = await github.client();
    const b = await github.client();
    const results = await Promise.all([
      openConfigRepoPullRequest(
        webDevRequest(a.octokit, id, {
          change: { files: { 'docs/notes.md': 'from a\n' } },
        }),
      ),
      openConfigRepoPullRequest(
        webDevRequest(b.octokit, id, {
          change: { files: { 'docs/notes.md': 'from b\n' } },
        }),
      ),
    ]);
    const pulls = await github.pulls(id);
    expect(pulls).toHaveLength(1);
    expect(results.map(r => r.number)).toEqual([
      pulls[0].number,
      pulls[0].number,
    ]);
    const head = await github.headOf(id, 'gitops/test/web-dev');
    expect(results.map(r => r.commitSha)).toContain(head);
    const text = await github.readFromClone(
      id,
      'gitops/test/web-dev',
      'docs/notes.md',
    );
    const winner = results.find(r => r.commitSha === head)!;
    expect(text).toBe(winner === results[0] ? 'from a\n' : 'from b\n');
  });

  it('retries a secondary rate limit after retry-after, and the throttle handler saw the value', async () => {
    const id = await github.newRepo(seededRepoFiles());
    const { logger, lines } = recordingLogger();
    const { octokit } = await github.client(logger);
    github.emulator.addFault({
      type: 'secondary-rate-limit',
      retryAfterSeconds: 1,
      match: { method: 'POST', path: 'git/trees' },
    });
    const result = await openConfigRepoPullRequest(webDevRequest(octokit, id));
    expect(result.status).toBe('opened');
    const warning = lines.find(
      l => l.level === 'warn' && /secondary rate limit/.test(l.message),
    );
    expect(warning?.meta).toMatchObject({
      retryAfter: 1,
      retryCount: 0,
      retrying: true,
    });
  });
});
