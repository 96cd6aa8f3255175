import { generateKeyPairSync } from 'node:crypto';
import { ConfigReader } from '@backstage/config';
import { Octokit } from '@octokit/rest';
import { OWNER, TOKEN, useGithub } from '../__testUtils__/harness';
import { openConfigRepoPullRequest } from '../pullRequests/openConfigRepoPullRequest';
import { createGithubClient } from './createGithubClient';

const APP_ID = 4242;

/** A fresh App key pair, as GitHub would let the App's owner download it. */
function appPrivateKey(): string {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
}

describe('createGithubClient with a GitHub App from integrations.github[].apps', () => {
  const github = useGithub();
  const privateKey = appPrivateKey();

  beforeAll(() => {
    github.emulator.registerApp({
      appId: APP_ID,
      slug: 'gitops-portal',
      privateKey,
      installations: [OWNER],
    });
  });

  /** The config a deployment writes: the App's credentials, no token. */
  function appConfig(key: string = privateKey) {
    return new ConfigReader({
      integrations: {
        github: [
          {
            host: new URL(github.emulator.url).host,
            apiBaseUrl: github.emulator.apiUrl,
            apps: [
              {
                appId: APP_ID,
                privateKey: key,
                clientId: 'Iv1.gitops-portal',
                clientSecret: 'client-secret-not-used-here',
                webhookSecret: 'webhook-secret-not-used-here',
              },
            ],
          },
        ],
      },
    });
  }

  it('opens a pull request as the App, with a verified commit', async () => {
    const id = await github.newRepo({ 'README.md': '# config\n' });
    const octokit = await createGithubClient({
      config: appConfig(),
      repoUrl: `${github.emulator.url}/${id.owner}/${id.repo}`,
    });
    const result = await openConfigRepoPullRequest({
      octokit,
      ...id,
      branch: 'gitops/test/app-auth',
      title: 'Change made by the App',
      change: { files: { 'docs/notes.md': 'hello\n' } },
      validate: false,
    });
    expect(result.status).toBe('opened');

    const asUser = new Octokit({ auth: TOKEN, baseUrl: github.emulator.url });
    const { data: pull } = await asUser.pulls.get({
      ...id,
      pull_number: result.number!,
    });
    expect(pull.user).toMatchObject({ login: 'gitops-portal[bot]' });
    const { data: commit } = await asUser.repos.getCommit({
      ...id,
      ref: result.commitSha!,
    });
    expect(commit.commit.verification).toMatchObject({
      verified: true,
      reason: 'valid',
    });
  });

  it('fails to authenticate with a key GitHub does not know for the App', async () => {
    const id = await github.newRepo({ 'README.md': '# config\n' });
    await expect(
      createGithubClient({
        config: appConfig(appPrivateKey()),
        repoUrl: `${github.emulator.url}/${id.owner}/${id.repo}`,
      }),
    ).rejects.toMatchObject({ status: 401 });
  });

  it('finds no credentials for an owner the App is not installed on', async () => {
    const error = await createGithubClient({
      config: appConfig(),
      repoUrl: `${github.emulator.url}/elsewhere/config`,
    }).catch(e => e);
    expect(error.message).toMatch(/No GitHub credentials/);
  });
});
