export {
  discoverRegistrationPoints,
  discoverRegistrationPointsInFiles,
} from './discoverRegistrationPoints';
export type { RepoYamlFile } from './discoverRegistrationPoints';
export { registerService } from './registerService';
export type { RegistrationRequest } from './registerService';
export { APPLICATION_SET_PARAM_KEYS } from './applicationSetFiles';
