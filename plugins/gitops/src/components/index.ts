export { EntityGitopsContent } from './EntityGitopsContent';
export { DeliveryTimeline } from './DeliveryTimeline';
export {
  FleetPageContent,
  TeamOverview,
  TeamOverviewPage,
  EntityTeamOverview,
} from './TeamOverview';
export { EntityOverviewCard } from './EntityOverviewCard';
export {
  CrossplaneClaimField,
  crossplaneClaimValidation,
} from './CrossplaneClaimField';
export type {
  CrossplaneClaimUiOptions,
  CrossplaneClaimValue,
} from './CrossplaneClaimField';
