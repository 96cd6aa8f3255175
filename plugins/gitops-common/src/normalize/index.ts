export { apiGroupOf } from './raw';
export type { JsonRecord } from './raw';
export * from './health';
export { NORMALIZE_LIMITS } from './engineStatus';
export type { EngineStatus } from './engineStatus';
export * from './generation';
export * from './fluxHealth';
export * from './fluxStatus';
export * from './fluxArtifactGenerator';
export * from './crossplaneHealth';
export * from './crossplaneStatus';
export * from './rolloutHealth';
export * from './rolloutStatus';
export * from './flaggerHealth';
export * from './flaggerStatus';
export * from './argoApplication';
export * from './labelSelector';
export * from './entityMapping';
export * from './managerTracking';
export * from './ambiguity';
export * from './healthOrder';
export * from './normalizeObject';
export * from './kindRegistry';
export * from './conditionRules';
export * from './fluxImageHealth';
export * from './fluxNotificationHealth';
export * from './crossplanePackageHealth';
export * from './analysisRunHealth';
export * from './certManagerHealth';
export * from './externalSecretsHealth';
export * from './sealedSecretHealth';
export * from './clusterApiHealth';
export * from './clusterApiProvisioning';
export * from './coreWorkloadHealth';
export * from './applicationResourceHealth';
export * from './customHealth';
export {
  environmentObjects,
  PREVIEW_PR_NUMBER_ANNOTATION,
  PREVIEW_PR_URL_ANNOTATION,
} from './preview';
