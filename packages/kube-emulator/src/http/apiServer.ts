import { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, errors } from '../apiError';
import { ClusterStore } from '../store/store';
import { ResourceType } from '../store/resourceType';
import {
  CrudContext,
  handleCreate,
  handleDelete,
  handleDeleteCollection,
  handleGet,
  handleList,
  handlePatch,
  handleUpdate,
} from './crud';
import { discoveryDocument } from './discovery';
import { FaultPlan, FaultSet } from './faults';
import {
  faultVerb,
  parseRequest,
  RequestInfo,
  ResourceRequest,
  ResourceVerb,
} from './requestInfo';
import { sendError, sendJson } from './respond';
import { serveWatch } from './watch';

export interface ApiServerConfig {
  store: ClusterStore;
  faults: FaultSet;
  token: () => string;
  /** host:port for the `/api` serverAddressByClientCIDRs entry. */
  serverAddress: () => string;
  bookmarkIntervalMs: number;
  continueTokenTtlMs: number;
}

function statusFault(
  fault: Extract<FaultPlan['terminal'], { type: 'status' }>,
  target: ReturnType<typeof targetOf>,
): ApiError {
  const what = target.resource ?? 'resource';
  switch (fault.status) {
    case 401:
      return errors.unauthorized();
    case 403:
      return new ApiError(
        403,
        'Forbidden',
        `${what} is forbidden: User "system:serviceaccount:gitops:portal" cannot ${
          target.verb
        } resource "${what}" in API group "${target.group ?? ''}"${
          target.namespace ? ` in the namespace "${target.namespace}"` : ''
        }`,
        { ...(target.group ? { group: target.group } : {}), kind: what },
      );
    case 429: {
      const seconds = fault.retryAfterSeconds ?? 1;
      return new ApiError(
        429,
        'TooManyRequests',
        'Too many requests, please try again later.',
        { retryAfterSeconds: seconds },
        { 'Retry-After': String(seconds) },
      );
    }
    case 503:
      return new ApiError(
        503,
        'ServiceUnavailable',
        'the server is currently unable to handle the request',
        {},
      );
    default:
      return errors.internal('injected fault');
  }
}

function targetOf(info: RequestInfo) {
  if (info.type === 'resource') {
    return {
      group: info.group,
      resource: info.plural,
      namespace: info.namespace,
      verb: faultVerb(info),
    };
  }
  const segments = info.type === 'discovery' ? info.segments : [];
  let group: string | undefined;
  if (segments[0] === 'apis') group = segments[1];
  else if (segments[0] === 'api') group = '';
  return {
    group,
    resource: undefined,
    namespace: undefined,
    verb: faultVerb(info),
  };
}

function resolve(cfg: ApiServerConfig, info: ResourceRequest): ResourceType {
  const rt = cfg.store.registry.find(info.group, info.version, info.plural);
  if (!rt) throw errors.unknownPath();
  if (info.namespace !== undefined && !rt.namespaced)
    throw errors.unknownPath();
  if (rt.namespaced && info.name !== undefined && info.namespace === undefined)
    throw errors.unknownPath();
  if (info.subresource !== undefined) {
    const supported = info.subresource === 'status' && rt.statusSubresource;
    const verbOk = ['get', 'update', 'patch'].includes(info.verb);
    if (!supported || !verbOk) throw errors.unknownPath();
  }
  return rt;
}

const HANDLERS: Record<
  Exclude<ResourceVerb, 'watch'>,
  (ctx: CrudContext) => void | Promise<void>
> = {
  get: handleGet,
  list: handleList,
  create: handleCreate,
  update: handleUpdate,
  patch: handlePatch,
  delete: handleDelete,
  deletecollection: handleDeleteCollection,
};

async function serveResource(
  cfg: ApiServerConfig,
  req: IncomingMessage,
  res: ServerResponse,
  info: ResourceRequest,
  plan: FaultPlan,
) {
  const rt = resolve(cfg, info);
  if (info.verb === 'watch') {
    const fault = plan.terminal?.type === 'silent-watch' ? 'silent' : undefined;
    serveWatch(cfg.store, res, {
      rt,
      version: info.version,
      namespace: info.namespace,
      name: info.name,
      query: info.query,
      bookmarkIntervalMs: cfg.bookmarkIntervalMs,
      fault:
        fault ??
        (plan.terminal?.type === 'drop-connection' ? 'drop' : undefined),
    });
    return;
  }
  const ctx: CrudContext = {
    store: cfg.store,
    req,
    res,
    info,
    rt,
    continueTokenTtlMs: cfg.continueTokenTtlMs,
  };
  await HANDLERS[info.verb](ctx);
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** The request handler of one emulated cluster: auth, faults, then discovery or resource handling. */
export function createApiHandler(cfg: ApiServerConfig) {
  const isNamespaced = (g: string, v: string, plural: string) =>
    !!cfg.store.registry.find(g, v, plural)?.namespaced;
  return async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const info = parseRequest(
        req.method ?? 'GET',
        req.url ?? '/',
        isNamespaced,
      );
      if (
        info.type === 'discovery' &&
        info.anonymous &&
        info.segments[0] !== 'version'
      ) {
        res
          .writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' })
          .end('ok');
        return;
      }
      const anonymous = info.type === 'discovery' && info.anonymous;
      if (!anonymous && req.headers.authorization !== `Bearer ${cfg.token()}`)
        throw errors.unauthorized();
      const target = targetOf(info);
      const plan = cfg.faults.take(target);
      if (plan.latencyMs > 0) await sleep(plan.latencyMs);
      const terminal = plan.terminal;
      if (terminal?.type === 'status') throw statusFault(terminal, target);
      const isWatch = info.type === 'resource' && info.verb === 'watch';
      if (terminal?.type === 'drop-connection' && !isWatch) {
        req.socket.destroy();
        return;
      }
      if (info.type === 'resource')
        await serveResource(cfg, req, res, info, plan);
      else if (info.type === 'discovery')
        sendJson(
          res,
          200,
          discoveryDocument(
            info.segments,
            cfg.store.registry,
            cfg.serverAddress(),
          ),
        );
      else throw errors.unknownPath();
    } catch (error) {
      sendError(res, error);
    }
  };
}
