/**
 * The GitOps portal's frontend: entity tab with environments × clusters,
 * team overview, live updates over signals.
 *
 * @packageDocumentation
 */
export {
  gitopsPlugin,
  EntityGitopsContent,
  EntityGitopsTeamContent,
  GitopsTeamOverviewPage,
  GitopsCrossplaneClaimFieldExtension,
  GitopsClusterPickerFieldExtension,
  GitopsClusterRequestChoiceFieldExtension,
  GitopsConfigRepoPickerFieldExtension,
  GitopsEnvironmentPickerFieldExtension,
  GitopsRegistrationPickerFieldExtension,
  EntityGitopsDeliveryTimeline,
  EntityGitopsOverviewCard,
} from './plugin';
export { rootRouteRef } from './routes';
export { gitopsApiRef, GitopsClient } from './api';
export type {
  DeliveryMetricsRequest,
  DeliveryMetricsSubject,
  GitopsApi,
} from './api';
export { GITOPS_SIGNAL_CHANNEL } from './hooks';
export type { GitopsSignal } from './hooks';
export type { EnvironmentPickerUiOptions } from './components/GoldenPathFields';
export type {
  CrossplaneClaimUiOptions,
  CrossplaneClaimValue,
} from './components';
