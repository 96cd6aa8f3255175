export { createConfigRepoLayout } from './createConfigRepoLayout';
export type { ConfigRepoLayout } from './createConfigRepoLayout';
