import { classifyGithubFailure } from './pipelineGithub';

const NOW = Date.parse('2026-01-01T00:00:00Z');

/** An Octokit RequestError as GitHub's documented rate-limit and error answers produce it. */
const failure = (
  status: number,
  message: string,
  headers: Record<string, string> = {},
) => Object.assign(new Error(message), { status, response: { headers } });

describe('classifyGithubFailure', () => {
  it.each([
    [
      'a primary rate limit (x-ratelimit-remaining: 0) with its reset',
      failure(403, 'API rate limit exceeded for installation ID 1.', {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(NOW / 1000 + 600),
      }),
      {
        reason:
          'GitHub rate limit reached (resets at 2026-01-01T00:10:00.000Z): commit details show again once it resets',
        pauseUntil: NOW + 600_000,
      },
    ],
    [
      'a secondary rate limit (429, no reset header)',
      failure(429, 'You have exceeded a secondary rate limit.'),
      {
        reason:
          'GitHub rate limit reached: commit details show again once it resets',
        pauseUntil: NOW + 60_000,
      },
    ],
    [
      'a 403 that is no rate limit',
      failure(403, 'Resource not accessible by integration'),
      { reason: 'GitHub answered 403 when asked for commit details' },
    ],
    [
      'a 502',
      failure(502, 'Bad Gateway'),
      { reason: 'GitHub answered 502 when asked for commit details' },
    ],
    [
      'a network failure',
      new Error('connect ECONNREFUSED'),
      { reason: 'GitHub could not be reached for commit details' },
    ],
  ])('classifies %s', (_, error, expected) => {
    expect(classifyGithubFailure(error, NOW)).toEqual(expected);
  });
});
