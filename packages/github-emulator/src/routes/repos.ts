import { botIdentity, EmulatorContext } from '../context';
import { isoSeconds, readCommit } from '../git/commits';
import {
  ApiError,
  ApiRequest,
  bodyObject,
  notFound,
  ok,
  optionalBoolean,
  optionalString,
  requiredString,
  validationFailed,
} from '../http/api';
import { Router } from '../http/router';
import { RepoHandle } from '../repos';
import { repoApiUrl, repoJson, userJson } from '../shapes/common';
import { repoCommitJson } from '../shapes/commits';
import { paginated, requireRepo, touch, trimSlashes } from './helpers';

/** Repository fields PATCH handles itself; everything else is stored as a setting. */
const SPECIAL_FIELDS = [
  'name',
  'private',
  'visibility',
  'description',
  'default_branch',
];

const VISIBILITIES = ['public', 'private', 'internal'];

/** `visibility` wins over `private`; `internal` repos are private to outsiders, as on GitHub. */
function visibilityOf(body: Record<string, unknown>): string | undefined {
  const visibility = optionalString(body, 'visibility');
  if (visibility !== undefined && !VISIBILITIES.includes(visibility)) {
    throw validationFailed([
      { resource: 'Repository', code: 'invalid', field: 'visibility' },
    ]);
  }
  return visibility;
}

function applyVisibility(repo: RepoHandle, visibility: string): void {
  repo.meta.private = visibility !== 'public';
  if (visibility === 'internal') repo.meta.settings.visibility = visibility;
  else delete repo.meta.settings.visibility;
}

/** Fields of `POST .../repos` that are not repository settings. */
const CREATE_FIELDS = [...SPECIAL_FIELDS, 'auto_init', 'org'];

async function createRepo(
  ctx: EmulatorContext,
  owner: string,
  request: ApiRequest,
) {
  const body = bodyObject(request);
  const name = requiredString(body, 'name');
  const visibility = visibilityOf(body);
  if (visibility === 'internal' && owner === ctx.login) {
    throw validationFailed([
      {
        resource: 'Repository',
        code: 'custom',
        field: 'visibility',
        message: 'Only organization repositories can be internal',
      },
    ]);
  }
  const repo = await ctx.repos.create(owner, name, {
    private: optionalBoolean(body, 'private') ?? false,
    description: optionalString(body, 'description') ?? null,
    files: optionalBoolean(body, 'auto_init')
      ? { 'README.md': `# ${name}\n` }
      : undefined,
    author: botIdentity(ctx.login),
  });
  if (visibility) applyVisibility(repo, visibility);
  // allow_*_merge, has_*, homepage, custom_properties...: kept like PATCH keeps them.
  for (const [key, value] of Object.entries(body)) {
    if (!CREATE_FIELDS.includes(key) && value !== undefined && value !== null)
      repo.meta.settings[key] = value;
  }
  ctx.store.save();
  return ok(repoJson(ctx, repo, await repo.git.defaultBranch()), 201);
}

async function updateRepo(ctx: EmulatorContext, request: ApiRequest) {
  const repo = requireRepo(ctx, request);
  const body = bodyObject(request);
  const name = optionalString(body, 'name');
  if (name !== undefined && name !== repo.name) {
    throw new ApiError(
      422,
      'Renaming repositories is not supported by the emulator.',
    );
  }
  const branch = optionalString(body, 'default_branch');
  if (branch !== undefined) {
    const exists = await repo.git.getRef(`refs/heads/${branch}`);
    if (!exists && !(await repo.git.isEmpty())) {
      throw validationFailed([
        { resource: 'Repository', code: 'invalid', field: 'default_branch' },
      ]);
    }
    await repo.git.setDefaultBranch(branch);
  }
  const isPrivate = optionalBoolean(body, 'private');
  if (isPrivate !== undefined) repo.meta.private = isPrivate;
  const visibility = visibilityOf(body);
  if (visibility !== undefined) applyVisibility(repo, visibility);
  if ('description' in body)
    repo.meta.description = optionalString(body, 'description') ?? null;
  for (const [key, value] of Object.entries(body)) {
    if (!SPECIAL_FIELDS.includes(key)) repo.meta.settings[key] = value;
  }
  touch(ctx, repo, isoSeconds());
  return ok(repoJson(ctx, repo, await repo.git.defaultBranch()));
}

function isProtected(ctx: EmulatorContext, repo: RepoHandle, branch: string) {
  return branch in ctx.store.extras(repo.meta).branchProtection;
}

async function branchJson(
  ctx: EmulatorContext,
  request: ApiRequest,
  branch: string,
  sha: string,
) {
  const repo = requireRepo(ctx, request);
  return {
    name: branch,
    commit: repoCommitJson(ctx, repo, await readCommit(repo.git, sha)),
    protected: isProtected(ctx, repo, branch),
    _links: {
      self: `${repoApiUrl(ctx, repo)}/branches/${branch}`,
      html: `${ctx.urls.url}/${repo.owner}/${repo.name}/tree/${branch}`,
    },
  };
}

export function registerRepoRoutes(router: Router, ctx: EmulatorContext): void {
  router
    .add('GET', '/user', async () =>
      ok({ ...userJson(ctx, ctx.login), name: ctx.login, email: null }),
    )
    .add('GET', '/repos/:owner/:repo', async request => {
      const repo = requireRepo(ctx, request);
      return ok(repoJson(ctx, repo, await repo.git.defaultBranch()));
    })
    .add('PATCH', '/repos/:owner/:repo', request => updateRepo(ctx, request))
    .add('POST', '/user/repos', request => createRepo(ctx, ctx.login, request))
    .add('POST', '/orgs/:org/repos', request =>
      createRepo(ctx, request.params.org, request),
    )
    .add('GET', '/repos/:owner/:repo/branches', async request => {
      const repo = requireRepo(ctx, request);
      const refs = await repo.git.listRefs('refs/heads/');
      const branches = refs.map(entry => ({
        name: entry.ref.slice('refs/heads/'.length),
        commit: {
          sha: entry.sha,
          url: `${repoApiUrl(ctx, repo)}/commits/${entry.sha}`,
        },
        protected: isProtected(
          ctx,
          repo,
          entry.ref.slice('refs/heads/'.length),
        ),
      }));
      return paginated(ctx, request, branches);
    })
    .add('GET', '/repos/:owner/:repo/branches/*branch', async request => {
      const repo = requireRepo(ctx, request);
      const branch = trimSlashes(request.params.branch);
      const entry = await repo.git.getRef(`refs/heads/${branch}`);
      if (!entry) throw notFound('Branch not found');
      return ok(await branchJson(ctx, request, branch, entry.sha));
    });
}
