import { Octokit } from '@octokit/rest';
import { throttling } from '@octokit/plugin-throttling';
import {
  requestError,
  silentLog,
  TOKEN,
  useEmulator,
} from './__testUtils__/harness';

const ThrottledOctokit = Octokit.plugin(throttling);

describe('fault injection', () => {
  const env = useEmulator();

  afterEach(() => env.emulator.clearFaults());

  function throttled(handlers: {
    onSecondaryRateLimit?: jest.Mock;
    onRateLimit?: jest.Mock;
  }) {
    return new ThrottledOctokit({
      auth: TOKEN,
      baseUrl: env.emulator.url,
      log: silentLog,
      throttle: {
        onSecondaryRateLimit:
          handlers.onSecondaryRateLimit ?? jest.fn(() => false),
        onRateLimit: handlers.onRateLimit ?? jest.fn(() => false),
      },
    });
  }

  it("secondary rate limit: 403 with retry-after and GitHub's message", async () => {
    const id = await env.newRepo();
    env.emulator.addFault({
      type: 'secondary-rate-limit',
      retryAfterSeconds: 1,
    });
    const error = await requestError(env.octokit.repos.get(id));
    expect(error.status).toBe(403);
    expect(error.response?.headers['retry-after']).toBe('1');
    expect(error.response?.data.message).toMatch(
      /^You have exceeded a secondary rate limit/,
    );
  });

  it('secondary rate limit: the throttling plugin retries after retry-after and succeeds', async () => {
    const id = await env.newRepo();
    env.emulator.addFault({
      type: 'secondary-rate-limit',
      retryAfterSeconds: 1,
    });
    const onSecondaryRateLimit = jest.fn(() => true);
    const { data } = await throttled({ onSecondaryRateLimit }).repos.get(id);
    expect(data.name).toBe(id.repo);
    expect(onSecondaryRateLimit).toHaveBeenCalledTimes(1);
    expect(onSecondaryRateLimit).toHaveBeenCalledWith(
      1,
      expect.anything(),
      expect.anything(),
      0,
    );
  });

  it('primary rate limit: the throttling plugin sees x-ratelimit-remaining: 0 and retries', async () => {
    const id = await env.newRepo();
    env.emulator.addFault({ type: 'primary-rate-limit', resetInSeconds: 0 });
    const onRateLimit = jest.fn(() => true);
    const { data } = await throttled({ onRateLimit }).repos.get(id);
    expect(data.name).toBe(id.repo);
    expect(onRateLimit).toHaveBeenCalledTimes(1);
  });

  it('primary rate limit: 403 with x-ratelimit-remaining 0 and a reset time', async () => {
    const id = await env.newRepo();
    env.emulator.addFault({ type: 'primary-rate-limit', resetInSeconds: 30 });
    const error = await requestError(env.octokit.repos.get(id));
    expect(error.status).toBe(403);
    expect(error.response?.headers['x-ratelimit-remaining']).toBe('0');
    expect(
      Number(error.response?.headers['x-ratelimit-reset']),
    ).toBeGreaterThan(Date.now() / 1000);
  });

  it.each([
    [500, 'Server Error'],
    [502, 'Server Error'],
    [503, 'Service Unavailable'],
    [401, 'Bad credentials'],
  ])('status fault %i answers with message %s', async (status, message) => {
    const id = await env.newRepo();
    env.emulator.addFault({ type: 'status', status });
    const error = await requestError(env.octokit.repos.get(id));
    expect(error.status).toBe(status);
    expect(error.response?.data.message).toBe(message);
  });

  it('uses a custom message', async () => {
    const id = await env.newRepo();
    env.emulator.addFault({ type: 'status', status: 500, message: 'boom' });
    expect(
      (await requestError(env.octokit.repos.get(id))).response?.data.message,
    ).toBe('boom');
  });

  it('fails only once by default, then the request succeeds', async () => {
    const id = await env.newRepo();
    env.emulator.addFault({ type: 'status', status: 503 });
    await requestError(env.octokit.repos.get(id));
    expect((await env.octokit.repos.get(id)).status).toBe(200);
  });

  it('fails as many times as `times` says', async () => {
    const id = await env.newRepo();
    env.emulator.addFault({ type: 'status', status: 503, times: 2 });
    expect((await requestError(env.octokit.repos.get(id))).status).toBe(503);
    expect((await requestError(env.octokit.repos.get(id))).status).toBe(503);
    expect((await env.octokit.repos.get(id)).status).toBe(200);
  });

  it('only hits requests matching method and path', async () => {
    const id = await env.newRepo();
    env.emulator.addFault({
      type: 'status',
      status: 500,
      match: { method: 'POST', path: '/git/refs' },
    });
    expect((await env.octokit.repos.get(id)).status).toBe(200);
    const sha = (await env.octokit.git.getRef({ ...id, ref: 'heads/main' }))
      .data.object.sha;
    const error = await requestError(
      env.octokit.git.createRef({ ...id, ref: 'refs/heads/x', sha }),
    );
    expect(error.status).toBe(500);
  });

  it('matches the path as a RegExp source', async () => {
    const id = await env.newRepo();
    env.emulator.addFault({
      type: 'status',
      status: 502,
      match: { path: '^/repos/[^/]+/[^/]+$' },
    });
    expect(
      (await env.octokit.git.getRef({ ...id, ref: 'heads/main' })).status,
    ).toBe(200);
    expect((await requestError(env.octokit.repos.get(id))).status).toBe(502);
  });

  it('error-after-write: the client sees 502 but the ref was created', async () => {
    const id = await env.newRepo();
    const sha = (await env.octokit.git.getRef({ ...id, ref: 'heads/main' }))
      .data.object.sha;
    env.emulator.addFault({
      type: 'error-after-write',
      match: { method: 'POST' },
    });
    const error = await requestError(
      env.octokit.git.createRef({ ...id, ref: 'refs/heads/written', sha }),
    );
    expect(error.status).toBe(502);
    const { data } = await env.octokit.git.getRef({
      ...id,
      ref: 'heads/written',
    });
    expect(data.object.sha).toBe(sha);
  });

  it('removes one fault by id', async () => {
    const id = await env.newRepo();
    const faultId = env.emulator.addFault({ type: 'status', status: 500 });
    env.emulator.clearFaults(faultId);
    expect((await env.octokit.repos.get(id)).status).toBe(200);
  });

  it('rejects an unknown fault type', () => {
    expect(() => env.emulator.addFault({ type: 'nope' } as never)).toThrow(
      /fault.type/,
    );
  });
});
