export { createGitopsServiceCreateAction } from './serviceCreate';
export { createGitopsPromoteAction } from './promote';
export { createGitopsPullRequestAction } from './pullRequest';
export { createGitopsRollbackAction } from './rollback';
export { createGitopsDecommissionAction } from './decommission';
export { createGitopsCrossplaneClaimAction } from './crossplaneClaim';
export { createGitopsTeamOnboardAction } from './teamOnboard';
export { createGitopsSecretAddAction } from './secretAdd';
export type { GitopsActionDeps } from './types';
