import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { recordingLogger, TOKEN, useGithub } from '../__testUtils__/harness';
import { createGithubClient } from './createGithubClient';

describe('createGithubClient', () => {
  const github = useGithub();

  function config() {
    const host = new URL(github.emulator.url).host;
    return new ConfigReader({
      integrations: {
        github: [{ host, apiBaseUrl: github.emulator.apiUrl, token: TOKEN }],
      },
    });
  }

  it('authenticates with the token of the @backstage/integration config for the repo host', async () => {
    const id = await github.newRepo({ 'README.md': 'x\n' });
    const octokit = await createGithubClient({
      config: config(),
      repoUrl: `${github.emulator.url}/${id.owner}/${id.repo}`,
    });
    const { data } = await octokit.repos.get(id);
    expect(data.full_name).toBe(`${id.owner}/${id.repo}`);
  });

  it('refuses a host without an integration, naming the host and not the token', async () => {
    const error = await createGithubClient({
      config: config(),
      repoUrl: 'https://github.example.com/acme/config',
    }).catch(e => e);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain('github.example.com');
    expect(error.message).not.toContain(TOKEN);
  });

  it('retries a 5xx answer through @octokit/plugin-retry', async () => {
    const id = await github.newRepo({ 'README.md': 'x\n' });
    const octokit = await createGithubClient({
      baseUrl: github.emulator.url,
      token: TOKEN,
    });
    github.emulator.addFault({
      type: 'status',
      status: 503,
      match: { method: 'GET', path: `/repos/${id.owner}/${id.repo}$` },
    });
    const { data } = await octokit.repos.get(id);
    expect(data.name).toBe(id.repo);
  });

  it('gives up on a rate limit after the configured number of retries', async () => {
    const id = await github.newRepo({ 'README.md': 'x\n' });
    const octokit = await createGithubClient({
      baseUrl: github.emulator.url,
      token: TOKEN,
      maxRateLimitRetries: 0,
    });
    github.emulator.addFault({
      type: 'secondary-rate-limit',
      retryAfterSeconds: 1,
    });
    await expect(octokit.repos.get(id)).rejects.toMatchObject({ status: 403 });
  });

  it('waits out a primary rate limit and logs the wait without the token', async () => {
    const id = await github.newRepo({ 'README.md': 'x\n' });
    const { logger, lines } = recordingLogger();
    const octokit = await createGithubClient({
      baseUrl: github.emulator.url,
      token: TOKEN,
      logger,
    });
    github.emulator.addFault({ type: 'primary-rate-limit', resetInSeconds: 0 });
    const { data } = await octokit.repos.get(id);
    expect(data.name).toBe(id.repo);
    const warning = lines.find(l => /GitHub rate limit/.test(l.message));
    expect(warning?.meta).toMatchObject({ retryCount: 0, retrying: true });
    expect(JSON.stringify(lines)).not.toContain(TOKEN);
  });
});
