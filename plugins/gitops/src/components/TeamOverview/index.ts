export { TeamOverview } from './TeamOverview';
export { TeamOverviewPage, TeamOverviewWithPicker } from './TeamOverviewPage';
export { EntityTeamOverview } from './EntityTeamOverview';
