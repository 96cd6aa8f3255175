export {
  assertShardingDatabase,
  createShardedReconciler,
} from './createShardedReconciler';
export type {
  ShardedReconciler,
  ShardedReconcilerOptions,
} from './createShardedReconciler';
export { createLeaseStore } from './createLeaseStore';
export { createSharedStatusStore } from './createSharedStatusStore';
export { createSharedStatusWriter } from './createSharedStatusWriter';
export type { LeaseStore, SharedStatusWriter } from './types';
