export { createConfigRepoReader } from './createConfigRepoReader';
export {
  configRepoUrl,
  readConfigRepoLocation,
} from './readConfigRepoLocation';
export { serviceFolderOf } from './serviceFolder';
export type {
  ConfigRepoCommit,
  ConfigRepoId,
  ConfigRepoLocation,
  ConfigRepoReader,
  ConfigRepoTree,
  ConfigRepoTreeEntry,
  ServiceFiles,
} from './types';
