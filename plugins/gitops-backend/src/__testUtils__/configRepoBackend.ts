import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { GithubEmulator } from '@internal/github-emulator';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { gitopsPlugin } from '../plugin';
import { component } from './fixtures';

/** The repo's own kubectl (scripts/setup.sh), else the one on PATH. */
export const KUBECTL =
  [resolve(__dirname, '../../../../.tools/kubectl/kubectl/kubectl')].find(
    existsSync,
  ) ?? 'kubectl';

/**
 * The gitops backend with no clusters, `component:default/shop` (owned by
 * team-a) in the catalog, and `acme/gitops-config` in the github-emulator as
 * its config repo; every permission check answers `permission`.
 */
export async function startConfigRepoBackend(options: {
  github: GithubEmulator;
  token: string;
  permission: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
}) {
  const { github, token, permission } = options;
  const host = new URL(github.url).host;
  const { server } = await startTestBackend({
    features: [
      gitopsPlugin,
      catalogServiceMock.factory({
        entities: [
          component('shop', 'team-a', { 'backstage.io/kubernetes-id': 'shop' }),
        ],
      }),
      mockServices.permissions.factory({ result: permission }),
      mockServices.rootConfig.factory({
        data: {
          integrations: {
            github: [{ host, apiBaseUrl: github.url, token }],
          },
          gitops: {
            clusters: [],
            configRepo: {
              host,
              owner: 'acme',
              repo: 'gitops-config',
              branch: 'main',
            },
            validation: { kubectlPath: KUBECTL },
          },
        },
      }),
    ],
  });
  return server;
}
