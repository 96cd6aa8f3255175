export { createChangePoller } from './createChangePoller';
export type { ChangePoller } from './createChangePoller';
export { createSharedStatusReader } from './createSharedStatusReader';
export { createSharedStatusWriter } from './createSharedStatusWriter';
export type { ClusterReport, SharedStatusWriter } from './types';
export { createTeamReadModel } from './createTeamReadModel';
export type { TeamObject, TeamReadModel } from './createTeamReadModel';
