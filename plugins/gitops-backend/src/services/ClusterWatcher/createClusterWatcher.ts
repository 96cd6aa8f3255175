import { createKubeClient } from '../KubeClient';
import { CacheInput } from '../ObjectCache';
import { DEFAULT_BACKOFF } from './backoff';
import { ConnectionTracker } from './connection';
import { sharedLuaHealthRuntime } from './customHealth/luaHealthRuntime';
import { DiscoveryLoop, WatchBase } from './discoveryLoop';
import {
  ARGOCD_CONFIG_MAP,
  DEFAULT_ARGOCD_NAMESPACE,
} from '../../lib/argoCdConfigMap';
import { HealthSources } from './healthSources';
import {
  APPLICATION_MANAGED_KINDS,
  COMPOSITION_KIND,
  kindId,
  KindSpec,
  ResolvedKind,
} from './kinds';
import { KindWatch } from './kindWatch';
import { createTaskLimit } from './listPageLimit';
import { ManagedKindDemand } from './managedKindDemand';
import { DEFAULT_MANAGED_KINDS } from './managedKindsConfig';
import { ClusterWatcher, ClusterWatcherOptions } from './types';

const isComposition = (kind: KindSpec) =>
  kind.group === COMPOSITION_KIND.group && kind.kind === COMPOSITION_KIND.kind;

const isApplicationManaged = (kind: KindSpec) =>
  APPLICATION_MANAGED_KINDS.some(
    k => k.group === kind.group && k.kind === kind.kind,
  );

const sameKind = (a: ResolvedKind, b: ResolvedKind) =>
  a.version === b.version &&
  a.plural === b.plural &&
  a.crossplaneRole === b.crossplaneRole;

/**
 * Watches one cluster: the DiscoveryLoop says which kinds it serves, one KindWatch per kind lists and watches it
 * into the ObjectCache, and the ConnectionTracker turns their outcomes into the cluster's state.
 */
