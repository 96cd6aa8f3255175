import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
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
 * The gitops backend with no clusters (unless given), `component:default/shop` (owned by
 * team-a) in the catalog, and `acme/gitops-config` in the github-emulator as
 * its config repo; every permission check answers `permission`.
 */
export async function startConfigRepoBackend(
  options: Parameters<typeof startConfigRepoTestBackend>[0],
) {
  return (await startConfigRepoTestBackend(options)).server;
}

/** {@link startConfigRepoBackend}, with the backend to stop (its cluster watchers run until then). */
export async function startConfigRepoTestBackend(options: {
  github: GithubEmulator;
  token: string;
  permission: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  /** Clusters with live objects (`gitops.clusters`); default none. */
  clusters?: JsonObject[];
  /** `gitops.configRepo.pathTemplate`. */
  pathTemplate?: string;
  /** The catalog's entities; default `component:default/shop` (kubernetes-id `shop`). */
  entities?: Entity[];
  /** More `integrations.github` hosts (a GitHub Enterprise stand-in: another github-emulator and its token). */
  moreHosts?: Array<{ github: GithubEmulator; token: string }>;
}) {
  const { github, token, permission } = options;
  const host = new URL(github.url).host;
  return startTestBackend({
    features: [
      gitopsPlugin,
      catalogServiceMock.factory({
        entities: options.entities ?? [
          component('shop', 'team-a', { 'backstage.io/kubernetes-id': 'shop' }),
        ],
      }),
      mockServices.permissions.factory({ result: permission }),
      mockServices.rootConfig.factory({
        data: {
          integrations: {
            github: [
              { host, apiBaseUrl: github.url, token },
              ...(options.moreHosts ?? []).map(more => ({
                host: new URL(more.github.url).host,
                apiBaseUrl: more.github.url,
                token: more.token,
              })),
            ],
          },
          gitops: {
            clusters: options.clusters ?? [],
            staleAfter: '1h',
            configRepo: {
              host,
              owner: 'acme',
              repo: 'gitops-config',
              branch: 'main',
              pathTemplate: options.pathTemplate,
            },
            validation: { kubectlPath: KUBECTL },
          },
        },
      }),
    ],
  });
}
