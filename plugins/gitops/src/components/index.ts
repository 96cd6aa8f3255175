export { EntityGitopsContent } from './EntityGitopsContent';
export {
  TeamOverview,
  TeamOverviewPage,
  EntityTeamOverview,
} from './TeamOverview';
