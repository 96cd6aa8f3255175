export {
  assertShardingDatabase,
  createShardedReconciler,
} from './createShardedReconciler';
export type {
  ShardedReconciler,
  ShardedReconcilerOptions,
} from './createShardedReconciler';
export { createLeaseStore } from './createLeaseStore';
export type { LeaseStore } from './types';
export { createHandoverCache } from './handoverCache';
export type { HandoverCache } from './handoverCache';
