export {
  CLUSTER_NAME_LABEL,
  clusterApiNames,
  clusterApiObjects,
  crossplaneClusterClaim,
} from './clusterApiManifests';
export {
  checkClusterRequest,
  clusterCatalogFile,
  clusterRequestChange,
  clusterRequestDir,
} from './clusterRequestChange';
export {
  clusterRequestSettingsSchema,
  readClusterRequestSettings,
} from './clusterRequestConfig';
export type {
  ClusterApiProvider,
  ClusterProvider,
  CrossplaneClusterProvider,
  ClusterRequestSettings,
} from './clusterRequestConfig';
export { clusterRegistration } from './clusterRegistration';
