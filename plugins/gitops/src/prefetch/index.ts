export { EntityGitopsTab, EntityGitopsTeamTab } from './PrefetchingTabs';
export { prefetchKeys, usePrefetched } from './PrefetchContext';
export { LIVE_DIFF_PARAM } from './liveDiffParam';
