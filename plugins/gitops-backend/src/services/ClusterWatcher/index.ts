export { createClusterWatcher } from './createClusterWatcher';
export type { ClusterWatcher, ClusterWatcherOptions } from './types';
export type { BackoffOptions } from './backoff';
export { createListPageLimit } from './listPageLimit';
export type { ListPageLimitOptions, TaskLimit } from './listPageLimit';
export type { ManagedKindsOptions } from './managedKindsConfig';
export { SharedApplicationReports } from './sharedApplicationReports';
