export { createEntityIndex } from './createEntityIndex';
export type { EntityIndex } from './types';
