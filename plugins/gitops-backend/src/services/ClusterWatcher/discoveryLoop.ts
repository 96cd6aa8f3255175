import { LoggerService } from '@backstage/backend-plugin-api';
import { xrdFromObject, Xrd } from '@gitops-portal/plugin-gitops-common';
import { KubeClient } from '../KubeClient';
import { BackoffOptions, backoffCeiling, sleep } from './backoff';
import { ConnectionTracker } from './connection';
import { CRD_KIND, CrdIndex } from './crdIndex';
import { discoverKinds } from './discovery';
import { RawObserver } from './types';
import {
  COMPOSITION_KIND,
  kindId,
  KindSpec,
  kindsFromXrd,
  ResolvedKind,
  STATIC_KINDS,
} from './kinds';
import { KindWatch, KindWatchOptions } from './kindWatch';
import { TaskLimit } from './listPageLimit';
import { classifyDiscoveryFailure } from './watchFailure';

const xrdName = (obj: Record<string, unknown>) =>
  String((obj.metadata as { name?: unknown } | undefined)?.name ?? '');

/** What a CRD watch shares with the cluster's other watches (each adds how it reports network errors). */
export type WatchBase = Omit<
  KindWatchOptions,
  | 'kind'
  | 'onStateChange'
  | 'onNetworkError'
  | 'observer'
  | 'cacheObjects'
  | 'forbiddenRetryMs'
>;

export interface DiscoveryLoopOptions {
  cluster: string;
  client: KubeClient;
  limit: TaskLimit;
  connection: ConnectionTracker;
  logger: LoggerService;
  backoff: BackoffOptions;
  discoveryIntervalMs: number;
  discoveryFallbackIntervalMs: number;
  /** The options of the CRD watch (the cluster's shared watch options). */
  watchBase: WatchBase;
  /** A CRD watch or discovery state change the cluster's state may show. */
  onStateChange(): void;
  /**
   * Of the cluster's managed resource CRDs, those to watch (referenced ones, up to the cap: ManagedKindDemand);
   * default every one.
   */
  selectManaged?(managed: KindSpec[]): KindSpec[];
  /** The core workload kinds an Argo CD Application of the cluster reports objects of; default none. */
  applicationManagedKinds?(): KindSpec[];
  /** Runs the kinds discovery found: the watcher starts, restarts and stops its watches to match. */
  reconcile(wanted: KindSpec[], found: ResolvedKind[]): Promise<void>;
}

/**
 * Which kinds one cluster serves, re-read when a CRD changes (the CRD watch), when an XRD defines other kinds, on
 * request and, as a safety net, every discoveryInterval; polled every discoveryFallbackInterval while CRDs cannot be
 * watched.
 */
export class DiscoveryLoop {
  private readonly controller = new AbortController();
  private readonly crds: CrdIndex;
  private readonly crdWatch: KindWatch;
  private readonly xrdObjects = new Map<string, Record<string, unknown>>();
  private running?: Promise<void>;
  private wake: () => void = () => {};
  private requested = false;
  private markCrdReady: () => void = () => {};
  /** The first round waits for the CRD list (or its failure). */
  private readonly crdReady = new Promise<void>(resolve => {
    this.markCrdReady = resolve;
  });

  constructor(private readonly options: DiscoveryLoopOptions) {
    this.crds = new CrdIndex(() => {
      this.markCrdReady();
      this.request();
    });
    this.crdWatch = new KindWatch({
      ...options.watchBase,
      onNetworkError: () => this.request(),
      kind: CRD_KIND,
      cacheObjects: false,
      observer: this.crds.observer,
      // Forbidden CRDs (no RBAC for them): poll discovery, and ask again only rarely.
      forbiddenRetryMs: options.discoveryIntervalMs,
      onStateChange: () => {
        if (!this.crdsWatched()) {
          this.markCrdReady();
          this.request(); // re-arm the loop with the fallback interval
        }
        options.onStateChange();
      },
    });
  }

