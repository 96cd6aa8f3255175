export { createChangePoller } from './createChangePoller';
export type { ChangePoller } from './createChangePoller';
export { createSharedStatusReader } from './createSharedStatusReader';
export { createSharedStatusWriter } from './createSharedStatusWriter';
export type { ClusterReport, SharedStatusWriter } from './types';
export { createEntityVersions } from './createEntityVersions';
export type { EntityVersions } from './createEntityVersions';
