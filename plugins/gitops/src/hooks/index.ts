export { useEntityGitops } from './useEntityGitops';
export { useTeamStatus } from './useTeamStatus';
export { GITOPS_SIGNAL_CHANNEL, useGitopsSignal } from './useGitopsSignal';
export type { GitopsSignal } from './useGitopsSignal';
