import { actorIdentity, EmulatorContext, signsCommit } from '../context';
import { isoSeconds, readCommit, writeCommit } from '../git/commits';
import {
  buildTree,
  findEntry,
  listTree,
  TreeChange,
  TreeEntry,
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
import { gitCommitJson } from '../shapes/commits';
import { contentJson } from '../shapes/contents';
import { wrappedBase64 } from './gitData';
import { markVerified, requireRepo, touch, trimSlashes } from './helpers';

function wantsRaw(request: ApiRequest): boolean {
  return /\.raw\b|vnd\.github\.raw/.test(String(request.headers.accept ?? ''));
}

async function getContents(ctx: EmulatorContext, request: ApiRequest) {
  const repo = requireRepo(ctx, request);
  if (await repo.git.isEmpty()) throw notFound('This repository is empty.');
  const ref = request.query.get('ref') || (await repo.git.defaultBranch());
  const commit = await repo.git.resolve(ref);
  if (!commit) throw notFound(`No commit found for the ref ${ref}`);
  const path = trimSlashes(request.params.path);
  const entry: TreeEntry | null = path
    ? await findEntry(repo.git, commit, path)
    : {
        path: '',
        mode: '040000',
        type: 'tree',
        sha: (await repo.git.resolve(commit, 'tree'))!,
      };
  if (!entry) throw notFound();
  if (entry.type === 'tree') {
    const children = await listTree(repo.git, entry.sha);
    return ok(
      children.map(child =>
        contentJson(ctx, repo, ref, {
          ...child,
          path: path ? `${path}/${child.path}` : child.path,
        }),
      ),
    );
  }
  if (entry.type !== 'blob') return ok(contentJson(ctx, repo, ref, entry));
  const content = await repo.git.readBlob(entry.sha);
  if (wantsRaw(request)) {
    return {
      status: 200,
      body: content,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    };
  }
  const json = contentJson(ctx, repo, ref, entry);
  if (json.type === 'symlink')
    return ok({ ...json, target: content.toString('utf8') });
  return ok({ ...json, content: wrappedBase64(content), encoding: 'base64' });
}

interface FileWrite {
  repo: RepoHandle;
  path: string;
  branch: string;
  /** The branch tip the write is based on; null for an empty repository. */
  tip: string | null;
  existing: TreeEntry | null;
}

/** Loads the branch and current file for PUT/DELETE and checks the caller's `sha`. */
async function prepareWrite(
  ctx: EmulatorContext,
  request: ApiRequest,
  mustExist: boolean,
): Promise<FileWrite> {
  const repo = requireRepo(ctx, request);
  const body = bodyObject(request);
  const path = trimSlashes(request.params.path);
  if (!path) throw notFound();
  const branch =
    optionalString(body, 'branch') ?? (await repo.git.defaultBranch());
  const tip = (await repo.git.getRef(`refs/heads/${branch}`))?.sha ?? null;
  if (!tip && (body.branch !== undefined || !(await repo.git.isEmpty()))) {
    throw notFound(`Branch ${branch} not found`);
  }
  const existing = tip ? await findEntry(repo.git, tip, path) : null;
  if (existing?.type === 'tree')
    throw new ApiError(422, `${path} is a directory`);
  if (mustExist && !existing) throw notFound();
  const sha = optionalString(body, 'sha');
  if (existing && sha === undefined)
    throw new ApiError(422, 'Invalid request.\n\n"sha" wasn\'t supplied.');
  if (sha !== undefined && sha !== existing?.sha)
    throw new ApiError(409, `${path} does not match ${sha}`);
  return { repo, path, branch, tip, existing };
}

/** Commits one change on top of the branch tip and moves the branch with compare-and-swap. */
async function commitChange(
  ctx: EmulatorContext,
  request: ApiRequest,
  write: FileWrite,
  change: TreeChange,
) {
  const { repo, tip } = write;
  const body = bodyObject(request);
  const base = tip ? await repo.git.resolve(tip, 'tree') : null;
  const tree = await buildTree(repo.git, base, [change]);
  const identity = (field: string) => {
    const value = body[field] as Record<string, unknown> | undefined;
    return value && typeof value === 'object'
      ? {
          name: requiredString(value, 'name'),
          email: requiredString(value, 'email'),
        }
      : undefined;
  };
  const custom = identity('author') ?? identity('committer');
  const author = custom ?? actorIdentity(request.actor);
  const sha = await writeCommit(repo.git, {
    tree,
    parents: tip ? [tip] : [],
    message: requiredString(body, 'message'),
    author,
    committer: identity('committer') ?? author,
  });
  if (signsCommit(request.actor, !!custom)) markVerified(ctx, repo, sha);
  if (
    !(await repo.git.compareAndSwapRef(`refs/heads/${write.branch}`, sha, tip))
  ) {
    throw new ApiError(
      409,
      `refs/heads/${write.branch} was modified concurrently; expected ${tip}`,
    );
  }
  touch(ctx, repo, isoSeconds());
  return {
    sha,
    commit: gitCommitJson(ctx, repo, await readCommit(repo.git, sha)),
  };
}

async function putContents(ctx: EmulatorContext, request: ApiRequest) {
  const body = bodyObject(request);
  requiredString(body, 'message');
  const content = Buffer.from(requiredString(body, 'content'), 'base64');
  const write = await prepareWrite(ctx, request, false);
  const blob = await write.repo.git.writeBlob(content);
  const mode = write.existing?.mode ?? '100644';
  const { commit } = await commitChange(ctx, request, write, {
    path: write.path,
    mode,
    type: 'blob',
    sha: blob,
  });
  const entry = {
    path: write.path,
    mode,
    type: 'blob' as const,
    sha: blob,
    size: content.length,
  };
  return ok(
    { content: contentJson(ctx, write.repo, write.branch, entry), commit },
    write.existing ? 200 : 201,
  );
}

async function deleteContents(ctx: EmulatorContext, request: ApiRequest) {
  const body = bodyObject(request);
  requiredString(body, 'message');
  const write = await prepareWrite(ctx, request, true);
  const { commit } = await commitChange(ctx, request, write, {
    path: write.path,
    delete: true,
  });
  return ok({ content: null, commit });
}

/**
 * `/<owner>/<repo>/raw/<ref>/<path>`, where `download_url` points. The ref may
 * itself contain slashes, so the shortest prefix that resolves wins.
 */
async function getRaw(ctx: EmulatorContext, request: ApiRequest) {
  const repo = requireRepo(ctx, request);
  const parts = trimSlashes(request.params.rest).split('/');
  for (let split = 1; split < parts.length; split++) {
    const commit = await repo.git.resolve(parts.slice(0, split).join('/'));
    if (!commit) continue;
    const entry = await findEntry(
      repo.git,
      commit,
      parts.slice(split).join('/'),
    );
    if (entry?.type !== 'blob') break;
    return {
      status: 200,
      body: await repo.git.readBlob(entry.sha),
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    };
  }
  throw notFound();
}

export function registerContentRoutes(
  router: Router,
  ctx: EmulatorContext,
): void {
  router
    .add('GET', '/repos/:owner/:repo/contents/*path', request =>
      getContents(ctx, request),
    )
    .add('PUT', '/repos/:owner/:repo/contents/*path', request =>
      putContents(ctx, request),
    )
    .add('DELETE', '/repos/:owner/:repo/contents/*path', request =>
      deleteContents(ctx, request),
    )
    .add('GET', '/:owner/:repo/raw/*rest', request => getRaw(ctx, request));
}
