export { createStatusCache } from './createStatusCache';
export type {
  CacheChange,
  CacheInput,
  CacheListener,
  EntityMapping,
  StatusCache,
} from './types';
