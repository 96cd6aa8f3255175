export {
  discoverRegistrationPoints,
  discoverRegistrationPointsInFiles,
  gitGenerators,
} from './discoverRegistrationPoints';
export { globMatches } from './glob';
export type { RepoYamlFile } from './discoverRegistrationPoints';
export { registerService } from './registerService';
export type { RegistrationRequest } from './registerService';
export { APPLICATION_SET_PARAM_KEYS } from './applicationSetFiles';
export { readEnvironmentHints } from './environmentHints';
export type { ClusterEnvironment, EnvironmentHints } from './environmentHints';
