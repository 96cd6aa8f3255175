/**
 * The GitOps config-repo writer: manifest generation, comment-preserving YAML
 * edits, validation with real kustomize and policy rules, and pull requests
 * through the Git Data API.
 *
 * @packageDocumentation
 */
export {
  createGithubClient,
  githubIntegrationMatcher,
} from './github/createGithubClient';
// Repository URLs as Argo CD and Flux spell them (https, ssh, scp-like), compared and mapped to GitHub's.
export { githubRepoOf, repoIdOf, sameRepo } from './github/repoUrl';
export type {
  GithubClient,
  GithubClientOptions,
  GithubIntegrationClientOptions,
  GithubTokenClientOptions,
} from './github/createGithubClient';

// The config-repo reader, its location in the config and its types.
export * from './configRepo';

// Bounded concurrency for the backend's fan-outs as for blob reads.
export { mapLimit } from './lib/mapLimit';
// A heavy dependency loaded on first use, not at module load (client-node for the backend's clusters).
export { loadOnFirstUse } from './lib/loadOnFirstUse';

// Where a new service is registered with Argo CD: app-of-apps folders and ApplicationSets (issue 17).
export * from './registration';

export type { ConfigRepoChange, YamlEdit } from './changes/types';
export { editYaml, kustomizationResourceEdit } from './changes/editYaml';
export { revertLastChange } from './changes/revertLastChange';
export type { OverlayRevert } from './changes/revertLastChange';
export {
  assertDns1123Label,
  assertFileSize,
  assertNoTemplateExpressions,
  assertSafeBranchName,
  assertSafeRepoPath,
  isDns1123Label,
  isDns1123Subdomain,
  MAX_FILE_BYTES,
} from './changes/safety';

export { openConfigRepoPullRequest } from './pullRequests/openConfigRepoPullRequest';
export { previewConfigRepoPullRequest } from './pullRequests/previewConfigRepoPullRequest';
export type {
  ConfigRepoPullRequestPreview,
  PreviewedFile,
} from './pullRequests/previewConfigRepoPullRequest';
export {
  changeDiff,
  maskSecretManifests,
  SECRET_MASK,
} from './pullRequests/changeDiff';
export type {
  ConfigRepoPullRequestResult,
  ConfigRepoPullRequestStatus,
  OpenConfigRepoPullRequestOptions,
  ValidateOption,
} from './pullRequests/openConfigRepoPullRequest';

export { validateConfigRepoChange } from './validation/validateConfigRepoChange';
export type { ValidateConfigRepoChangeOptions } from './validation/validateConfigRepoChange';
export type { HelmReleaseTarget } from './validation/helm';
export { renderValidationMarkdown } from './validation/markdown';
export { readValidationOptions } from './validation/config';
export type { ClusterEstate } from './validation/clusterEstate';
export { fetchClusterEstates } from './validation/fetchClusterEstates';
export { SHIPPED_KUBERNETES_VERSIONS } from './validation/schema';
export type { KubernetesVersion } from './validation/schema';
export type {
  PolicySources,
  RuleSetting,
  RuleSettings,
  ValidationOptions,
} from './validation/config';
export { POLICY_RULES } from './validation/policy';
export type { PolicyRule } from './validation/policy';
export type {
  ManifestObject,
  ValidatedTarget,
  ValidationResult,
  ValidationRule,
  Violation,
  BuiltInRuleId,
  Severity,
  SkippedPolicy,
} from './validation/types';

export {
  generateServiceManifests,
  assertImageRepository,
  assertImmutableImageRef,
} from './manifests/generateServiceManifests';
export { promoteImage } from './manifests/promoteImage';
export type { PromoteImageOptions } from './manifests/promoteImage';
export {
  isHelmPackaged,
  promoteHelmValues,
  promotionEdit,
} from './manifests/promoteHelmValues';
export type { PromoteHelmValuesOptions } from './manifests/promoteHelmValues';
// Promotion however the estate pins versions, and the configured environment order.
export * from './changes/promotion';
export type {
  CanaryStep,
  ContainerResources,
  DeliveryOptions,
  HelmChartOptions,
  ImageAutomationOptions,
  NewServiceManifestOptions,
  ProgressiveDeliveryOptions,
  ServiceEnvironment,
} from './manifests/types';
export { pinHelmImage, pinImage } from './manifests/pinImage';
export { setDriftPolicy } from './manifests/setDriftPolicy';
export * from './manifests/adoption';
export type { DriftPolicyEdit } from './manifests/setDriftPolicy';
export * from './manifests/previewEnvironments';
export type {
  PinHelmImageOptions,
  PinImageOptions,
} from './manifests/pinImage';
export { runGitopsValidateCli } from './cli/main';
export {
  DEFAULT_BRANCH_PREFIX,
  portalBranchName,
  readBranchPrefix,
} from './pullRequests/branchNames';
// Renderers the backend's live diff reuses to render the desired state at a revision, and the temp checkout they read.
export { renderKustomization } from './validation/kustomize';
export { withTempCheckout } from './validation/tempCheckout';
export { helmTemplate } from './validation/helm';
export { parseManifests } from './validation/objects';

// Secrets without plaintext in Git: ExternalSecret, SealedSecret (sealed here) or SOPS (encrypted here).
export * from './secrets';

// Cluster requests: Cluster API objects or a Crossplane claim, and the new cluster's GitOps registration.
export * from './clusters';
