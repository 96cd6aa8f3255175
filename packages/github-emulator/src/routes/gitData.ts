import { actorIdentity, EmulatorContext, signsCommit } from '../context';
import { readCommit, writeCommit } from '../git/commits';
import { isSha } from '../git/repo';
import {
  buildTree,
  listTree,
  TreeChange,
  TreeEntry,
  TreeEntryType,
} from '../git/trees';
import {
  ApiError,
  ApiRequest,
  bodyObject,
  notFound,
  ok,
  optionalString,
  requiredString,
} from '../http/api';
import { Router } from '../http/router';
import { RepoHandle } from '../repos';
import { nodeId, repoApiUrl } from '../shapes/common';
import { gitCommitJson } from '../shapes/commits';
import { markVerified, requireRepo } from './helpers';
import { parseTreeChanges } from './treeInput';

/** GitHub wraps base64 blob content at 60 characters. */
export function wrappedBase64(content: Buffer): string {
  return (content.toString('base64').match(/.{1,60}/g) ?? []).join('\n');
}

function treeEntryJson(
  ctx: EmulatorContext,
  repo: RepoHandle,
  entry: TreeEntry,
) {
  const kind = entry.type === 'tree' ? 'trees' : 'blobs';
  return {
    path: entry.path,
    mode: entry.mode,
    type: entry.type as TreeEntryType,
    sha: entry.sha,
    ...(entry.size !== undefined ? { size: entry.size } : {}),
    ...(entry.type !== 'commit'
      ? { url: `${repoApiUrl(ctx, repo)}/git/${kind}/${entry.sha}` }
      : {}),
  };
}

async function treeJson(
  ctx: EmulatorContext,
  repo: RepoHandle,
  sha: string,
  recursive: boolean,
) {
  const entries = await listTree(repo.git, sha, { recursive });
  return {
    sha,
    url: `${repoApiUrl(ctx, repo)}/git/trees/${sha}`,
    tree: entries.map(entry => treeEntryJson(ctx, repo, entry)),
    truncated: false,
  };
}

async function createBlob(ctx: EmulatorContext, request: ApiRequest) {
  const repo = requireRepo(ctx, request);
  const body = bodyObject(request);
  const content = requiredString(body, 'content');
  const encoding = optionalString(body, 'encoding') ?? 'utf-8';
  if (encoding !== 'utf-8' && encoding !== 'utf8' && encoding !== 'base64') {
    throw new ApiError(
      422,
      `encoding must be one of utf-8, base64; got ${encoding}`,
    );
  }
  const data = Buffer.from(content, encoding === 'base64' ? 'base64' : 'utf8');
  const sha = await repo.git.writeBlob(data);
  return ok({ sha, url: `${repoApiUrl(ctx, repo)}/git/blobs/${sha}` }, 201);
}

async function createTree(ctx: EmulatorContext, request: ApiRequest) {
  const repo = requireRepo(ctx, request);
  const body = bodyObject(request);
  const baseTreeInput = optionalString(body, 'base_tree');
  let baseTree: string | null = null;
  if (baseTreeInput !== undefined) {
    baseTree = isSha(baseTreeInput)
      ? await repo.git.resolve(baseTreeInput, 'tree')
      : null;
    if (!baseTree)
      throw new ApiError(
        422,
        `base_tree ${baseTreeInput} is not a valid tree oid`,
      );
  }
  const changes: TreeChange[] = await parseTreeChanges(repo, body.tree);
  const sha = await buildTree(repo.git, baseTree, changes);
  return ok(await treeJson(ctx, repo, sha, false), 201);
}

type IdentityInput = { name: string; email: string; date?: string };

function identity(
  body: Record<string, unknown>,
  field: string,
): IdentityInput | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object')
    throw new ApiError(
      422,
      `Invalid request.\n\n"${field}" must be an object.`,
    );
  const fields = value as Record<string, unknown>;
  const name = requiredString(fields, 'name');
  const email = requiredString(fields, 'email');
  const date = optionalString(fields, 'date');
  return { name, email, ...(date ? { date } : {}) };
}

async function createCommit(ctx: EmulatorContext, request: ApiRequest) {
  const repo = requireRepo(ctx, request);
  const body = bodyObject(request);
  const message = requiredString(body, 'message');
  const tree = requiredString(body, 'tree');
  const parents = body.parents ?? [];
  if (!isSha(tree) || (await repo.git.objectType(tree)) !== 'tree') {
    throw new ApiError(422, 'Tree SHA does not exist');
  }
  if (!Array.isArray(parents))
    throw new ApiError(422, 'Invalid request.\n\n"parents" must be an array.');
  for (const parent of parents) {
    if (!isSha(parent) || (await repo.git.objectType(parent)) !== 'commit') {
      throw new ApiError(
        422,
        'Parent SHA does not exist or is not a commit object',
      );
    }
  }
  const customAuthor = identity(body, 'author');
  const customCommitter = identity(body, 'committer');
  const author = customAuthor ?? actorIdentity(request.actor);
  const sha = await writeCommit(repo.git, {
    tree,
    parents: parents as string[],
    message,
    author,
    committer: customCommitter ?? author,
  });
  if (signsCommit(request.actor, !!(customAuthor || customCommitter))) {
    markVerified(ctx, repo, sha);
  }
  return ok(gitCommitJson(ctx, repo, await readCommit(repo.git, sha)), 201);
}

export function registerGitDataRoutes(
  router: Router,
  ctx: EmulatorContext,
): void {
  router
    .add('POST', '/repos/:owner/:repo/git/blobs', request =>
      createBlob(ctx, request),
    )
    .add('GET', '/repos/:owner/:repo/git/blobs/:sha', async request => {
      const repo = requireRepo(ctx, request);
      const sha = request.params.sha;
      if ((await repo.git.objectType(sha)) !== 'blob') throw notFound();
      const content = await repo.git.readBlob(sha);
      return ok({
        sha,
        node_id: nodeId('Blob', sha),
        size: content.length,
        url: `${repoApiUrl(ctx, repo)}/git/blobs/${sha}`,
        content: wrappedBase64(content),
        encoding: 'base64',
      });
    })
    .add('POST', '/repos/:owner/:repo/git/trees', request =>
      createTree(ctx, request),
    )
    .add('GET', '/repos/:owner/:repo/git/trees/*sha', async request => {
      const repo = requireRepo(ctx, request);
      const sha = await repo.git.resolve(request.params.sha, 'tree');
      if (!sha) throw notFound();
      const recursive =
        !!request.query.get('recursive') &&
        request.query.get('recursive') !== 'false';
      return ok(await treeJson(ctx, repo, sha, recursive));
    })
    .add('POST', '/repos/:owner/:repo/git/commits', request =>
      createCommit(ctx, request),
    )
    .add('GET', '/repos/:owner/:repo/git/commits/:sha', async request => {
      const repo = requireRepo(ctx, request);
      const sha = request.params.sha;
      if ((await repo.git.objectType(sha)) !== 'commit') throw notFound();
      return ok(gitCommitJson(ctx, repo, await readCommit(repo.git, sha)));
    });
}
