export { createKubeClient } from './createKubeClient';
export { KubeRequestError } from './types';
export type { KubeClient, WatchEvent, WatchHandle } from './types';
