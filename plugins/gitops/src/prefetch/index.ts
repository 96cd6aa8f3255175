export { EntityGitopsTab, EntityGitopsTeamTab } from './PrefetchingTabs';
export { PrefetchTabFromUrl } from './PrefetchTabFromUrl';
