import { LoggerService } from '@backstage/backend-plugin-api';
import { WatchedKind } from '@gitops-portal/plugin-gitops-common';
import { KubeClient, WatchEvent, WatchHandle } from '../KubeClient';
import { CacheInput, ObjectCache } from '../ObjectCache';
import { BackoffOptions, backoffDelay, sleep } from './backoff';
import { ConnectionTracker } from './connection';
import type { HealthSources } from './healthSources';
import { KindApplier } from './kindApplier';
import { RawObserver } from './types';
import { apiVersionOf, collectionPath, ResolvedKind } from './kinds';
import { TaskLimit } from './listPageLimit';
import {
  classifyWatchFailure,
  isExpired,
  watchEventError,
} from './watchFailure';
import { relists, watchRestarts } from './watchMetrics';

/** Default server-side watch timeout range: a random 30–60 minutes per watch request. */
const WATCH_TIMEOUT_MIN_S = 1800;
const WATCH_TIMEOUT_MAX_S = 3600;

export interface KindWatchOptions {
  cluster: string;
  environment?: string;
  kind: ResolvedKind;
  client: KubeClient;
  cache: ObjectCache;
  connection: ConnectionTracker;
  logger: LoggerService;
  idleTimeoutMs: number;
  backoff: BackoffOptions;
  /** Server-side watch timeout; default a random 30–60 minutes. */
  watchTimeoutSeconds?: number;
  pageSize: number;
  /** Runs list pages through the cluster's concurrency limit. */
  limit: TaskLimit;
  /** The process-wide list page gate shared by every cluster (see createListPageLimit). */
  listPageLimit?: TaskLimit;
  onStateChange: () => void;
  /** A request failed without an answer: the cluster watcher probes the whole cluster. */
  onNetworkError?: () => void;
  observer?: RawObserver;
  /** False for kinds only the watcher itself needs (CRDs): objects go to the observer only. */
  cacheObjects?: boolean;
  /** Wait this long after a 403 instead of the backoff (a forbidden kind rarely becomes allowed soon). */
  forbiddenRetryMs?: number;
  /** Decides where each object's health comes from (see HealthSources). */
  health?: HealthSources;
  /** Which objects to cache; default all (see KindApplierOptions). */
  accept?: (input: CacheInput) => boolean;
  /** Read only the objects of one namespace that match a field selector (e.g. one ConfigMap by name). */
  scope?: { namespace: string; fieldSelector: string };
}

/**
 * The one list+watch loop, of one kind in one cluster: paginated list, then watch from the list's resourceVersion
 * with bookmarks, until stopped. What it reads goes through a KindApplier into the cache; failures are classified
 * by watchFailure.ts and retried with backoff.ts; nothing here throws.
 */
export class KindWatch {
  private readonly controller = new AbortController();
  private readonly applier: KindApplier;
  private state: WatchedKind;
  private running?: Promise<void>;
  private resourceVersion?: string;
  /** A full list was asked for (the health scripts of the kind changed). */
  private relistRequested = false;
  /** Ends the open watch request, if any. */
  private abortActive?: () => void;

  constructor(private readonly options: KindWatchOptions) {
    this.applier = new KindApplier(options);
    this.state = {
      apiVersion: apiVersionOf(options.kind),
      kind: options.kind.kind,
      state: 'watching',
    };
  }

  get id() {
    return this.applier.id;
  }

  get kind() {
    return this.options.kind;
  }

  watchedKind(): WatchedKind {
    return this.state;
  }

  start() {
    this.running ??= this.run();
  }

  async stop() {
    this.controller.abort();
    await this.running;
  }

  /** Lists the kind again now (the objects' health must be computed again from the raw objects). */
  requestRelist() {
    this.relistRequested = true;
    this.abortActive?.();
  }

  /** The collection path and the query parameters that narrow it. */
  private get collection(): {
    path: string;
    narrow: Record<string, string>;
  } {
    const { kind, scope } = this.options;
    if (!scope) return { path: collectionPath(kind), narrow: {} };
    const base = kind.group ? `/apis/${kind.group}` : '/api';
    return {
      path: `${base}/${kind.version}/namespaces/${encodeURIComponent(
        scope.namespace,
      )}/${kind.plural}`,
      narrow: { fieldSelector: scope.fieldSelector },
    };
  }

  private setState(state: WatchedKind['state'], message?: string) {
    if (this.state.state === state && this.state.message === message) return;
    this.state = {
      apiVersion: this.state.apiVersion,
      kind: this.state.kind,
      state,
      ...(message ? { message } : {}),
    };
    this.options.onStateChange();
  }

  /** Watches started since the last list: every one after the first is a restart. */
  private watchesSinceList = 0;

  private get metricAttributes() {
    return { cluster: this.options.cluster, kind: this.options.kind.kind };
  }

  private get signal() {
    return this.controller.signal;
  }

  private async run() {
    let attempt = 0;
    while (!this.signal.aborted) {
      try {
        if (this.relistRequested) {
          this.relistRequested = false;
          this.resourceVersion = undefined;
        }
        if (this.resourceVersion === undefined) {
          this.resourceVersion = await this.relist();
        }
        if (this.relistRequested) continue;
        await this.watchOnce();
        attempt = 0;
      } catch (error) {
        if (this.signal.aborted) return;
        // Expired resume or watch: relist at once (a relist that itself
        // answers 410 falls through to the backoff below).
        if (isExpired(error) && this.resourceVersion !== undefined) {
          this.resourceVersion = undefined;
          continue;
        }
        await sleep(this.handleFailure(error, attempt++), this.signal);
      }
    }
  }

