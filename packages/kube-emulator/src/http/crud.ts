import { IncomingMessage, ServerResponse } from 'node:http';
import { errors } from '../apiError';
import { applyJsonPatch, JsonPatchError } from '../patch/jsonPatch';
import { applyMergePatch } from '../patch/mergePatch';
import { deleteObject } from '../store/deletion';
import { createObject, updateObject } from '../store/mutations';
import { isObject } from '../store/objects';
import { groupVersion, ResourceType } from '../store/resourceType';
import { ClusterStore } from '../store/store';
import { KubeObject } from '../types';
import { listResponse, parseSelector, selects } from './list';
import { present } from './present';
import { ResourceRequest } from './requestInfo';
import { decodeBody, readBody, sendJson } from './respond';

export interface CrudContext {
  store: ClusterStore;
  req: IncomingMessage;
  res: ServerResponse;
  info: ResourceRequest;
  rt: ResourceType;
  continueTokenTtlMs: number;
}

const subject = (rt: ResourceType, name?: string) => ({
  group: rt.group,
  plural: rt.plural,
  name,
});
const isDryRun = (q: URLSearchParams) => q.getAll('dryRun').includes('All');

async function objectBody(ctx: CrudContext): Promise<KubeObject> {
  const body = decodeBody(
    await readBody(ctx.req),
    ctx.req.headers['content-type'],
  );
  if (!isObject(body))
    throw errors.badRequest('the body of the request must be a JSON object');
  const obj = body as KubeObject;
  const gv = groupVersion(ctx.rt.group, ctx.info.version);
  if (obj.apiVersion && obj.apiVersion !== gv) {
    throw errors.badRequest(
      `the API version in the data (${obj.apiVersion}) does not match the expected API version (${gv})`,
    );
  }
  if (obj.kind && obj.kind !== ctx.rt.kind) {
    throw errors.badRequest(
      `the kind in the data (${obj.kind}) does not match the expected kind (${ctx.rt.kind})`,
    );
  }
  obj.apiVersion = gv;
  obj.kind = ctx.rt.kind;
  obj.metadata = isObject(obj.metadata) ? obj.metadata : {};
  const ns = ctx.info.namespace;
  if (ctx.rt.namespaced && ns !== undefined) {
    if (obj.metadata.namespace && obj.metadata.namespace !== ns) {
      throw errors.badRequest(
        'the namespace of the provided object does not match the namespace sent on the request',
      );
    }
    obj.metadata.namespace = ns;
  }
  return obj;
}

function checkNameMatches(obj: KubeObject, name: string) {
  if (obj.metadata.name && obj.metadata.name !== name) {
    throw errors.badRequest(
      `the name of the object (${obj.metadata.name}) does not match the name on the URL (${name})`,
    );
  }
  obj.metadata.name = name;
}

function current(ctx: CrudContext): KubeObject {
  const obj = ctx.store.get(ctx.rt, ctx.info.namespace, ctx.info.name!);
  if (!obj) throw errors.notFound(subject(ctx.rt, ctx.info.name));
  return obj;
}

export function handleGet(ctx: CrudContext) {
  sendJson(ctx.res, 200, present(current(ctx), ctx.rt, ctx.info.version));
}

export function handleList(ctx: CrudContext) {
  const { info, rt } = ctx;
  sendJson(
    ctx.res,
    200,
    listResponse(ctx.store, {
      rt,
      version: info.version,
      namespace: info.namespace,
      query: info.query,
      continueTokenTtlMs: ctx.continueTokenTtlMs,
    }),
  );
}

export async function handleCreate(ctx: CrudContext) {
  if (ctx.rt.namespaced && ctx.info.namespace === undefined)
    throw errors.methodNotAllowed();
  const body = await objectBody(ctx);
  const created = createObject(ctx.store, ctx.rt, body, {
    dryRun: isDryRun(ctx.info.query),
    requireNamespace: true,
  });
  sendJson(ctx.res, 201, present(created, ctx.rt, ctx.info.version));
}

export async function handleUpdate(ctx: CrudContext) {
  const body = await objectBody(ctx);
  checkNameMatches(body, ctx.info.name!);
  const mode = ctx.info.subresource === 'status' ? 'status' : 'main';
  const updated = updateObject(ctx.store, ctx.rt, body, {
    mode,
    dryRun: isDryRun(ctx.info.query),
  });
  sendJson(ctx.res, 200, present(updated, ctx.rt, ctx.info.version));
}

