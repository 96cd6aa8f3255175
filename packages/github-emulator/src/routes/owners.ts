import { EmulatorContext } from '../context';
import { isoSeconds } from '../git/commits';
import {
  ApiError,
  ApiRequest,
  bodyObject,
  noContent,
  notFound,
  ok,
  optionalString,
  requiredString,
  validationFailed,
} from '../http/api';
import { Router } from '../http/router';
import { isValidName } from '../repos';
import { nodeId, ownerJson, userId } from '../shapes/common';
import { TeamMeta } from '../store/metadata';
import { paginated, requireRepo } from './helpers';

const PERMISSIONS = ['pull', 'triage', 'push', 'maintain', 'admin'];

/**
 * The emulator has one user (its login); every other valid name is an
 * organization, which is what `publish:github` asks `GET /users/{name}` for.
 */
function requireOrg(ctx: EmulatorContext, org: string): void {
  if (org === ctx.login || !isValidName(org)) throw notFound();
}

function teamJson(ctx: EmulatorContext, team: TeamMeta) {
  return {
    id: team.id,
    node_id: nodeId('Team', team.id),
    url: `${ctx.urls.apiUrl}/orgs/${team.org}/teams/${team.slug}`,
    html_url: `${ctx.urls.url}/orgs/${team.org}/teams/${team.slug}`,
    name: team.name,
    slug: team.slug,
    description: team.description,
    privacy: team.privacy,
    permission: 'pull',
    parent: null,
  };
}

function requireTeam(ctx: EmulatorContext, request: ApiRequest): TeamMeta {
  requireOrg(ctx, request.params.org);
  const team = ctx.store.findTeam(request.params.org, request.params.slug);
  if (!team) throw notFound();
  return team;
}

/** GitHub's slug: lower case, runs of other characters become one dash. */
function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The `permission` of a grant; GitHub's default is push. */
export function permissionOf(body: Record<string, unknown>): string {
  const permission = optionalString(body, 'permission') ?? 'push';
  if (!PERMISSIONS.includes(permission)) {
    throw validationFailed([
      { resource: 'Repository', code: 'invalid', field: 'permission' },
    ]);
  }
  return permission;
}

/** Users, organizations and teams: who can own and access repositories. */
export function registerOwnerRoutes(
  router: Router,
  ctx: EmulatorContext,
): void {
  router
    .add('GET', '/users/:username', async request => {
      const { username } = request.params;
      if (!isValidName(username)) throw notFound();
      return ok({
        ...ownerJson(ctx, username),
        name: username,
        created_at: '2020-01-01T00:00:00Z',
      });
    })
    .add('GET', '/orgs/:org', async request => {
      requireOrg(ctx, request.params.org);
      const { org } = request.params;
      return ok({
        login: org,
        id: userId(org),
        node_id: nodeId('Organization', org),
        url: `${ctx.urls.apiUrl}/orgs/${org}`,
        repos_url: `${ctx.urls.apiUrl}/orgs/${org}/repos`,
        description: null,
        html_url: `${ctx.urls.url}/${org}`,
        type: 'Organization',
      });
    })
    .add('GET', '/orgs/:org/teams', async request => {
      requireOrg(ctx, request.params.org);
      const teams = ctx.store.listTeams(request.params.org);
      return paginated(
        ctx,
        request,
        teams.map(team => teamJson(ctx, team)),
      );
    })
    .add('POST', '/orgs/:org/teams', async request => {
      requireOrg(ctx, request.params.org);
      const body = bodyObject(request);
      const name = requiredString(body, 'name');
      const slug = slugOf(name);
      if (!slug || ctx.store.findTeam(request.params.org, slug)) {
        throw validationFailed([
          {
            resource: 'Team',
            code: 'custom',
            field: 'name',
            message: 'Name must be unique for this org',
          },
        ]);
      }
      const team: TeamMeta = {
        id: ctx.store.nextId(),
        org: request.params.org,
        name,
        slug,
        description: optionalString(body, 'description') ?? null,
        privacy: optionalString(body, 'privacy') ?? 'secret',
      };
      ctx.store.addTeam(team);
      return ok(teamJson(ctx, team), 201);
    })
    .add('GET', '/orgs/:org/teams/:slug', async request =>
      ok(teamJson(ctx, requireTeam(ctx, request))),
    )
    .add('PUT', '/orgs/:org/teams/:slug/repos/:owner/:repo', async request => {
      const team = requireTeam(ctx, request);
      const repo = requireRepo(ctx, request);
      if (repo.owner !== team.org) {
        throw new ApiError(422, 'Repository must be owned by the team’s org');
      }
      const permission = permissionOf(bodyObject(request));
      ctx.store.extras(repo.meta).teams[team.slug] = permission;
      repo.meta.updatedAt = isoSeconds();
      ctx.store.save();
      return noContent;
    })
    .add('GET', '/repos/:owner/:repo/teams', async request => {
      const repo = requireRepo(ctx, request);
      const granted = Object.entries(ctx.store.extras(repo.meta).teams);
      const teams = granted.flatMap(([slug, permission]) => {
        const team = ctx.store.findTeam(repo.owner, slug);
        return team ? [{ ...teamJson(ctx, team), permission }] : [];
      });
      return paginated(ctx, request, teams);
    });
}
