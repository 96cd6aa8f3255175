import { ServerResponse } from 'node:http';
import { errors } from '../apiError';
import { StoreEvent } from '../store/history';
import { ClusterStore } from '../store/store';
import { groupVersion, ResourceType, storageKey } from '../store/resourceType';
import { KubeObject } from '../types';
import { parseSelector, selects } from './list';
import { present } from './present';

export interface WatchParams {
  rt: ResourceType;
  version: string;
  namespace?: string;
  name?: string;
  query: URLSearchParams;
  bookmarkIntervalMs: number;
  /** Fault behaviour: `silent` sends headers only; `drop` destroys the socket after the initial events. */
  fault?: 'silent' | 'drop';
}

type WatchType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

/** How a stored change looks to a watcher with a selector (objects can move in or out of its view). */
function viewOf(
  event: StoreEvent,
  visible: (o: KubeObject) => boolean,
): 'ADDED' | 'MODIFIED' | 'DELETED' | undefined {
  const now = visible(event.object);
  if (event.type !== 'MODIFIED') return now ? event.type : undefined;
  const before = event.previous ? visible(event.previous) : false;
  if (now && before) return 'MODIFIED';
  if (now) return 'ADDED';
  return before ? 'DELETED' : undefined;
}

function parseResourceVersion(raw: string | null): number | undefined {
  if (raw === null || raw === '' || raw === '0') return undefined;
  const rv = Number(raw);
  if (!Number.isInteger(rv) || rv < 0) {
    throw errors.badRequest(
      `resourceVersion: Invalid value: "${raw}": must be a non-negative integer`,
    );
  }
  return rv;
}

/** Serves one watch stream: replay or initial ADDED events, then live changes, bookmarks and timeout. */
export function serveWatch(
  store: ClusterStore,
  res: ServerResponse,
  p: WatchParams,
) {
  const selector = parseSelector(p.query, p.rt, p.name);
  const fromRv = parseResourceVersion(p.query.get('resourceVersion'));
  const timeoutSeconds = Number(p.query.get('timeoutSeconds') ?? 0);
  const bookmarks = ['true', '1'].includes(
    p.query.get('allowWatchBookmarks') ?? '',
  );
  const key = storageKey(p.rt);
  const visible = (o: KubeObject) =>
    selects(selector, o, p.rt.namespaced ? p.namespace : undefined);

  if (res.destroyed) return; // the client left while a latency fault held the request
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
    'Transfer-Encoding': 'chunked',
  });
  res.flushHeaders();
  if (p.fault === 'silent') return; // headers only; the socket is closed by the client or by stop()

  const line = (type: WatchType, object: unknown) =>
    `${JSON.stringify({ type, object })}\n`;
  const send = (type: WatchType, object: unknown) => {
    if (!res.destroyed) res.write(line(type, object));
  };
  const changeLine = (event: StoreEvent): string => {
    if (event.resource !== key) return '';
    const type = viewOf(event, visible);
    return type ? line(type, present(event.object, p.rt, p.version)) : '';
  };

  const initial: StoreEvent[] | undefined =
    fromRv === undefined
      ? store
          .list(p.rt)
          .map(object => ({ type: 'ADDED', rv: 0, resource: key, object }))
      : store.history.since(fromRv);
  if (!initial) {
    // What kube-apiserver does for a watch from a compacted RV: 200, one ERROR event, end of stream.
    const expired = errors.expired(
      `too old resource version: ${fromRv} (${store.history.oldestRv})`,
    );
    send('ERROR', expired.status);
    res.end();
    return;
  }
  const initialLines = initial.map(changeLine).join('');
  if (p.fault === 'drop') {
    const destroy = () => res.socket?.destroy();
    if (initialLines) res.write(initialLines, destroy);
    else setTimeout(destroy, 10);
    return;
  }
  if (initialLines) res.write(initialLines);

  const unsubscribe = store.subscribe(event => {
    const text = changeLine(event);
    if (text && !res.destroyed) res.write(text);
  });
  const timers: NodeJS.Timeout[] = [];
  if (bookmarks) {
    const gv = groupVersion(p.rt.group, p.version);
    timers.push(
      setInterval(() => {
        send('BOOKMARK', {
          kind: p.rt.kind,
          apiVersion: gv,
          metadata: { resourceVersion: String(store.resourceVersion) },
        });
      }, p.bookmarkIntervalMs),
    );
  }
  if (timeoutSeconds > 0)
    timers.push(setTimeout(() => res.end(), timeoutSeconds * 1000));
  const cleanup = () => {
    unsubscribe();
    timers.forEach(t => clearTimeout(t));
  };
  res.on('close', cleanup);
  res.on('finish', cleanup);
}