  /** Records what went wrong and returns how long to wait before retrying. */
  private handleFailure(error: unknown, attempt: number): number {
    const { connection, backoff, logger } = this.options;
    const failure = classifyWatchFailure(error);
    if (failure.connection === 'contact') connection.contact();
    else if (failure.connection !== 'none') {
      connection.fail(failure.connection, failure.message);
    }
    this.setState(failure.state, failure.message);
    if (failure.network) this.options.onNetworkError?.();
    logger.debug(
      `gitops watch ${this.options.cluster} ${this.state.kind} failed (${
        failure.status ?? 'network'
      }): ${failure.message}`,
    );
    if (failure.forbidden && this.options.forbiddenRetryMs !== undefined) {
      return this.options.forbiddenRetryMs;
    }
    return failure.retryAfterMs ?? backoffDelay(attempt, backoff);
  }

  /** A full paginated list; an expired continue token starts it over. Returns the list RV. */
  private async relist(): Promise<string> {
    const { client, limit, listPageLimit, pageSize } = this.options;
    relists.add(1, this.metricAttributes);
    this.watchesSinceList = 0;
    const { path, narrow } = this.collection;
    for (;;) {
      const list = this.applier.beginList();
      let listVersion: string | undefined;
      let token: string | undefined;
      let expired = false;
      do {
        const query = { ...narrow, limit: pageSize, continue: token };
        let page: Record<string, any>;
        try {
          const fetchPage = () => client.getJson(path, query, this.signal);
          // The cluster's slot first, then the shared one: a busy cluster never holds a shared slot.
          page = await limit(() =>
            listPageLimit ? listPageLimit(fetchPage) : fetchPage(),
          );
        } catch (error) {
          if (token && isExpired(error)) {
            expired = true;
            break;
          }
          throw error;
        }
        this.options.connection.contact();
        list.page((page.items as unknown[]) ?? []);
        listVersion ??= page.metadata?.resourceVersion;
        token = page.metadata?.continue || undefined;
      } while (token);
      if (expired) continue;
      list.finish();
      this.setState('watching');
      return listVersion ?? '0';
    }
  }

  private onEvent(event: WatchEvent) {
    this.options.connection.contact();
    const object = event.object ?? {};
    const rv = (object.metadata as any)?.resourceVersion;
    switch (event.type) {
      case 'ADDED':
      case 'MODIFIED':
        this.applier.upserted(object);
        break;
      case 'DELETED':
        this.applier.deleted(object);
        break;
      case 'BOOKMARK':
        break;
      case 'ERROR':
        throw watchEventError(object);
      default:
        return;
    }
    if (typeof rv === 'string' && rv !== '') this.resourceVersion = rv;
  }

  /** One watch request; returns when the server ends it or it went idle. */
  private async watchOnce(): Promise<void> {
    const { client, idleTimeoutMs } = this.options;
    if (this.watchesSinceList++ > 0) {
      watchRestarts.add(1, this.metricAttributes);
    }
    // Long server timeouts keep re-establishment rare (BOOKMARKs keep the RV fresh meanwhile);
    // the jitter spreads the restarts of many kinds and clusters.
    const timeoutSeconds =
      this.options.watchTimeoutSeconds ??
      WATCH_TIMEOUT_MIN_S +
        Math.floor(Math.random() * (WATCH_TIMEOUT_MAX_S - WATCH_TIMEOUT_MIN_S));
    let failure: unknown;
    let idleTimer: NodeJS.Timeout | undefined;
    // Events may arrive before client.watch() resolves, so aborts are deferred.
    const current: { handle?: WatchHandle } = {};
    let abortRequested = false;
    const abortWatch = () => {
      abortRequested = true;
      current.handle?.abort();
    };
    const armIdle = () => {
      clearTimeout(idleTimer);
      // A silent watch (no event nor bookmark) is restarted from the last RV.
      idleTimer = setTimeout(abortWatch, idleTimeoutMs);
    };
    const { path, narrow } = this.collection;
    this.abortActive = abortWatch;
    const handle = await client.watch(
      path,
      {
        ...narrow,
        resourceVersion: this.resourceVersion,
        allowWatchBookmarks: 'true',
        timeoutSeconds,
      },
      event => {
        if (failure) return;
        armIdle();
        try {
          this.onEvent(event);
        } catch (error) {
          failure = error;
          abortWatch();
        }
      },
      this.signal,
    );
    current.handle = handle;
    if (abortRequested) handle.abort();
    this.options.connection.contact();
    this.setState('watching');
    armIdle();
    const onAbort = () => handle.abort();
    this.signal.addEventListener('abort', onAbort);
    if (this.signal.aborted) handle.abort(); // stopped while the watch was opening
    try {
      await handle.done;
    } finally {
      clearTimeout(idleTimer);
      this.abortActive = undefined;
      this.signal.removeEventListener('abort', onAbort);
    }
    if (failure) throw failure;
  }
}
