export { EntityGitopsContent } from './EntityGitopsContent';
export { DeliveryTimeline } from './DeliveryTimeline';
export {
  TeamOverview,
  TeamOverviewPage,
  EntityTeamOverview,
} from './TeamOverview';
export {
  CrossplaneClaimField,
  crossplaneClaimValidation,
} from './CrossplaneClaimField';
export type {
  CrossplaneClaimUiOptions,
  CrossplaneClaimValue,
} from './CrossplaneClaimField';
