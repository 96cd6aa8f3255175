/** Metadata the emulator reads and maintains; anything else is stored as given. */
export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  finalizers?: string[];
  ownerReferences?: unknown[];
  [key: string]: unknown;
}

/** Any Kubernetes object in its JSON form. */
export type KubeObject = {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [key: string]: unknown;
};

export type FaultVerb =
  | 'get'
  | 'list'
  | 'watch'
  | 'create'
  | 'update'
  | 'patch'
  | 'delete'
  | 'discovery';

export interface FaultMatch {
  group?: string;
  /** Plural resource name, e.g. `applications`. */
  resource?: string;
  namespace?: string;
  verb?: FaultVerb;
}

export type FaultAction =
  | {
      type: 'status';
      status: 401 | 403 | 429 | 500 | 503;
      retryAfterSeconds?: number;
    }
  | { type: 'latency'; ms: number }
  | { type: 'silent-watch' }
  | { type: 'drop-connection' };

export type Fault = {
  match?: FaultMatch;
  /** Apply to the next N matching requests; default: until cleared. */
  times?: number;
} & FaultAction;

export interface KubeEmulatorOptions {
  /** Interface to listen on; default '127.0.0.1'. */
  host?: string;
  /** port 0/undefined = random; token default random. */
  clusters: Array<{ name: string; port?: number; token?: string }>;
  /** If set, writes `<dir>/<cluster>.kubeconfig.yaml` for each cluster. */
  kubeconfigDir?: string;
  /** If set, persists each cluster's objects to `<dir>/<cluster>.json` and loads them at start. */
  stateDir?: string;
  /** Watch events kept per cluster for resume; default 1000. */
  historySize?: number;
  /** BOOKMARK period on watches with allowWatchBookmarks=true; default 5000. */
  bookmarkIntervalMs?: number;
  /** Continue tokens older than this answer 410; default 5 minutes. */
  continueTokenTtlMs?: number;
  /** If set (0 = random), starts the control HTTP API. */
  controlPort?: number;
}

export interface EmulatedCluster {
  readonly name: string;
  readonly url: string;
  readonly token: string;
  readonly kubeconfigPath?: string;
  kubeconfig(): string;
  apply(obj: KubeObject | KubeObject[]): KubeObject[];
  get(
    apiVersion: string,
    kind: string,
    name: string,
    namespace?: string,
  ): KubeObject | undefined;
  list(apiVersion: string, kind: string, namespace?: string): KubeObject[];
  remove(
    apiVersion: string,
    kind: string,
    name: string,
    namespace?: string,
  ): boolean;
  setToken(token: string): void;
  addFault(fault: Fault): string;
  clearFaults(id?: string): void;
  stop(): Promise<void>;
  start(): Promise<void>;
  compact(): void;
}

export interface KubeEmulator {
  readonly clusters: EmulatedCluster[];
  cluster(name: string): EmulatedCluster;
  readonly controlUrl?: string;
  close(): Promise<void>;
}
