export { createReconciler } from './createReconciler';
export { createLocalReconciler } from './local';
export { assertShardingDatabase, createShardedReconciler } from './sharded';
export type { ShardedReconciler, ShardedReconcilerOptions } from './sharded';
export { createWatcherFactory } from './watcherFactory';
export type { Reconciler, ReconcilerOptions, WatcherFactory } from './types';
