import { LoggerService } from '@backstage/backend-plugin-api';
import { WatchedKind } from '@internal/plugin-gitops-common';
import {
  KubeClient,
  KubeRequestError,
  WatchEvent,
  WatchHandle,
} from '../KubeClient';
import { CacheInput, StatusCache } from '../StatusCache';
import { BackoffOptions, backoffDelay, sleep } from './backoff';
import { ConnectionTracker } from './connection';
import { ExpiredError, isExpired, toCacheInput } from './kindObjects';
import { relists, watchRestarts } from '../../metrics';
import { apiVersionOf, collectionPath, kindId, ResolvedKind } from './kinds';

/** Raw objects of a kind, for watchers that need more than the status record (XRDs). */
export interface RawObserver {
  replaced(objects: Record<string, unknown>[]): void;
  upserted(object: Record<string, unknown>): void;
  deleted(object: Record<string, unknown>): void;
}

export interface KindWatchOptions {
  cluster: string;
  environment?: string;
  kind: ResolvedKind;
  client: KubeClient;
  cache: StatusCache;
  connection: ConnectionTracker;
  logger: LoggerService;
  idleTimeoutMs: number;
  backoff: BackoffOptions;
  /** Server-side watch timeout; default a random 5–10 minutes, as client-go does. */
  watchTimeoutSeconds?: number;
  pageSize: number;
  /** Runs list pages through the cluster's concurrency limit. */
  limit: <T>(task: () => Promise<T>) => Promise<T>;
  onStateChange: () => void;
  /** A request failed without an answer: the cluster watcher probes the whole cluster. */
  onNetworkError?: () => void;
  observer?: RawObserver;
}

/**
 * The list+watch loop of one kind in one cluster: paginated list into the
 * cache, then watch from the list's resourceVersion with bookmarks, until
 * stopped. Every failure is classified and retried; nothing here throws.
 */
export class KindWatch {
  private readonly controller = new AbortController();
  private state: WatchedKind;
  private running?: Promise<void>;
  private resourceVersion?: string;

  constructor(private readonly options: KindWatchOptions) {
    this.state = {
      apiVersion: apiVersionOf(options.kind),
      kind: options.kind.kind,
      state: 'watching',
    };
  }

  get id() {
    return kindId(this.options.cluster, this.options.kind);
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
        if (this.resourceVersion === undefined) {
          this.resourceVersion = await this.relist();
        }
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
    const status = error instanceof KubeRequestError ? error.status : undefined;
    const message = error instanceof Error ? error.message : String(error);
    const what = `${this.options.cluster} ${this.state.kind}`;
    if (status === 401) {
      connection.fail('unauthorized', `Unauthorized: ${message}`);
      this.setState('error', `Unauthorized: ${message}`);
    } else if (status === 403) {
      connection.contact();
      this.setState('forbidden', message);
    } else if (status === 429 && error instanceof KubeRequestError) {
      connection.contact();
      this.setState('error', `Throttled: ${message}`);
      return (error.retryAfterSeconds ?? 1) * 1000;
    } else if (status === undefined && error instanceof KubeRequestError) {
      connection.fail('unreachable', message);
      this.setState('error', message);
      this.options.onNetworkError?.();
    } else {
      if (status !== undefined) connection.contact(); // the server answered
      this.setState('error', message);
    }
    logger.debug(
      `gitops watch ${what} failed (${status ?? 'network'}): ${message}`,
    );
    const retryAfter =
      error instanceof KubeRequestError ? error.retryAfterSeconds : undefined;
    return retryAfter !== undefined
      ? retryAfter * 1000
      : backoffDelay(attempt, backoff);
  }

  private toInput(obj: Record<string, unknown>): CacheInput {
    return toCacheInput(obj, this.options);
  }

  /** A full paginated list; an expired continue token starts it over. Returns the list RV. */
  private async relist(): Promise<string> {
    const { client, limit, pageSize, kind } = this.options;
    relists.add(1, this.metricAttributes);
    this.watchesSinceList = 0;
    const path = collectionPath(kind);
    for (;;) {
      const items: Record<string, unknown>[] = [];
      let listVersion: string | undefined;
      let token: string | undefined;
      let expired = false;
      do {
        const query = { limit: pageSize, continue: token };
        let page: Record<string, any>;
        try {
          page = await limit(() => client.getJson(path, query, this.signal));
        } catch (error) {
          if (token && isExpired(error)) {
            expired = true;
            break;
          }
          throw error;
        }
        this.options.connection.contact();
        items.push(...((page.items as Record<string, unknown>[]) ?? []));
        listVersion ??= page.metadata?.resourceVersion;
        token = page.metadata?.continue || undefined;
      } while (token);
      if (expired) continue;
      const inputs = items
        .filter(i => i && typeof i === 'object')
        .map(i => this.toInput(i));
      this.options.cache.replaceKind(this.id, inputs);
      this.options.observer?.replaced(items);
      this.setState('watching');
      return listVersion ?? '0';
    }
  }

  private onEvent(event: WatchEvent) {
    const { cache, observer, connection } = this.options;
    connection.contact();
    const object = event.object ?? {};
    const rv = (object.metadata as any)?.resourceVersion;
    switch (event.type) {
      case 'ADDED':
      case 'MODIFIED':
        cache.upsert(this.id, this.toInput(object));
        observer?.upserted(object);
        break;
      case 'DELETED':
        cache.remove(this.toInput(object).record.key, rv);
        observer?.deleted(object);
        break;
      case 'BOOKMARK':
        break;
      case 'ERROR': {
        const code = (object as any).code;
        if (code === 410)
          throw new ExpiredError(String((object as any).message));
        throw new KubeRequestError(
          String((object as any).message ?? 'watch error'),
          typeof code === 'number' ? code : 500,
        );
      }
      default:
        return;
    }
    if (typeof rv === 'string' && rv !== '') this.resourceVersion = rv;
  }

  /** One watch request; returns when the server ends it or it went idle. */
  private async watchOnce(): Promise<void> {
    const { client, kind, idleTimeoutMs } = this.options;
    if (this.watchesSinceList++ > 0) {
      watchRestarts.add(1, this.metricAttributes);
    }
    const timeoutSeconds =
      this.options.watchTimeoutSeconds ?? 300 + Math.floor(Math.random() * 300);
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
    const handle = await client.watch(
      collectionPath(kind),
      {
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
      this.signal.removeEventListener('abort', onAbort);
    }
    if (failure) throw failure;
  }
}
