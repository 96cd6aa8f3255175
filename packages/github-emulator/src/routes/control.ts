import { EmulatorContext } from '../context';
import { assertFault, FaultRegistry } from '../faults';
import {
  ApiError,
  bodyObject,
  noContent,
  ok,
  optionalBoolean,
  optionalString,
  requiredString,
} from '../http/api';
import { Router } from '../http/router';
import { CreateRepoOptions, GithubAppRegistration } from '../types';
import { pullJson } from '../shapes/pulls';

export interface ControlDeps {
  ctx: EmulatorContext;
  faults: FaultRegistry;
  createRepo(
    owner: string,
    repo: string,
    opts: CreateRepoOptions,
  ): Promise<void>;
}

function filesOf(
  body: Record<string, unknown>,
): Record<string, string> | undefined {
  const files = body.files;
  if (files === undefined || files === null) return undefined;
  const valid =
    typeof files === 'object' &&
    !Array.isArray(files) &&
    Object.values(files).every(content => typeof content === 'string');
  if (!valid)
    throw new ApiError(422, 'files must map paths to string contents');
  return files as Record<string, string>;
}

/** `/_emulator/...`: unauthenticated setup and inspection for other processes. */
export function createControlRouter(deps: ControlDeps): Router {
  const { ctx, faults } = deps;
  return new Router()
    .add('GET', '/_emulator/health', async () => ok({ ok: true }))
    .add('POST', '/_emulator/repos', async request => {
      const body = bodyObject(request);
      const owner = requiredString(body, 'owner');
      const repo = requiredString(body, 'repo');
      await deps.createRepo(owner, repo, {
        defaultBranch: optionalString(body, 'defaultBranch'),
        files: filesOf(body),
        message: optionalString(body, 'message'),
        private: optionalBoolean(body, 'private'),
      });
      return ok(
        { owner, repo, cloneUrl: `${ctx.urls.url}/${owner}/${repo}.git` },
        201,
      );
    })
    .add('POST', '/_emulator/apps', async request => {
      const body = bodyObject(request);
      if (typeof body.appId !== 'number') {
        throw new ApiError(422, 'appId must be a number');
      }
      try {
        return ok(
          ctx.apps.register(body as unknown as GithubAppRegistration),
          201,
        );
      } catch (error) {
        throw new ApiError(422, (error as Error).message);
      }
    })
    .add('POST', '/_emulator/faults', async request => {
      const fault = bodyObject(request);
      try {
        assertFault(fault);
      } catch (error) {
        throw new ApiError(422, (error as Error).message);
      }
      return ok({ id: faults.add(fault) }, 201);
    })
    .add('DELETE', '/_emulator/faults', async () => {
      faults.clear();
      return noContent;
    })
    .add('DELETE', '/_emulator/faults/:id', async request => {
      faults.clear(request.params.id);
      return noContent;
    })
    .add('GET', '/_emulator/repos/:owner/:repo/pulls', async request => {
      const repo = ctx.repos.require(request.params.owner, request.params.repo);
      const pulls = [];
      for (const pull of repo.meta.pulls)
        pulls.push(await pullJson(ctx, repo, pull, { detail: true }));
      return ok(pulls);
    });
}
