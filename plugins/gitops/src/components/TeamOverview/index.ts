export { TeamOverview } from './TeamOverview';
export { FleetPageContent, TeamOverviewPage } from './TeamOverviewPage';
export { EntityTeamOverview } from './EntityTeamOverview';
export { StatusCell, StatusIcon } from './StatusCell';
export { cellTone } from './statusTone';
export type { StatusTone } from './statusTone';
export { useNow } from './useNow';