export function createClusterWatcher(
  options: ClusterWatcherOptions,
): ClusterWatcher {
  const { cluster, logger } = options;
  const name = cluster.name;
  const startedAt = Date.now();
  let loggedState = 'ok';
  const connection = new ConnectionTracker(notify, options.staleAfterMs);
  const watches = new Map<string, KindWatch>();
  /** Kinds we want but the cluster does not serve. */
  let absent: KindSpec[] = [];
  /** Managed resource kinds in use but past `gitops.watch.managedKinds.max`. */
  let capped: KindSpec[] = [];
  const managedKinds = options.managedKinds ?? DEFAULT_MANAGED_KINDS;
  const demand = new ManagedKindDemand({
    ...managedKinds,
    cluster: name,
    onChange: requestDiscovery,
  });
  const limit = createTaskLimit({ concurrency: options.concurrency ?? 4 });
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const health = new HealthSources({
    cluster: name,
    cache: options.cache,
    logger,
    configScripts: options.health?.scripts,
    runtime: options.health?.runtime ?? sharedLuaHealthRuntime,
    onScriptsChanged: changed => {
      for (const watch of watches.values()) {
        if (changed(watch.kind.group, watch.kind.kind)) watch.requestRelist();
      }
    },
    argoCdNamespace: options.health?.argoCdNamespace,
    shared: options.sharedReports,
    server: cluster.kubeConfig.getCurrentCluster()?.server,
    onApplicationsChanged: changes => demand.applicationsChanged(changes),
    onReportChanged: (key, reported) => {
      const watch = applicationManagedWatchOf(key);
      if (!watch) return;
      // A newly reported object was skipped by the lists so far: read the kind again. One no longer reported goes.
      if (reported && !options.cache.get(key)) watch.requestRelist();
      if (!reported) options.cache.remove(key);
    },
  });
  /** What every watch of this cluster shares. */
  const watchBase: WatchBase = {
    cluster: name,
    environment: cluster.environment,
    client: createKubeClient(cluster.kubeConfig),
    cache: options.cache,
    connection,
    logger,
    idleTimeoutMs: options.idleTimeoutMs,
    backoff,
    watchTimeoutSeconds: options.watchTimeoutSeconds,
    pageSize: options.pageSize ?? 500,
    limit,
    listPageLimit: options.listPageLimit,
    health,
  };
  /**
   * The cluster's argocd-cm (only that ConfigMap: a field selector by name) for its custom health scripts. Its
   * failures (no such namespace, no right to read it) leave the scripts as they were and say nothing about the
   * cluster's state.
   */
  const argoCdConfig = new KindWatch({
    ...watchBase,
    health: undefined,
    kind: { group: '', kind: 'ConfigMap', plural: 'configmaps', version: 'v1' },
    scope: {
      namespace: options.health?.argoCdNamespace ?? DEFAULT_ARGOCD_NAMESPACE,
      fieldSelector: `metadata.name=${ARGOCD_CONFIG_MAP}`,
    },
    cacheObjects: false,
    onStateChange: () => {},
    forbiddenRetryMs: 5 * 60_000,
    observer: {
      replaced: objects => health.setArgoCdConfigMap(objects[0]),
      upserted: object => health.setArgoCdConfigMap(object),
      deleted: () => health.setArgoCdConfigMap(undefined),
    },
  });
  const discovery = new DiscoveryLoop({
    cluster: name,
    client: watchBase.client,
    limit,
    connection,
    logger,
    backoff,
    discoveryIntervalMs: options.discoveryIntervalMs,
    discoveryFallbackIntervalMs: options.discoveryFallbackIntervalMs ?? 60_000,
    watchBase,
    onStateChange: notify,
    selectManaged: managed => {
      const selected = demand.select(managed);
      const ids = (specs: KindSpec[]) => specs.map(s => kindId(name, s)).join();
      if (ids(selected.capped) !== ids(capped)) {
        capped = selected.capped;
        notify();
      }
      return selected.watch;
    },
    applicationManagedKinds: () =>
      APPLICATION_MANAGED_KINDS.filter(k => demand.references(k.group, k.kind)),
    reconcile,
  });

  function requestDiscovery() {
    discovery.request();
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
      ...capped.map(spec => ({
        apiVersion: spec.group,
        kind: spec.kind,
        state: 'error' as const,
        message: `not watched: more than ${managedKinds.max} managed resource kinds are in use (gitops.watch.managedKinds.max)`,
      })),
    ];
    return connection.state(
      { name, environment: cluster.environment },
      kinds,
      staleSince(),
    );
  }

  /**
   * The raw objects of XRDs feed discovery; those of Applications, the health they report and the kinds they
   * manage; those of claims, composites and Compositions, the managed resource kinds in use.
   */
  function observerOf(kind: ResolvedKind) {
    if (kind.kind === 'CompositeResourceDefinition') {
      return discovery.xrdObserver;
    }
    if (isComposition(kind)) return demand.compositionObserver;
    if (kind.group === 'argoproj.io' && kind.kind === 'Application') {
      return health.applications;
    }
    if (
      kind.crossplaneRole === 'claim' ||
      kind.crossplaneRole === 'composite'
    ) {
      return demand.crossplaneObserver(`${kind.group}/${kind.kind}`);
    }
    return undefined;
  }

  /**
   * The watch id of each core workload kind here by `group/Kind`, built once: a relist's report changes ask for
   * every key each Application reports (100,000 for 10,000 Applications in the reconciler benchmark), and building
   * each kind's key prefix for every key cost more than the rest of the lookup.
   */
  const applicationManagedIds = new Map(
    APPLICATION_MANAGED_KINDS.map(spec => [
      `${spec.group}/${spec.kind}`,
      kindId(name, spec),
    ]),
  );
  const ownKeyPrefix = `${name}/`;

  /** The running watch of the core workload kind an object key (`cluster/group/Kind/…`) belongs to, if any. */
  function applicationManagedWatchOf(key: string): KindWatch | undefined {
    if (!key.startsWith(ownKeyPrefix)) return undefined;
    const groupEnd = key.indexOf('/', ownKeyPrefix.length);
    const kindEnd = groupEnd < 0 ? -1 : key.indexOf('/', groupEnd + 1);
    if (kindEnd < 0) return undefined;
    const id = applicationManagedIds.get(
      key.slice(ownKeyPrefix.length, kindEnd),
    );
    return id === undefined ? undefined : watches.get(id);
  }

  function startWatch(kind: ResolvedKind) {
    const watch = new KindWatch({
      ...watchBase,
      kind,
      onStateChange: notify,
      // One kind's broken connection need not mean the cluster is down: a discovery round trip confirms (or
      // clears) 'unreachable' at once.
      onNetworkError: () => discovery.request(),
      observer: observerOf(kind),
      // Compositions are read for the kinds they compose only.
      cacheObjects: !isComposition(kind),
      // Decorated with the health an Application reports: reported, so managed by one.
      ...(isApplicationManaged(kind)
        ? {
            accept: (input: CacheInput) =>
              input.record.healthSource === 'argocd-application',
          }
        : {}),
    });
    watches.set(watch.id, watch);
    watch.start();
  }

  async function stopWatch(id: string, clear: boolean) {
    const watch = watches.get(id);
    watches.delete(id);
    await watch?.stop();
    if (clear) options.cache.replaceKind(id, []);
  }

  /** Runs one watch per kind the cluster serves (restarted when its version or plural changed). */
  async function reconcile(wanted: KindSpec[], found: ResolvedKind[]) {
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

  function staleSince() {
    return connection.staleSince(startedAt);
  }

  return {
    name,
    start: () => {
      argoCdConfig.start();
      discovery.start();
      health.join();
    },
    async stop() {
      health.leave();
      await argoCdConfig.stop();
      await discovery.stop();
      await Promise.all([...watches.values()].map(watch => watch.stop()));
      watches.clear();
      demand.close();
      connection.close();
    },
    state: clusterState,
    staleSince,
    xrds: () => discovery.xrds(),
    rediscover: () => discovery.request(),
  };
}
