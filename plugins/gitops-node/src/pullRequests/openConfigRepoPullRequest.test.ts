import { useGithub } from '../__testUtils__/harness';
import { seededRepoFiles } from '../__testUtils__/fixtures';
import { webDevRequest } from './__testUtils__/webDevRequest';
import { openConfigRepoPullRequest } from './openConfigRepoPullRequest';

/*
 * Opening a pull request: the calls it takes and the validation summary in its body.
 *
 * The writer's tests are split by behaviour, a few pull requests per file, so each file stays short (the tests run
 * without the production client's pause between writes: see src/setupTests.ts). Siblings: .decorations (the PR's fields), .files (the commit), .reruns, .contention, .lostWrites and
 * .retriedWrites (a write whose answer was lost).
 */
describe('openConfigRepoPullRequest', () => {
  const github = useGithub();

  it('opens a PR for N files with one createTree call and at most 8 calls in total', async () => {
    const id = await github.newRepo(seededRepoFiles());
    const { octokit, calls } = await github.client();
    const files = Object.fromEntries(
      Array.from({ length: 25 }, (_, i) => [
        `docs/page-${i}.md`,
        `# page ${i}\n`,
      ]),
    );
    const result = await openConfigRepoPullRequest(
      webDevRequest(octokit, id, { change: { files } }),
    );
    expect(result.status).toBe('opened');
    expect(
      calls.filter(c => c.startsWith('POST /repos/{owner}/{repo}/git/trees')),
    ).toHaveLength(1);
    expect(calls).toEqual([
      'GET /repos/{owner}/{repo}',
      'GET /repos/{owner}/{repo}/branches/{branch}',
      'GET /repos/{owner}/{repo}/git/ref/{ref}',
      'GET /repos/{owner}/{repo}/git/trees/{tree_sha}',
      'POST /repos/{owner}/{repo}/git/trees',
      'POST /repos/{owner}/{repo}/git/commits',
      'POST /repos/{owner}/{repo}/git/refs',
      'POST /repos/{owner}/{repo}/pulls',
    ]);
    expect(
      await github.readFromClone(id, result.branch, 'docs/page-24.md'),
    ).toBe('# page 24\n');
  });

  it('puts the validation result in the PR body', async () => {
    const id = await github.newRepo(seededRepoFiles());
    const { octokit } = await github.client();
    const path = 'apps/web/overlays/prod/kustomization.yaml';
    const result = await openConfigRepoPullRequest(
      webDevRequest(octokit, id, {
        change: {
          yamlEdits: [
            { path, edit: doc => doc.setIn(['images', 0, 'newTag'], '1.3.2') },
          ],
        },
      }),
    );
    expect(result.validation.overlays.map(o => o.path)).toEqual([
      'apps/web/overlays/prod',
    ]);
    const [pull] = await github.pulls(id);
    expect(pull.body).toContain('### Validation');
    expect(pull.body).toContain('`apps/web/overlays/prod`');
  });
});
