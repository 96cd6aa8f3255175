import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { GithubEmulator, startGithubEmulator } from '@internal/github-emulator';
import { registrationPointsResponseSchema } from '@gitops-portal/plugin-gitops-common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { stringify } from 'yaml';
import { startConfigRepoBackend } from '../__testUtils__/configRepoBackend';

const TOKEN = 'registration-points-route-token';
const REPO_URL = 'https://github.com/acme/gitops-config.git';
let dataDir: string;
let github: GithubEmulator;

const application = (name: string, path: string) =>
  stringify({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name, namespace: 'argocd' },
    spec: { source: { repoURL: REPO_URL, path, targetRevision: 'main' } },
  });

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'gitops-registration-points-'));
  github = await startGithubEmulator({ dataDir, tokens: [TOKEN] });
  // A root app whose folder holds one Application: the config repo's one app-of-apps folder.
  await github.createRepo('acme', 'gitops-config', {
    files: {
      'bootstrap/root.yaml': application('root', 'clusters/shared/apps'),
      'clusters/shared/apps/billing.yaml': application(
        'billing-dev',
        'apps/billing/overlays/dev',
      ),
    },
  });
});

afterAll(async () => {
  await github?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('GET /registration-points', () => {
  it("answers the config repo's app-of-apps folders, discovered on its branch", async () => {
    const server = await startConfigRepoBackend({
      github,
      token: TOKEN,
      permission: AuthorizeResult.ALLOW,
    });
    const response = await request(server)
      .get('/api/gitops/registration-points')
      .set('authorization', mockCredentials.user.header());
    expect(registrationPointsResponseSchema.parse(response.body)).toEqual({
      points: [
        {
          mode: 'appOfApps',
          target: 'clusters/shared/apps',
          parent: 'root',
          file: 'bootstrap/root.yaml',
          kustomization: false,
          applications: ['billing-dev'],
        },
      ],
    });
  });

  it('refuses a caller who is not signed in', async () => {
    const server = await startConfigRepoBackend({
      github,
      token: TOKEN,
      permission: AuthorizeResult.ALLOW,
    });
    const response = await request(server)
      .get('/api/gitops/registration-points')
      .set('authorization', mockCredentials.none.header());
    expect(response.status).toBe(401);
  });
});
