import { AppRecord, InstallationRecord } from '../apps/records';
import { EmulatorContext } from '../context';
import { isoSeconds } from '../git/commits';
import {
  ApiError,
  ApiRequest,
  bodyObject,
  ok,
  optionalStringArray,
} from '../http/api';
import { Router } from '../http/router';
import { nodeId, ownerJson, repoJson, userJson } from '../shapes/common';
import { paginated } from './helpers';

/** What the emulator's Apps may do; GitHub reports the permissions granted at install time. */
const PERMISSIONS = {
  administration: 'write',
  contents: 'write',
  issues: 'write',
  metadata: 'read',
  pull_requests: 'write',
  members: 'read',
};

/** The App of a JWT-authenticated request (the pipeline let only JWTs through). */
function appOf(request: ApiRequest): AppRecord {
  if (request.actor.kind !== 'app') throw new ApiError(401, 'Bad credentials');
  return request.actor.app;
}

function installationJson(
  ctx: EmulatorContext,
  installation: InstallationRecord,
  app: AppRecord,
) {
  const account = ownerJson(ctx, installation.account);
  return {
    id: installation.id,
    account,
    app_id: app.appId,
    app_slug: app.slug,
    client_id: app.clientId ?? null,
    target_id: account.id,
    target_type: account.type,
    repository_selection: installation.repositories ? 'selected' : 'all',
    permissions: PERMISSIONS,
    events: [],
    created_at: installation.createdAt,
    updated_at: installation.createdAt,
    single_file_name: null,
    suspended_by: null,
    suspended_at: null,
    access_tokens_url: `${ctx.urls.apiUrl}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${ctx.urls.apiUrl}/installation/repositories`,
    html_url: `${ctx.urls.url}/settings/installations/${installation.id}`,
  };
}

/** The repositories an installation (or one of its tokens) sees. */
function visibleRepos(
  ctx: EmulatorContext,
  account: string,
  selected: string[] | undefined,
) {
  return ctx.repos
    .listOwned(account)
    .filter(name => !selected || selected.includes(name))
    .map(name => ctx.repos.require(account, name));
}

async function createAccessToken(ctx: EmulatorContext, request: ApiRequest) {
  const app = appOf(request);
  const installation = ctx.apps.installation(
    app.appId,
    Number(request.params.id),
  );
  const wanted = optionalStringArray(bodyObject(request), 'repositories');
  const allowed = visibleRepos(
    ctx,
    installation.account,
    installation.repositories,
  ).map(repo => repo.name);
  const unknown = (wanted ?? []).filter(name => !allowed.includes(name));
  if (unknown.length > 0) {
    throw new ApiError(
      422,
      `There is at least one repository that does not exist or is not accessible to the parent installation.`,
    );
  }
  const issued = ctx.apps.issueToken(installation, wanted);
  const repositories = issued.repositories
    ? await Promise.all(
        visibleRepos(ctx, installation.account, issued.repositories).map(
          async repo => repoJson(ctx, repo, await repo.git.defaultBranch()),
        ),
      )
    : undefined;
  return ok(
    {
      token: issued.token,
      expires_at: isoSeconds(issued.expiresAt),
      permissions: PERMISSIONS,
      repository_selection: issued.repositories ? 'selected' : 'all',
      ...(repositories ? { repositories } : {}),
    },
    201,
  );
}

/** GitHub App endpoints: JWT-only ones under `/app` and `.../installation`, and `/installation/repositories`. */
export function registerAppRoutes(router: Router, ctx: EmulatorContext): void {
  const findInstallation = (request: ApiRequest, account: string) => {
    const app = appOf(request);
    return ok(
      installationJson(ctx, ctx.apps.installationFor(app.appId, account), app),
    );
  };
  router
    .add('GET', '/app', async request => {
      const app = appOf(request);
      return ok({
        id: app.appId,
        slug: app.slug,
        client_id: app.clientId ?? null,
        node_id: nodeId('Integration', app.appId),
        name: app.slug,
        owner: userJson(ctx, ctx.login),
        description: null,
        external_url: ctx.urls.url,
        html_url: `${ctx.urls.url}/apps/${app.slug}`,
        created_at: app.createdAt,
        updated_at: app.createdAt,
        permissions: PERMISSIONS,
        events: [],
        installations_count: ctx.apps.installationsOf(app.appId).length,
      });
    })
    .add('GET', '/app/installations', async request => {
      const app = appOf(request);
      const installations = ctx.apps
        .installationsOf(app.appId)
        .map(installation => installationJson(ctx, installation, app));
      return paginated(ctx, request, installations);
    })
    .add('GET', '/app/installations/:id', async request => {
      const app = appOf(request);
      const installation = ctx.apps.installation(
        app.appId,
        Number(request.params.id),
      );
      return ok(installationJson(ctx, installation, app));
    })
    .add('POST', '/app/installations/:id/access_tokens', request =>
      createAccessToken(ctx, request),
    )
    .add('GET', '/repos/:owner/:repo/installation', async request => {
      ctx.repos.require(request.params.owner, request.params.repo);
      return findInstallation(request, request.params.owner);
    })
    .add('GET', '/orgs/:org/installation', async request =>
      findInstallation(request, request.params.org),
    )
    .add('GET', '/users/:username/installation', async request =>
      findInstallation(request, request.params.username),
    )
    .add('GET', '/installation/repositories', async request => {
      const { actor } = request;
      if (actor.kind !== 'installation') {
        throw new ApiError(403, 'Resource not accessible by integration');
      }
      const repos = visibleRepos(
        ctx,
        actor.installation.account,
        actor.repositories,
      );
      const all = await Promise.all(
        repos.map(async repo =>
          repoJson(ctx, repo, await repo.git.defaultBranch()),
        ),
      );
      const page = paginated(ctx, request, all);
      return {
        ...page,
        body: {
          total_count: all.length,
          repository_selection: actor.repositories ? 'selected' : 'all',
          repositories: page.body,
        },
      };
    });
}
