import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { GithubEmulator, startGithubEmulator } from '@internal/github-emulator';
import { deliveriesResponseSchema } from '@gitops-portal/plugin-gitops-common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { startConfigRepoBackend } from '../__testUtils__/configRepoBackend';

const TOKEN = 'deliveries-route-token';
let dataDir: string;
let github: GithubEmulator;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'gitops-deliveries-route-'));
  github = await startGithubEmulator({ dataDir, tokens: [TOKEN] });
  await github.createRepo('acme', 'gitops-config', {
    files: { 'README.md': 'config\n' },
  });
});

afterAll(async () => {
  await github?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const startBackend = (
  permission: AuthorizeResult.ALLOW | AuthorizeResult.DENY,
) => startConfigRepoBackend({ github, token: TOKEN, permission });

const get = (server: Parameters<typeof request>[0], path: string) =>
  request(server)
    .get(`/api/gitops/entities/${path}/deliveries`)
    .set('authorization', mockCredentials.user.header());

describe('GET /entities/:kind/:namespace/:name/deliveries', () => {
  it.each([
    [
      '200 for a readable entity',
      AuthorizeResult.ALLOW,
      'component/default/shop',
      200,
    ],
    [
      '403 for an entity the caller may not read',
      AuthorizeResult.DENY,
      'component/default/shop',
      403,
    ],
    [
      '404 for an unknown entity',
      AuthorizeResult.ALLOW,
      'component/default/nope',
      404,
    ],
  ] as const)('answers %s', async (_case, permission, path, status) => {
    const server = await startBackend(permission);
    const response = await get(server, path);
    expect(response.status).toBe(status);
  });

  it('answers the deliveries response schema', async () => {
    const server = await startBackend(AuthorizeResult.ALLOW);
    const response = await get(server, 'component/default/shop');
    expect(deliveriesResponseSchema.parse(response.body)).toEqual({
      entityRef: 'component:default/shop',
      configRepo: 'acme/gitops-config',
      items: [],
    });
  });

  it('answers 400 for a limit out of range', async () => {
    const server = await startBackend(AuthorizeResult.ALLOW);
    const response = await get(server, 'component/default/shop').query({
      limit: 500,
    });
    expect(response.status).toBe(400);
  });
});
