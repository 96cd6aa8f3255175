import { randomBytes } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { EmulatorContext } from '../context';
import { faultResponse, FaultRegistry } from '../faults';
import { ApiError, ApiResponse, DOCUMENTATION_URL } from './api';
import { Actor } from './actor';
import { authenticate, authorize } from './auth';
import { Router } from './router';
import { isPush, parseGitPath, serveGitBackend } from './smartHttp';

export interface RequestPipeline {
  ctx: EmulatorContext;
  /** The GitHub API (authenticated, faults apply). */
  api: Router;
  /** `/_emulator/...` (no auth, no faults). */
  control: Router;
  faults: FaultRegistry;
  /** Accepted tokens; undefined accepts any non-empty token. */
  tokens?: string[];
  /** `<dataDir>/repos`. */
  projectRoot: string;
}

const API_PREFIX = '/api/v3';
const GIT_CHALLENGE = { 'www-authenticate': 'Basic realm="GitHub"' };

function send(
  res: ServerResponse,
  response: ApiResponse,
  requestId: string,
): void {
  const headers: Record<string, string> = {
    'x-github-request-id': requestId,
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-ratelimit-used': '1',
    'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + 3600),
    'x-ratelimit-resource': 'core',
    ...response.headers,
  };
  if (response.status === 204 || response.body === undefined) {
    res.writeHead(response.status, headers).end();
  } else if (Buffer.isBuffer(response.body)) {
    res.writeHead(response.status, {
      'content-type': 'application/octet-stream',
      ...headers,
    });
    res.end(response.body);
  } else {
    res.writeHead(response.status, {
      'content-type': 'application/json; charset=utf-8',
      ...headers,
    });
    res.end(JSON.stringify(response.body));
  }
}

function errorResponse(error: unknown): ApiResponse {
  if (error instanceof ApiError) {
    return {
      status: error.status,
      headers: error.headers,
      body: {
        message: error.message,
        ...error.extra,
        documentation_url: DOCUMENTATION_URL,
      },
    };
  }
  // Unexpected: log the error itself (never request headers, which carry tokens).
  console.error('github-emulator: internal error', error);
  return {
    status: 500,
    body: { message: 'Server Error', documentation_url: DOCUMENTATION_URL },
  };
}

/** `token X`, `Bearer X`, or Basic credentials (token as password or username). */
function tokenFrom(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization ?? '';
  const bearer = /^(?:token|bearer)\s+(\S+)$/i.exec(header);
  if (bearer) return bearer[1];
  const basic = /^basic\s+(\S+)$/i.exec(header);
  if (!basic) return undefined;
  const [user, password] = Buffer.from(basic[1], 'base64')
    .toString('utf8')
    .split(':');
  return password || user || undefined;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, 'Problems parsing JSON');
  }
}

async function route(
  router: Router,
  req: IncomingMessage,
  url: URL,
  path: string,
  actor: Actor,
): Promise<ApiResponse> {
  const method = req.method ?? 'GET';
  const match = router.match(method, path);
  const body = await readJson(req);
  if (!match) throw new ApiError(404, 'Not Found');
  return match.handler({
    method,
    path,
    rawUrl: `${url.pathname}${url.search}`,
    params: match.params,
    query: url.searchParams,
    headers: req.headers,
    body,
    actor,
  });
}

/** Returns the HTTP request listener of the emulator. */
export function createRequestListener(pipeline: RequestPipeline) {
  const { ctx } = pipeline;
  const authOptions = {
    apps: ctx.apps,
    tokens: pipeline.tokens,
    login: ctx.login,
  };
  const controlActor: Actor = { kind: 'user', login: ctx.login };

  /** Who sends the request; a 401 on a git path carries the Basic challenge git answers. */
  function actorOf(token: string | undefined, path: string, isGit: boolean) {
    try {
      const actor = authenticate(token, authOptions);
      authorize(actor, path, isGit);
      return actor;
    } catch (error) {
      if (isGit && error instanceof ApiError && error.status === 401) {
        throw new ApiError(401, error.message, {}, GIT_CHALLENGE);
      }
      throw error;
    }
  }

  async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
  ) {
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const rawPath =
      url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`)
        ? url.pathname.slice(API_PREFIX.length) || '/'
        : url.pathname;
    let path: string;
    try {
      path = decodeURIComponent(rawPath);
    } catch {
      throw new ApiError(400, 'Malformed URL');
    }
    if (path.startsWith('/_emulator/')) {
      send(
        res,
        await route(pipeline.control, req, url, path, controlActor),
        requestId,
      );
      return;
    }
    const gitPath = parseGitPath(rawPath);
    const token = tokenFrom(req);
    // Like GitHub for a public repo: fetching needs no credentials, pushing
    // does (the 401 challenge makes git send them); sent ones must be valid.
    const anonymousGit =
      gitPath && token === undefined && !isPush(rawPath, url.searchParams);
    const actor = anonymousGit
      ? undefined
      : actorOf(token, path, gitPath !== null);
    const method = req.method ?? 'GET';
    const fault = pipeline.faults.take(method, [rawPath, path]);
    if (fault && fault.type !== 'error-after-write') {
      send(res, faultResponse(fault, requestId), requestId);
      return;
    }
    if (gitPath) {
      if (!pipeline.ctx.repos.exists(gitPath.owner, gitPath.repo))
        throw new ApiError(404, 'Repository not found.');
      const target = {
        projectRoot: pipeline.projectRoot,
        pathInfo: rawPath,
        query: url.search.slice(1),
        remoteUser: actor?.login ?? 'anonymous',
      };
      await serveGitBackend(req, fault ? null : res, target);
      if (fault) send(res, faultResponse(fault, requestId), requestId);
      return;
    }
    let response: ApiResponse;
    try {
      response = await route(pipeline.api, req, url, path, actor!);
    } catch (error) {
      response = errorResponse(error);
    }
    // An error-after-write fault: the work above happened, the client hears otherwise.
    send(res, fault ? faultResponse(fault, requestId) : response, requestId);
  }

  return (req: IncomingMessage, res: ServerResponse) => {
    const requestId = randomBytes(8).toString('hex').toUpperCase();
    handle(req, res, requestId).catch(error => {
      if (res.headersSent) res.end();
      else send(res, errorResponse(error), requestId);
    });
  };
}
