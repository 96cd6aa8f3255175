import {
  appJwt,
  appKeyPair,
  PORTAL_APP_ID,
  usePortalApp,
} from './__testUtils__/appJwt';
import { octokitFor, requestError, useEmulator } from './__testUtils__/harness';

const APP_ID = PORTAL_APP_ID;

describe('GitHub App JWTs and the App endpoints', () => {
  const { env, key, jwt, asApp } = usePortalApp();

  it.each([
    ['the numeric App id', { iss: APP_ID }],
    ['the App id as a string', { iss: String(APP_ID) }],
    ['the client id', { iss: 'Iv1.portal' }],
  ])('GET /app accepts a JWT issued with %s', async (_case, claims) => {
    const { data } = await octokitFor(
      env.emulator.url,
      jwt(claims),
    ).apps.getAuthenticated();
    expect(data).toMatchObject({ id: APP_ID, slug: 'gitops-portal' });
  });

  it.each([
    [
      'a JWT signed by another key',
      () => appJwt(appKeyPair().privateKey, { iss: APP_ID }),
      'A JSON web token could not be decoded',
    ],
    [
      'an expired JWT',
      () => jwt({ iat: 1_000, exp: 1_600 }),
      "'Expiration time' claim ('exp') must be a numeric value",
    ],
    [
      'a JWT valid for more than ten minutes',
      () => jwt({ exp: Math.floor(Date.now() / 1000) + 3600 }),
      "'Expiration time' claim ('exp') is too far in the future",
    ],
    [
      'a JWT issued in the future',
      () => jwt({ iat: Math.floor(Date.now() / 1000) + 300 }),
      "'Issued at' claim ('iat') must be an Integer",
    ],
    [
      'a JWT from an unknown App',
      () => jwt({ iss: 7 }),
      'Integration not found',
    ],
    [
      'a JWT signed with HS256',
      () => appJwt(key.privateKey, { iss: APP_ID }, { alg: 'HS256' }),
      'A JSON web token could not be decoded',
    ],
    [
      'a personal access token',
      () => 'test-token',
      'A JSON web token could not be decoded',
    ],
  ])('GET /app answers 401 for %s', async (_case, credential, message) => {
    const error = await requestError(
      octokitFor(env.emulator.url, credential()).apps.getAuthenticated(),
    );
    expect(error.status).toBe(401);
    expect(error.response?.data.message).toContain(message);
  });

  it('lists the installations with their accounts', async () => {
    const { data } = await asApp().apps.listInstallations();
    expect(
      data.map(i => [
        i.account && 'login' in i.account ? i.account.login : null,
        i.repository_selection,
      ]),
    ).toEqual([
      ['acme', 'all'],
      ['partner', 'selected'],
    ]);
  });

  it.each([
    [
      'GET /repos/{o}/{r}/installation',
      async () => {
        const id = await env.newRepo();
        return asApp().apps.getRepoInstallation(id);
      },
    ],
    [
      'GET /orgs/{org}/installation',
      async () => asApp().apps.getOrgInstallation({ org: 'acme' }),
    ],
  ])('%s finds the installation on acme', async (_route, call) => {
    const { data } = await call();
    expect(data.account).toMatchObject({ login: 'acme' });
  });

  it('answers 404 for an account the App is not installed on', async () => {
    const error = await requestError(
      asApp().apps.getOrgInstallation({ org: 'elsewhere' }),
    );
    expect(error.status).toBe(404);
  });

  it('refuses a JWT on a repository endpoint (403)', async () => {
    const id = await env.newRepo();
    const error = await requestError(asApp().repos.get(id));
    expect(error.status).toBe(403);
    expect(error.response?.data.message).toBe(
      'Resource not accessible by integration',
    );
  });
});

describe('registering an App through the control API', () => {
  const env = useEmulator();
  const key = appKeyPair();

  it('accepts JWTs signed by the private key of the registered public key', async () => {
    const response = await fetch(`${env.emulator.url}/_emulator/apps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        appId: 9,
        publicKey: key.publicKey,
        installations: ['acme'],
      }),
    });
    expect(response.status).toBe(201);
    const octokit = octokitFor(
      env.emulator.url,
      appJwt(key.privateKey, { iss: 9 }),
    );
    const { data } = await octokit.apps.listInstallations();
    expect(data).toHaveLength(1);
  });

  it('answers 422 for a key that is not a PEM', async () => {
    const response = await fetch(`${env.emulator.url}/_emulator/apps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ appId: 10, publicKey: 'not a key' }),
    });
    expect(response.status).toBe(422);
  });
});
