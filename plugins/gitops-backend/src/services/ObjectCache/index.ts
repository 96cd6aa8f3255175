export { createObjectCache } from './createObjectCache';
export { packedResourcesOf } from './compact';
export {
  forEachReportedResource,
  packResources,
  unpackResources,
} from './packResources';
export type {
  CacheChange,
  CacheInput,
  CacheListener,
  EntityMapping,
  ObjectCache,
} from './types';
