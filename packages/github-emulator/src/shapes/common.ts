import { EmulatorContext } from '../context';
import { RefEntry } from '../git/repo';
import { RepoHandle } from '../repos';
import { LabelMeta } from '../store/metadata';

/** A stable numeric id for a login (FNV-1a), so users need no storage. */
export function userId(login: string): number {
  let hash = 0x811c9dc5;
  for (const char of login) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % 100_000_000;
}

export function nodeId(kind: string, id: number | string): string {
  return Buffer.from(`${kind}:${id}`).toString('base64');
}

export function repoApiUrl(ctx: EmulatorContext, repo: RepoHandle): string {
  return `${ctx.urls.apiUrl}/repos/${repo.owner}/${repo.name}`;
}

export function repoHtmlUrl(ctx: EmulatorContext, repo: RepoHandle): string {
  return `${ctx.urls.url}/${repo.owner}/${repo.name}`;
}

export function userJson(
  ctx: EmulatorContext,
  login: string,
  type: 'User' | 'Organization' | 'Bot' = login.endsWith('[bot]')
    ? 'Bot'
    : 'User',
) {
  return {
    login,
    id: userId(login),
    node_id: nodeId(type, login),
    avatar_url: '',
    gravatar_id: '',
    url: `${ctx.urls.apiUrl}/users/${login}`,
    html_url: `${ctx.urls.url}/${login}`,
    type,
    site_admin: false,
  };
}

/** A repo owner: the emulator's user, or else an organization. */
export function ownerJson(ctx: EmulatorContext, owner: string) {
  return userJson(ctx, owner, owner === ctx.login ? 'User' : 'Organization');
}

const DEFAULT_SETTINGS = {
  allow_merge_commit: true,
  allow_squash_merge: true,
  allow_rebase_merge: true,
  allow_auto_merge: false,
  delete_branch_on_merge: false,
  has_issues: true,
  archived: false,
};

export function repoJson(
  ctx: EmulatorContext,
  repo: RepoHandle,
  defaultBranch: string,
) {
  const { meta } = repo;
  return {
    id: meta.id,
    node_id: nodeId('Repository', meta.id),
    name: repo.name,
    full_name: `${repo.owner}/${repo.name}`,
    private: meta.private,
    visibility: meta.private ? 'private' : 'public',
    owner: ownerJson(ctx, repo.owner),
    html_url: repoHtmlUrl(ctx, repo),
    description: meta.description,
    fork: false,
    url: repoApiUrl(ctx, repo),
    git_url: `${ctx.urls.url}/${repo.owner}/${repo.name}.git`,
    clone_url: `${ctx.urls.url}/${repo.owner}/${repo.name}.git`,
    default_branch: defaultBranch,
    disabled: false,
    permissions: {
      admin: true,
      maintain: true,
      push: true,
      triage: true,
      pull: true,
    },
    created_at: meta.createdAt,
    updated_at: meta.updatedAt,
    pushed_at: meta.updatedAt,
    ...DEFAULT_SETTINGS,
    ...meta.settings,
  };
}

export function labelJson(
  ctx: EmulatorContext,
  repo: RepoHandle,
  label: LabelMeta,
) {
  return {
    id: label.id,
    node_id: nodeId('Label', label.id),
    url: `${repoApiUrl(ctx, repo)}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    color: label.color,
    default: false,
    description: label.description,
  };
}

export function refJson(
  ctx: EmulatorContext,
  repo: RepoHandle,
  entry: RefEntry,
) {
  return {
    ref: entry.ref,
    node_id: nodeId('Ref', `${repo.meta.id}:${entry.ref}`),
    url: `${repoApiUrl(ctx, repo)}/git/${entry.ref}`,
    object: {
      sha: entry.sha,
      type: entry.type,
      url: `${repoApiUrl(ctx, repo)}/git/${entry.type}s/${entry.sha}`,
    },
  };
}
