export { SyncOperation } from './SyncOperation';
export { DependsOnLine } from './DependsOnLine';
