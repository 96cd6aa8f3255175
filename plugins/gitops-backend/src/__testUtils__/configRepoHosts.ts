import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { GithubEmulator, startGithubEmulator } from '@internal/github-emulator';
import { KubeEmulator } from '@internal/kube-emulator';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { clusterConfigEntry } from './clusters';
import { startConfigRepoTestBackend } from './configRepoBackend';
import { component } from './fixtures';
import { waitFor } from './waitFor';

/**
 * The github.com stand-in (`gitops.configRepo`'s host) and, when given a token for it, a GitHub Enterprise stand-in
 * of `integrations.github`: a github-emulator each, under one temporary directory that `close` removes.
 */
export interface GithubHosts {
  github: GithubEmulator;
  token: string;
  ghe?: { github: GithubEmulator; token: string };
  close(): Promise<void>;
}

export async function startGithubHosts(
  dirPrefix: string,
  tokens: { github: string; ghe?: string },
): Promise<GithubHosts> {
  const dataDir = mkdtempSync(join(tmpdir(), dirPrefix));
  const start = (name: string, token: string) =>
    startGithubEmulator({ dataDir: join(dataDir, name), tokens: [token] });
  const github = await start('github', tokens.github);
  const ghe = tokens.ghe
    ? { github: await start('ghe', tokens.ghe), token: tokens.ghe }
    : undefined;
  return {
    github,
    token: tokens.github,
    ghe,
    async close() {
      await github.close();
      await ghe?.github.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The gitops backend over the hosts and every cluster of `clusters`, every permission allowed, a component per
 * service (its kubernetes-id its name) in the catalog; returned once the status of each service `cached` names
 * lists that many live objects.
 */
export async function startCachedBackend(options: {
  hosts: GithubHosts;
  clusters: KubeEmulator;
  services: string[];
  cached: Record<string, number>;
}) {
  const { hosts, cached } = options;
  const backend = await startConfigRepoTestBackend({
    github: hosts.github,
    token: hosts.token,
    permission: AuthorizeResult.ALLOW,
    clusters: options.clusters.clusters.map(cluster =>
      clusterConfigEntry(cluster),
    ),
    moreHosts: hosts.ghe ? [hosts.ghe] : undefined,
    entities: options.services.map(name =>
      component(name, 'team-a', { 'backstage.io/kubernetes-id': name }),
    ),
  });
  await waitFor('the live objects cached', async () => {
    const counts = await Promise.all(
      Object.keys(cached).map(async service => {
        const status = await request(backend.server)
          .get(`/api/gitops/entities/component/default/${service}/status`)
          .set('authorization', mockCredentials.user.header());
        return status.body.objects?.length === cached[service];
      }),
    );
    return counts.every(Boolean);
  });
  return backend;
}