function patched(
  ctx: CrudContext,
  base: KubeObject,
  patch: unknown,
  contentType: string,
): unknown {
  if (contentType.startsWith('application/json-patch+json')) {
    try {
      return applyJsonPatch(base, patch);
    } catch (e) {
      if (e instanceof JsonPatchError) {
        throw errors.invalid(
          ctx.rt.kind,
          ctx.rt.builtin ? '' : ctx.rt.group,
          ctx.info.name!,
          `patch: ${e.message}`,
        );
      }
      throw e;
    }
  }
  if (!isObject(patch))
    throw errors.badRequest('merge patch must be a JSON object');
  return applyMergePatch(base, patch);
}

const PATCH_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/apply-patch+yaml',
];

export async function handlePatch(ctx: CrudContext) {
  const contentType = (ctx.req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim();
  if (!PATCH_TYPES.includes(contentType))
    throw errors.unsupportedMediaType(contentType);
  const { info, rt, store } = ctx;
  const dryRun = isDryRun(info.query);
  const patch = decodeBody(await readBody(ctx.req), contentType);
  const isApply = contentType === 'application/apply-patch+yaml';
  if (isApply && !info.query.get('fieldManager')) {
    throw errors.invalid(
      'PatchOptions',
      'meta.k8s.io',
      '',
      'fieldManager: Required value: is required for apply patch',
    );
  }
  const existing = store.get(rt, info.namespace, info.name!);
  if (!existing && isApply && !info.subresource) {
    // Server-side apply creates missing objects; we approximate SSA with merge semantics.
    const body = {
      ...(patch as KubeObject),
      apiVersion: groupVersion(rt.group, info.version),
      kind: rt.kind,
    };
    body.metadata = {
      ...(isObject(body.metadata) ? body.metadata : {}),
      name: info.name,
      namespace: info.namespace,
    };
    const created = createObject(store, rt, body, {
      dryRun,
      requireNamespace: true,
    });
    sendJson(ctx.res, 201, present(created, rt, info.version));
    return;
  }
  const base = existing ?? current(ctx);
  const result = patched(ctx, base, patch, contentType);
  if (!isObject(result))
    throw errors.badRequest(
      'the patch produced something that is not an object',
    );
  const obj = result as KubeObject;
  obj.apiVersion = base.apiVersion;
  obj.kind = base.kind;
  obj.metadata = {
    ...(isObject(obj.metadata) ? obj.metadata : {}),
    name: base.metadata.name,
    namespace: base.metadata.namespace,
  };
  const mode = info.subresource === 'status' ? 'status' : 'main';
  const updated = updateObject(store, rt, obj, { mode, dryRun });
  sendJson(ctx.res, 200, present(updated, rt, info.version));
}

async function deleteOptions(ctx: CrudContext) {
  const body = decodeBody(
    await readBody(ctx.req),
    ctx.req.headers['content-type'],
  );
  const opts = isObject(body) ? body : {};
  const pre = isObject(opts.preconditions) ? opts.preconditions : undefined;
  const dryRun =
    isDryRun(ctx.info.query) ||
    (Array.isArray(opts.dryRun) && opts.dryRun.includes('All'));
  return {
    dryRun,
    preconditions: pre as
      | { uid?: string; resourceVersion?: string }
      | undefined,
  };
}

export async function handleDelete(ctx: CrudContext) {
  const { info, rt } = ctx;
  const { object, removed } = deleteObject(
    ctx.store,
    rt,
    info.namespace,
    info.name!,
    await deleteOptions(ctx),
  );
  if (rt.returnsDeletedObject || !removed) {
    sendJson(ctx.res, 200, present(object, rt, info.version));
    return;
  }
  sendJson(ctx.res, 200, {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    details: {
      name: object.metadata.name,
      ...(rt.group ? { group: rt.group } : {}),
      kind: rt.plural,
      uid: object.metadata.uid,
    },
  });
}

export async function handleDeleteCollection(ctx: CrudContext) {
  const { info, rt, store } = ctx;
  const opts = await deleteOptions(ctx);
  const selector = parseSelector(info.query, rt);
  const victims = store
    .list(rt, info.namespace)
    .filter(o => selects(selector, o));
  const items = victims.map(
    o =>
      deleteObject(store, rt, o.metadata.namespace, o.metadata.name!, opts)
        .object,
  );
  sendJson(ctx.res, 200, {
    kind: rt.listKind,
    apiVersion: groupVersion(rt.group, info.version),
    metadata: { resourceVersion: String(store.resourceVersion) },
    items: items.map(o => present(o, rt, info.version)),
  });
}
