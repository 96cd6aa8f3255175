import type { KubeConfig } from '@kubernetes/client-node';

/** One cluster to watch; the credentials stay inside the KubeConfig. */
export interface ClusterConfig {
  name: string;
  environment?: string;
  kubeConfig: KubeConfig;
}

/**
 * A cluster as one source describes it, before its credentials are resolved. Fields are those of
 * `gitops.clusters[]` and of the Kubernetes plugin's cluster details.
 */
export interface ClusterEntry {
  name: string;
  /** Which source the cluster comes from (a `gitops.clusters` override keeps its base's source). */
  source: 'kubernetes' | 'catalog' | 'gitops';
  /** Where the entry was read, for messages: a config key path or a catalog entity ref. Never a value. */
  origin: string;
  url?: string;
  caData?: string;
  skipTLSVerify?: boolean;
  /** The Kubernetes plugin's `authProvider` (absent for `gitops.clusters` entries). */
  authProvider?: string;
  serviceAccountToken?: string;
  /** Read the in-cluster service account token from this file (the Kubernetes plugin's `serviceAccount` default). */
  tokenFile?: string;
  kubeconfigPath?: string;
  context?: string;
  environment?: string;
  /** The URL came from a catalog entity: it must pass the catalog locator's URL policy before a token goes to it. */
  urlFromCatalog?: boolean;
}

/** A cluster left out of the set, and why (warned about once). */
export interface SkippedCluster {
  name: string;
  origin: string;
  reason: string;
}

/** The catalog locator method (`kubernetes.clusterLocatorMethods[type=catalog]`) as the Kubernetes plugin reads it. */
export interface CatalogLocatorSettings {
  /** `dangerouslyAllowClusterUrls`: hostnames whose API server may be http:// or a non-public address. */
  allowedHosts: string[];
  /** `dangerouslyAllowSkipTLSVerify`: honour the entities' skip-tls-verify annotation. */
  allowSkipTLSVerify: boolean;
  /** `gitops.catalogClusters.refreshInterval`. */
  refreshIntervalMs: number;
}

/** Every static input of the cluster set: read once from config at start-up. */
export interface ClusterSettings {
  /** `kubernetes.clusterLocatorMethods[type=config].clusters[]`, in order. */
  kubernetes: ClusterEntry[];
  /** `gitops.clusters[]`: new clusters, or field overrides of a cluster of the same name from another source. */
  gitops: ClusterEntry[];
  /** `gitops.clusterEnvironments`: environment by cluster name, for clusters of any source. */
  environments: Record<string, string>;
  /** Present when a catalog locator method is configured: the set then changes at run time. */
  catalog?: CatalogLocatorSettings;
  /** The pod's service account token file, when it exists (`serviceAccount` clusters without a token use it). */
  inClusterTokenFile?: string;
}

/** A change of the cluster set: a changed cluster is removed, then added again with its new settings. */
export interface ClusterSetChange {
  added: ClusterConfig[];
  removed: string[];
}

/** The clusters to watch now, from every source; the set changes at run time when the catalog is a source. */
export interface ClusterSource {
  clusters(): ClusterConfig[];
  /** Hears every change of the set (not the set at subscription). */
  subscribe(listener: (change: ClusterSetChange) => void): () => void;
  /** Re-reads the catalog (a no-op without a catalog locator method). */
  refresh(): Promise<void>;
  /** Whether the set can change at run time (a catalog locator method is configured). */
  readonly dynamic: boolean;
  /** How often `refresh` should run when dynamic. */
  readonly refreshIntervalMs?: number;
}
