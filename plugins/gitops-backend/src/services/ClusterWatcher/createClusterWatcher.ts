import { xrdFromObject, Xrd } from '@gitops-portal/plugin-gitops-common';
import { createKubeClient, KubeRequestError } from '../KubeClient';
import { DEFAULT_BACKOFF, sleep } from './backoff';
import { ConnectionTracker } from './connection';
import { CRD_KIND, CrdIndex } from './crdIndex';
import { discoverKinds } from './discovery';
import { RawObserver } from './kindObjects';
import { KindWatch } from './kindWatch';
import { createTaskLimit } from './listPageLimit';
import {
  kindId,
  kindsFromXrd,
  KindSpec,
  ResolvedKind,
  STATIC_KINDS,
} from './kinds';
import { ClusterWatcher, ClusterWatcherOptions } from './types';

const sameKind = (a: ResolvedKind, b: ResolvedKind) =>
  a.version === b.version &&
  a.plural === b.plural &&
  a.crossplaneRole === b.crossplaneRole;

export function createClusterWatcher(
  options: ClusterWatcherOptions,
): ClusterWatcher {
  const { cluster, cache, logger } = options;
  const name = cluster.name;
  const client = createKubeClient(cluster.kubeConfig);
  const limit = createTaskLimit({ concurrency: options.concurrency ?? 4 });
  const controller = new AbortController();
  const startedAt = Date.now();
  let loggedState = 'ok';
  const connection = new ConnectionTracker(notify, options.staleAfterMs);
  const watches = new Map<string, KindWatch>();
  /** Kinds we want but the cluster does not serve. */
  let absent: KindSpec[] = [];
  const xrdObjects = new Map<string, Record<string, unknown>>();
  let discoveryLoop: Promise<void> | undefined;
  let wakeDiscovery: () => void = () => {};
  let rediscoverRequested = false;
  // Discovery is re-read when a CRD changes (the CRD watch), not polled: the first round waits
  // for the CRD list (or its failure), and while CRDs cannot be watched discovery is polled.
  let markCrdReady: () => void = () => {};
  const crdReady = new Promise<void>(resolve => {
    markCrdReady = resolve;
  });
  const crds = new CrdIndex(() => {
    markCrdReady();
    requestDiscovery();
  });
  const fallbackIntervalMs = options.discoveryFallbackIntervalMs ?? 60_000;
  const crdWatch = new KindWatch({
    ...watchBase(),
    kind: CRD_KIND,
    cacheObjects: false,
    observer: crds.observer,
    // Forbidden CRDs (no RBAC for them): poll discovery, and ask again only rarely.
    forbiddenRetryMs: options.discoveryIntervalMs,
    onStateChange: () => {
      if (!crdsWatched()) {
        markCrdReady();
        requestDiscovery(); // re-arm the discovery loop with the fallback interval
      }
      notify();
    },
  });
  function crdsWatched() {
    return crds.complete && crdWatch.watchedKind().state === 'watching';
  }

  function notify() {
    const { state, message } = clusterState();
    if (state !== loggedState) {
      loggedState = state;
      const text = `gitops: cluster ${name} is ${state}${
        message ? `: ${message}` : ''
      }`;
      if (state === 'ok') logger.info(text);
      else logger.warn(text);
    }
    try {
      options.onStateChange?.(name);
    } catch (error) {
      // A failing listener must never stop the watches.
      logger.warn(`gitops: state listener failed for ${name}: ${error}`);
    }
  }

  function clusterState() {
    const kinds = [
      ...[...watches.values()].map(watch => watch.watchedKind()),
      ...absent.map(spec => ({
        apiVersion: spec.group,
        kind: spec.kind,
        state: 'absent' as const,
      })),
    ];
    return connection.state(
      { name, environment: cluster.environment },
      kinds,
      staleSince(),
    );
  }

  const xrdName = (obj: Record<string, unknown>) =>
    String((obj.metadata as any)?.name ?? '');
  // XRDs define claim/composite kinds: re-run discovery when the kinds they define change
  // (status-only updates change nothing).
  const xrdKinds = () =>
    JSON.stringify([...xrdObjects.values()].flatMap(kindsFromXrd));
  const afterXrdChange = (before: string) => {
    if (xrdKinds() !== before) requestDiscovery();
  };
  const xrdObserver: RawObserver = {
    replaced(objects) {
      const before = xrdKinds();
      xrdObjects.clear();
      for (const obj of objects) xrdObjects.set(xrdName(obj), obj);
      afterXrdChange(before);
    },
    upserted(obj) {
      const before = xrdKinds();
      xrdObjects.set(xrdName(obj), obj);
      afterXrdChange(before);
    },
    deleted(obj) {
      const before = xrdKinds();
      xrdObjects.delete(xrdName(obj));
      afterXrdChange(before);
    },
  };

  function wantedKinds(): KindSpec[] {
    const seen = new Set<string>();
    return [
      ...STATIC_KINDS,
      ...[...xrdObjects.values()].flatMap(kindsFromXrd),
      ...crds.managedKinds(),
    ].filter(spec => {
      const id = kindId(name, spec);
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  }

  /** What every watch of this cluster shares. */
  function watchBase() {
    return {
      cluster: name,
      environment: cluster.environment,
      client,
      cache,
      connection,
      logger,
      idleTimeoutMs: options.idleTimeoutMs,
      backoff: options.backoff ?? DEFAULT_BACKOFF,
      watchTimeoutSeconds: options.watchTimeoutSeconds,
      pageSize: options.pageSize ?? 500,
      limit,
      listPageLimit: options.listPageLimit,
      // One kind's broken connection need not mean the cluster is down: a
      // discovery round trip confirms (or clears) 'unreachable' at once.
      onNetworkError: requestDiscovery,
    };
  }

  function startWatch(kind: ResolvedKind) {
    const watch = new KindWatch({
      ...watchBase(),
      kind,
      onStateChange: notify,
      observer:
        kind.kind === 'CompositeResourceDefinition' ? xrdObserver : undefined,
    });
    watches.set(watch.id, watch);
    watch.start();
  }

  async function stopWatch(id: string, clear: boolean) {
    const watch = watches.get(id);
    watches.delete(id);
    await watch?.stop();
    if (clear) cache.replaceKind(id, []);
  }

  /** Reconciles the running watches with what the cluster serves. */
  async function discoverOnce() {
    const wanted = wantedKinds();
    const found = await limit(() =>
      discoverKinds(client, wanted, controller.signal),
    );
    connection.contact();
    const foundIds = new Set(found.map(kind => kindId(name, kind)));
    for (const kind of found) {
      const running = watches.get(kindId(name, kind));
      if (running && sameKind(running.kind, kind)) continue;
      if (running) await stopWatch(running.id, false);
      startWatch(kind);
    }
    for (const id of [...watches.keys()]) {
      if (!foundIds.has(id)) await stopWatch(id, true); // CRD removed
    }
    const before = absent.length;
    absent = wanted.filter(spec => !foundIds.has(kindId(name, spec)));
    if (before !== absent.length) notify();
  }

  async function runDiscovery() {
    let attempt = 0;
    crdWatch.start();
    // A CRD list that hangs must not hold the first discovery round for long.
    await Promise.race([crdReady, sleep(5_000, controller.signal)]);
    while (!controller.signal.aborted) {
      rediscoverRequested = false;
      // With CRDs watched, the interval is only a safety net against missed events.
      let delay = crdsWatched()
        ? options.discoveryIntervalMs
        : Math.min(fallbackIntervalMs, options.discoveryIntervalMs);
      try {
        await discoverOnce();
        attempt = 0;
      } catch (error) {
        if (controller.signal.aborted) return;
        const status =
          error instanceof KubeRequestError ? error.status : undefined;
        const message = error instanceof Error ? error.message : String(error);
        if (status === 401)
          connection.fail('unauthorized', `Unauthorized: ${message}`);
        else if (status === undefined) connection.fail('unreachable', message);
        // Failed discovery retries sooner than the interval, with backoff.
        const backoff = options.backoff ?? DEFAULT_BACKOFF;
        delay = Math.min(
          delay,
          backoff.baseMs * 2 ** Math.min(attempt++, 10),
          backoff.capMs,
        );
        logger.debug(`gitops discovery of ${name} failed: ${message}`);
      }
      if (rediscoverRequested) continue;
      const wake = new AbortController();
      wakeDiscovery = () => wake.abort();
      await sleep(delay, AbortSignal.any([controller.signal, wake.signal]));
    }
  }

  function requestDiscovery() {
    rediscoverRequested = true;
    wakeDiscovery();
  }

  function staleSince() {
    return connection.staleSince(startedAt);
  }

  return {
    name,
    start() {
      discoveryLoop ??= runDiscovery();
    },
    async stop() {
      controller.abort();
      await discoveryLoop;
      await crdWatch.stop();
      await Promise.all([...watches.values()].map(watch => watch.stop()));
      watches.clear();
      connection.close();
    },
    state: clusterState,
    staleSince,
    xrds() {
      return [...xrdObjects.values()]
        .map(obj => xrdFromObject(obj, name))
        .filter((xrd): xrd is Xrd => xrd !== undefined);
    },
    rediscover: requestDiscovery,
  };
}
