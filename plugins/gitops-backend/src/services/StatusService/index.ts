export { createStatusService } from './createStatusService';
export { statusReaderOf } from './statusReaderOf';
export { compareObjects, matchesOverview } from './overviewFilter';
export { entityRow, tallyOf, teamResponse, teamSummary } from './teamSummary';
export type { EntityTally, SummaryObject } from './teamSummary';
export type { StatusReader, StatusService } from './types';
