export { createStatusService } from './createStatusService';
export { statusReaderOf } from './statusReaderOf';
export { compareObjects, matchesOverview } from './overviewFilter';
export { entityRow, teamResponse, teamSummary } from './teamSummary';
export type { SummaryObject } from './teamSummary';
export type { StatusReader, StatusService } from './types';
