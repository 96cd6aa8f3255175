export { createObjectCache } from './createObjectCache';
export type {
  CacheChange,
  CacheInput,
  CacheListener,
  EntityMapping,
  ObjectCache,
} from './types';
