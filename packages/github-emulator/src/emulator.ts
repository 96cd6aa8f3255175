import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { AppRegistry } from './apps/registry';
import { botIdentity, EmulatorContext } from './context';
import { FaultRegistry } from './faults';
import { Router } from './http/router';
import { createRequestListener } from './http/server';
import { RepoRegistry } from './repos';
import { registerAppRoutes } from './routes/apps';
import { registerBranchProtectionRoutes } from './routes/branchProtection';
import { registerCommitPullRoutes } from './routes/commitPulls';
import { registerCommitRoutes } from './routes/commits';
import { registerCompareRoutes } from './routes/compare';
import { registerContentRoutes } from './routes/contents';
import { createControlRouter } from './routes/control';
import { registerGitDataRoutes } from './routes/gitData';
import { registerIssueRoutes } from './routes/issues';
import { registerMergeRoutes } from './routes/merge';
import { registerPullRoutes } from './routes/pulls';
import { registerOwnerRoutes } from './routes/owners';
import { registerRefRoutes } from './routes/refs';
import { registerRepoSettingRoutes } from './routes/repoSettings';
import { registerRepoRoutes } from './routes/repos';
import { registerReviewerRoutes } from './routes/reviewers';
import { MetadataStore } from './store/metadata';
import {
  CreateRepoOptions,
  GithubEmulator,
  GithubEmulatorOptions,
} from './types';

function apiRouter(ctx: EmulatorContext): Router {
  const router = new Router();
  for (const register of [
    // Before the repo routes: `/branches/*branch` would swallow `.../protection`.
    registerBranchProtectionRoutes,
    registerAppRoutes,
    registerRepoRoutes,
    registerOwnerRoutes,
    registerRepoSettingRoutes,
    registerRefRoutes,
    registerGitDataRoutes,
    registerCommitPullRoutes,
    registerCommitRoutes,
    registerContentRoutes,
    registerCompareRoutes,
    registerReviewerRoutes,
    registerMergeRoutes,
    registerPullRoutes,
    registerIssueRoutes,
  ]) {
    register(router, ctx);
  }
  return router;
}

/** Starts the emulator on `host:port` over the repositories in `dataDir`. */
export async function startGithubEmulator(
  options: GithubEmulatorOptions,
): Promise<GithubEmulator> {
  const dataDir = resolve(options.dataDir);
  const store = new MetadataStore(join(dataDir, 'metadata.json'));
  const repos = new RepoRegistry(join(dataDir, 'repos'), store);
  const login = options.login ?? 'gitops-bot';
  const ctx: EmulatorContext = {
    store,
    repos,
    apps: new AppRegistry(),
    login,
    urls: { url: '', apiUrl: '' },
  };
  for (const app of options.apps ?? []) ctx.apps.register(app);
  const faults = new FaultRegistry();

  const createRepo = async (
    owner: string,
    repo: string,
    opts: CreateRepoOptions = {},
  ) => {
    await repos.create(owner, repo, { ...opts, author: botIdentity(login) });
  };

  const server = createServer(
    createRequestListener({
      ctx,
      api: apiRouter(ctx),
      control: createControlRouter({ ctx, faults, createRepo }),
      faults,
      tokens: options.tokens,
      projectRoot: repos.root,
    }),
  );
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', fail);
      done();
    });
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  ctx.urls.url = `http://${urlHost}:${port}`;
  ctx.urls.apiUrl = `${ctx.urls.url}/api/v3`;

  return {
    url: ctx.urls.url,
    apiUrl: ctx.urls.apiUrl,
    gitUrl: (owner, repo) => `${ctx.urls.url}/${owner}/${repo}.git`,
    repoPath: (owner, repo) => repos.path(owner, repo),
    createRepo,
    registerApp: app => ctx.apps.register(app),
    addFault: fault => faults.add(fault),
    clearFaults: id => faults.clear(id),
    close: () =>
      new Promise<void>((done, fail) => {
        server.close(error => (error ? fail(error) : done()));
        // Keep-alive clients would otherwise hold the server open.
        server.closeAllConnections();
      }),
  };
}