  /** XRDs define claim/composite kinds: discovery is re-read when the kinds they define change (not on status). */
  readonly xrdObserver: RawObserver = {
    replaced: objects =>
      this.afterXrdChange(() => {
        this.xrdObjects.clear();
        for (const obj of objects) this.xrdObjects.set(xrdName(obj), obj);
      }),
    upserted: obj =>
      this.afterXrdChange(() => this.xrdObjects.set(xrdName(obj), obj)),
    deleted: obj =>
      this.afterXrdChange(() => this.xrdObjects.delete(xrdName(obj))),
  };

  start() {
    this.running ??= this.run();
  }

  async stop() {
    this.controller.abort();
    await this.running;
    await this.crdWatch.stop();
  }

  /** Re-read discovery now (also on CRD and XRD changes and every discoveryInterval). */
  request() {
    this.requested = true;
    this.wake();
  }

  xrds(): Xrd[] {
    return [...this.xrdObjects.values()]
      .map(obj => xrdFromObject(obj, this.options.cluster))
      .filter((xrd): xrd is Xrd => xrd !== undefined);
  }

  private crdsWatched() {
    return (
      this.crds.complete && this.crdWatch.watchedKind().state === 'watching'
    );
  }

  private xrdKinds() {
    return JSON.stringify([...this.xrdObjects.values()].flatMap(kindsFromXrd));
  }

  private afterXrdChange(change: () => void) {
    const before = this.xrdKinds();
    change();
    if (this.xrdKinds() !== before) this.request();
  }

  /**
   * The registry's kinds, Compositions, the XRDs' claims and composites, the managed resource kinds of the CRDs
   * that are in use (selectManaged) and the core workload kinds Applications report.
   */
  private wantedKinds(): KindSpec[] {
    const seen = new Set<string>();
    const managed = this.crds.managedKinds();
    return [
      ...STATIC_KINDS,
      COMPOSITION_KIND,
      ...[...this.xrdObjects.values()].flatMap(kindsFromXrd),
      ...(this.options.selectManaged?.(managed) ?? managed),
      ...(this.options.applicationManagedKinds?.() ?? []),
    ].filter(spec => {
      const id = kindId(this.options.cluster, spec);
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  }

  private async discoverOnce() {
    const { client, limit, connection } = this.options;
    const wanted = this.wantedKinds();
    const found = await limit(() =>
      discoverKinds(client, wanted, this.controller.signal),
    );
    connection.contact();
    await this.options.reconcile(wanted, found);
  }

  private async run() {
    const { signal } = this.controller;
    const { backoff, connection, logger } = this.options;
    let attempt = 0;
    this.crdWatch.start();
    // A CRD list that hangs must not hold the first discovery round for long.
    await Promise.race([this.crdReady, sleep(5_000, signal)]);
    while (!signal.aborted) {
      this.requested = false;
      // With CRDs watched, the interval is only a safety net against missed events.
      let delay = this.crdsWatched()
        ? this.options.discoveryIntervalMs
        : Math.min(
            this.options.discoveryFallbackIntervalMs,
            this.options.discoveryIntervalMs,
          );
      try {
        await this.discoverOnce();
        attempt = 0;
      } catch (error) {
        if (signal.aborted) return;
        const failure = classifyDiscoveryFailure(error);
        if (failure.connection !== 'none') {
          connection.fail(failure.connection, failure.message);
        }
        // Failed discovery retries sooner than the interval, with backoff.
        delay = Math.min(
          delay,
          backoffCeiling(Math.min(attempt++, 10), backoff),
        );
        logger.debug(
          `gitops discovery of ${this.options.cluster} failed: ${failure.message}`,
        );
      }
      if (this.requested) continue;
      const wake = new AbortController();
      this.wake = () => wake.abort();
      await sleep(delay, AbortSignal.any([signal, wake.signal]));
    }
  }
}
