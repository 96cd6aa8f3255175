export { createHistoryStore } from './createHistoryStore';
export { createHistoryRecorder } from './createHistoryRecorder';
export { scheduleHistoryRetention } from './scheduleHistoryRetention';
export type { HistoryRecorder } from './createHistoryRecorder';
export type {
  HistoryQuery,
  HistoryStore,
  HistoryTransition,
  ObservedState,
} from './types';
