import { useGithub } from '../__testUtils__/harness';
import { seededRepoFiles } from '../__testUtils__/fixtures';
import { webDevRequest } from './__testUtils__/webDevRequest';
import { openConfigRepoPullRequest } from './openConfigRepoPullRequest';

/** A write whose answer was lost (502 after the write), re-sent by the client's retries. */
describe('openConfigRepoPullRequest: lost answers, retried', () => {
  const github = useGithub();

  it.each([
    ['createRef', 3, 'git/refs'],
    ['createPull', 3, '/pulls'],
  ])(
    'converges to one PR after %s answers 502 although the write happened (%i 5xx retries)',
    async (_name, maxServerErrorRetries, path) => {
      const id = await github.newRepo(seededRepoFiles());
      const { octokit } = await github.client(undefined, {
        maxServerErrorRetries,
      });
      github.emulator.addFault({
        type: 'error-after-write',
        status: 502,
        match: { method: 'POST', path },
      });
      const result = await openConfigRepoPullRequest(
        webDevRequest(octokit, id),
      );
      expect(result.status).toBe('opened');
      const pulls = await github.pulls(id);
      expect(pulls.map(p => p.number)).toEqual([result.number]);
      expect(await github.headOf(id, result.branch)).toBe(result.commitSha);
    },
  );
});
