export { createEntityIndex } from './createEntityIndex';
export type { EntityIndex } from './types';
export { scheduleEntityIndex } from './scheduleEntityIndex';
