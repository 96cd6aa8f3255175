export { createObjectCache } from './createObjectCache';
export { packedResourcesOf } from './compact';
export { packResources, unpackResources } from './packResources';
export type {
  CacheChange,
  CacheInput,
  CacheListener,
  EntityMapping,
  ObjectCache,
} from './types';
