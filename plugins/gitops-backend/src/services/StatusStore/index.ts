export { createLocalStatusStore } from './createLocalStatusStore';
export { compareObjects, matchesOverview } from './overviewFilter';
export { withStaleMark } from './staleMark';
export { entityRow, tallyOf, teamResponse, teamViewOf } from './teamView';
export type { EntityTally, TeamViewObject } from './teamView';
export type { StatusStore } from './types';
