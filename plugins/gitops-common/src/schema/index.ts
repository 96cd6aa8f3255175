export * from './vocabulary';
export * from './objectStatus';
export * from './fluxArtifacts';
export * from './cluster';
export * from './history';
export * from './xrd';
export * from './fields';
export * from './requests';
export * from './responses';
export * from './deliveries';
export * from './branch';
export * from './goldenPathOptions';
export * from './pipeline';
export * from './deliveryMetrics';
export * from './liveDiff';
export * from './entityTab';
export * from './driftPolicy';
export * from './adoption';
export {
  ADD_SECRET_TEMPLATE,
  adoptionRefusal,
  cleanLiveManifest,
} from './adoptionClean';
export * from './clusterRequest';
export * from './clusterProvisioning';
export * from './registration';
export * from './serviceLayout';
export * from './syncOperation';
export * from './previews';
export * from './signals';
export {
  ignoreDifferencesFor,
  LAST_APPLIED_ANNOTATION,
  normalizeLiveDiffPair,
} from './liveDiffNormalize';
export type {
  LiveDiffTarget,
  NormalizedLiveDiffPair,
} from './liveDiffNormalize';
export {
  LIVE_DIFF_SECRET_MASK,
  LIVE_DIFF_SECRET_MASK_DESIRED,
  LIVE_DIFF_SECRET_MASK_LIVE,
} from './liveDiffSecrets';
