export { createClusterWatcher } from './createClusterWatcher';
export type { ClusterWatcher, ClusterWatcherOptions } from './types';
export type { BackoffOptions } from './backoff';
export { kindId } from './kinds';
export { createListPageLimit } from './listPageLimit';
export type { ListPageLimitOptions, TaskLimit } from './listPageLimit';
export { DEFAULT_MANAGED_KINDS } from './managedKindsConfig';
export type { ManagedKindsOptions } from './managedKindsConfig';
export { SharedApplicationReports } from './sharedApplicationReports';
