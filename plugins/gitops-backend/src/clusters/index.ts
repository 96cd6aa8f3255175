export { createClusterSource } from './createClusterSource';
export {
  CLUSTER_REFRESH_TASK,
  scheduleClusterRefresh,
} from './scheduleClusterRefresh';
export { readClusterSettings } from './readClusterSettings';
export { resolveClusters } from './resolveClusters';
export { toClusterConfig } from './toClusterConfig';
export type {
  CatalogLocatorSettings,
  ClusterConfig,
  ClusterEntry,
  ClusterSetChange,
  ClusterSettings,
  ClusterSource,
  SkippedCluster,
} from './types';
export { readClusterLinks } from './readClusterLinks';
export { createEnvironmentCheck, createEnvironments } from './environments';
export type { EnvironmentCheck } from './environments';
