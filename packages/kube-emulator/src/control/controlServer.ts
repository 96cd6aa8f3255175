import {
  createServer,
  IncomingMessage,
  Server,
  ServerResponse,
} from 'node:http';
import { Cluster } from '../cluster';
import { readBody } from '../http/respond';
import { Fault, KubeObject } from '../types';
import { flattenObjects, parseObjects } from '../yamlDocs';

class ControlError extends Error {
  constructor(readonly code: number, message: string) {
    super(message);
  }
}

function send(res: ServerResponse, code: number, body: unknown) {
  const text = JSON.stringify(body);
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': String(Buffer.byteLength(text)),
  });
  res.end(text);
}

async function bodyOf(
  req: IncomingMessage,
): Promise<{ text: string; json: () => unknown }> {
  const text = (await readBody(req)).toString('utf8');
  return {
    text,
    json: () => {
      try {
        return text.trim() ? JSON.parse(text) : {};
      } catch {
        throw new ControlError(400, 'body is not valid JSON');
      }
    },
  };
}

function summary(o: KubeObject) {
  const m = o.metadata;
  return {
    apiVersion: o.apiVersion,
    kind: o.kind,
    namespace: m.namespace,
    name: m.name,
    resourceVersion: m.resourceVersion,
  };
}

type Route = (
  cluster: Cluster,
  rest: string[],
  req: IncomingMessage,
) => Promise<[number, unknown]>;

const clusterRoutes: Record<string, Route> = {
  'POST objects': async (cluster, rest, req) => {
    if (rest.length) throw new ControlError(404, 'not found');
    const body = await bodyOf(req);
    const isYaml = (req.headers['content-type'] ?? '').includes('yaml');
    let objects: KubeObject[];
    try {
      objects = isYaml ? parseObjects(body.text) : flattenObjects(body.json());
    } catch (e) {
      throw new ControlError(400, (e as Error).message);
    }
    try {
      const applied = cluster.apply(objects);
      return [200, { applied: applied.length, objects: applied.map(summary) }];
    } catch (e) {
      throw new ControlError(422, (e as Error).message);
    }
  },
  'DELETE objects': async (cluster, rest) => {
    if (rest.length !== 4)
      throw new ControlError(
        404,
        'expected objects/:apiVersion/:kind/:namespace/:name',
      );
    const [apiVersion, kind, namespace, name] = rest;
    const removed = cluster.remove(
      apiVersion,
      kind,
      name,
      namespace === '_' ? undefined : namespace,
    );
    if (!removed) throw new ControlError(404, `${kind} ${name} not found`);
    return [200, { removed: true }];
  },
  'POST faults': async (cluster, rest, req) => {
    if (rest.length) throw new ControlError(404, 'not found');
    try {
      return [
        201,
        { id: cluster.addFault((await bodyOf(req)).json() as Fault) },
      ];
    } catch (e) {
      if (e instanceof ControlError) throw e;
      throw new ControlError(400, (e as Error).message);
    }
  },
  'DELETE faults': async (cluster, rest) => {
    if (rest.length > 1) throw new ControlError(404, 'not found');
    cluster.clearFaults(rest[0]);
    return [200, { cleared: rest[0] ?? 'all' }];
  },
  'POST stop': async cluster => {
    await cluster.stop();
    return [200, { up: false }];
  },
  'POST start': async cluster => {
    await cluster.start();
    return [200, { up: true, url: cluster.url }];
  },
  'POST compact': async cluster => {
    cluster.compact();
    return [200, { compacted: true }];
  },
  'POST token': async (cluster, _rest, req) => {
    const { token } = (await bodyOf(req)).json() as { token?: unknown };
    if (typeof token !== 'string' || !token)
      throw new ControlError(
        400,
        'body must be {"token": "<non-empty string>"}',
      );
    cluster.setToken(token);
    return [200, { updated: true }]; // never echo the token
  },
};

/** The control API other processes (sandbox, e2e tests) use to seed, break and restore clusters. */
export function createControlServer(clusters: Cluster[]): Server {
  const byName = new Map(clusters.map(c => [c.name, c]));
  return createServer(async (req, res) => {
    try {
      const segments = (req.url ?? '/')
        .split('?')[0]
        .split('/')
        .filter(Boolean)
        .map(decodeURIComponent);
      if (segments[0] !== 'clusters') throw new ControlError(404, 'not found');
      if (segments.length === 1 && req.method === 'GET') {
        send(
          res,
          200,
          clusters.map(c => ({
            name: c.name,
            url: c.url,
            up: c.up,
            objects: c.store.count(),
          })),
        );
        return;
      }
      const cluster = byName.get(segments[1] ?? '');
      if (!cluster)
        throw new ControlError(404, `unknown cluster "${segments[1]}"`);
      const route = clusterRoutes[`${req.method} ${segments[2]}`];
      if (!route) throw new ControlError(404, 'not found');
      const [code, body] = await route(cluster, segments.slice(3), req);
      send(res, code, body);
    } catch (e) {
      const code = e instanceof ControlError ? e.code : 500;
      send(res, code, { error: (e as Error).message });
    }
  });
}
