import { EmulatorContext } from '../context';
import { isSha } from '../git/repo';
import {
  ApiError,
  ApiRequest,
  bodyObject,
  noContent,
  notFound,
  ok,
  optionalBoolean,
  requiredString,
} from '../http/api';
import { Router } from '../http/router';
import { RepoHandle } from '../repos';
import { refJson } from '../shapes/common';
import { requireNotEmpty, requireRepo, trimSlashes } from './helpers';

/** Attempts at a compare-and-swap before giving up on a ref that keeps moving. */
const CAS_ATTEMPTS = 5;

/** `heads/main` and `refs/heads/main` both name refs/heads/main. */
function fullRefName(ref: string): string {
  const name = trimSlashes(ref);
  return name.startsWith('refs/') ? name : `refs/${name}`;
}

async function requireObject(repo: RepoHandle, sha: string): Promise<void> {
  if (!isSha(sha) || !(await repo.git.objectType(sha))) {
    throw new ApiError(422, 'Object does not exist');
  }
}

async function createRef(ctx: EmulatorContext, request: ApiRequest) {
  const repo = requireRepo(ctx, request);
  const body = bodyObject(request);
  const ref = requiredString(body, 'ref');
  const sha = requiredString(body, 'sha');
  if (!ref.startsWith('refs/') || ref.split('/').length < 3) {
    throw new ApiError(
      422,
      "Reference name must start with 'refs/' and have at least two slashes.",
    );
  }
  if (!(await repo.git.isValidRefName(ref))) {
    throw new ApiError(422, `${ref} is not a valid ref name.`);
  }
  await requireObject(repo, sha);
  if (!(await repo.git.compareAndSwapRef(ref, sha, null))) {
    throw new ApiError(422, 'Reference already exists');
  }
  const entry = await repo.git.getRef(ref);
  return ok(refJson(ctx, repo, entry!), 201);
}

/**
 * Moves a ref with compare-and-swap: a non-forced update is checked to be a
 * fast-forward of the value it then swaps out, so a concurrent writer's
 * commit is never overwritten silently.
 */
async function updateRef(ctx: EmulatorContext, request: ApiRequest) {
  const repo = requireRepo(ctx, request);
  const body = bodyObject(request);
  const sha = requiredString(body, 'sha');
  const force = optionalBoolean(body, 'force') ?? false;
  const ref = fullRefName(request.params.ref);
  await requireObject(repo, sha);
  for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
    const current = await repo.git.getRef(ref);
    if (!current) throw new ApiError(422, 'Reference does not exist');
    if (!force && !(await repo.git.isAncestor(current.sha, sha))) {
      throw new ApiError(422, 'Update is not a fast forward');
    }
    if (await repo.git.compareAndSwapRef(ref, sha, current.sha)) {
      return ok(refJson(ctx, repo, (await repo.git.getRef(ref))!));
    }
  }
  throw new ApiError(
    409,
    'Reference update failed: the reference kept changing',
  );
}

async function deleteRef(ctx: EmulatorContext, request: ApiRequest) {
  const repo = requireRepo(ctx, request);
  const ref = fullRefName(request.params.ref);
  for (let attempt = 0; attempt < CAS_ATTEMPTS; attempt++) {
    const current = await repo.git.getRef(ref);
    if (!current) throw new ApiError(422, 'Reference does not exist');
    if (await repo.git.deleteRef(ref, current.sha)) return noContent;
  }
  throw new ApiError(
    409,
    'Reference update failed: the reference kept changing',
  );
}

export function registerRefRoutes(router: Router, ctx: EmulatorContext): void {
  router
    .add('GET', '/repos/:owner/:repo/git/ref/*ref', async request => {
      const repo = requireRepo(ctx, request);
      await requireNotEmpty(repo);
      const entry = await repo.git.getRef(fullRefName(request.params.ref));
      if (!entry) throw notFound();
      return ok(refJson(ctx, repo, entry));
    })
    .add('GET', '/repos/:owner/:repo/git/matching-refs/*ref', async request => {
      const repo = requireRepo(ctx, request);
      await requireNotEmpty(repo);
      const refs = await repo.git.listRefs(fullRefName(request.params.ref));
      return ok(refs.map(entry => refJson(ctx, repo, entry)));
    })
    // The legacy form: one object for an exact name, an array for a prefix.
    .add('GET', '/repos/:owner/:repo/git/refs/*ref', async request => {
      const repo = requireRepo(ctx, request);
      await requireNotEmpty(repo);
      const name = request.params.ref
        ? fullRefName(request.params.ref)
        : 'refs/';
      const refs = await repo.git.listRefs(name);
      const exact = refs.find(entry => entry.ref === name);
      if (exact) return ok(refJson(ctx, repo, exact));
      if (refs.length === 0) throw notFound();
      return ok(refs.map(entry => refJson(ctx, repo, entry)));
    })
    .add('POST', '/repos/:owner/:repo/git/refs', request =>
      createRef(ctx, request),
    )
    .add('PATCH', '/repos/:owner/:repo/git/refs/*ref', request =>
      updateRef(ctx, request),
    )
    .add('DELETE', '/repos/:owner/:repo/git/refs/*ref', request =>
      deleteRef(ctx, request),
    );
}
