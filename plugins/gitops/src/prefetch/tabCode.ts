import { preloadable } from './preloadable';

/** The code of each tab, loaded by the tab and, earlier, by `PrefetchTabFromUrl`: one chunk each. */
export const entityGitopsContent = preloadable(
  () => import('../components/EntityGitopsContent'),
  module => module.EntityGitopsContent,
);
export const entityTeamOverview = preloadable(
  () => import('../components/TeamOverview'),
  module => module.EntityTeamOverview,
);
