export { createConfigRepoReader } from './createConfigRepoReader';
export {
  configRepoUrl,
  readConfigRepoLocation,
} from './readConfigRepoLocation';
export type {
  ConfigRepoCommit,
  ConfigRepoId,
  ConfigRepoLocation,
  ConfigRepoReader,
  ConfigRepoTree,
  ConfigRepoTreeEntry,
  ServiceFiles,
} from './types';
