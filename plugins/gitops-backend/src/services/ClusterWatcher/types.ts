import { LoggerService } from '@backstage/backend-plugin-api';
import { ClusterState, Xrd } from '@gitops-portal/plugin-gitops-common';
import { ClusterConfig } from '../../config';
import { ObjectCache } from '../ObjectCache';
import { BackoffOptions } from './backoff';
import { ClusterHealthOptions } from './healthConfig';
import { TaskLimit } from './listPageLimit';
import { ManagedKindsOptions } from './managedKindsConfig';
import { SharedApplicationReports } from './sharedApplicationReports';

export interface ClusterWatcherOptions {
  cluster: ClusterConfig;
  cache: ObjectCache;
  logger: LoggerService;
  idleTimeoutMs: number;
  /** Safety rediscovery while CRDs are watched (CRD changes trigger discovery at once). */
  discoveryIntervalMs: number;
  /** Discovery polling when CRDs cannot be listed/watched (403); default 60 s. */
  discoveryFallbackIntervalMs?: number;
  staleAfterMs: number;
  /** Retry delays for network errors and 5xx; default 0.5 s doubling to 30 s. */
  backoff?: BackoffOptions;
  /** Server-side watch timeout (tests use short ones); default 5–10 minutes. */
  watchTimeoutSeconds?: number;
  /** List page size; default 500. */
  pageSize?: number;
  /** Concurrent list/discovery requests to this cluster; default 4. */
  concurrency?: number;
  /**
   * List pages in flight across every cluster: one gate (createListPageLimit) shared by all the
   * watchers bounds the cold start's memory peak. Without it only `concurrency` applies.
   */
  listPageLimit?: TaskLimit;
  /** Called when the cluster's connection state or a kind's state changes. */
  onStateChange?: (cluster: string) => void;
  /** Where health comes from besides the built-in rules: the cluster's argocd-cm, our scripts (`gitops.health`). */
  health?: ClusterHealthOptions;
  /** Which Crossplane managed resource kinds are watched (`gitops.watch.managedKinds`); default referenced ones, at most 100. */
  managedKinds?: ManagedKindsOptions;
  /**
   * The reports of Argo CD Applications shared by the watchers of one reconciler (one SharedApplicationReports),
   * so that an Application in one cluster sets the health of the objects it deploys to another. Without it only
   * Applications deploying to their own cluster do.
   */
  sharedReports?: SharedApplicationReports;
}

/** Watches every GitOps kind of one cluster into the ObjectCache. */
export interface ClusterWatcher {
  readonly name: string;
  /** Starts discovery and watches in the background; never waits for the cluster. */
  start(): void;
  stop(): Promise<void>;
  state(): ClusterState;
  /** Whether the cluster's objects are served as stale, and since when (ms epoch). */
  staleSince(): number | undefined;
  xrds(): Xrd[];
  /** Re-read discovery now (also runs on CRD and XRD changes and every discoveryInterval). */
  rediscover(): void;
}

// Its own module: the Application reports (which types.ts names through SharedApplicationReports) observe raw objects.
export type { RawObserver } from './rawObserver';
