export { useEntityGitops, useEntityHistory } from './useEntityGitops';
export { useEntityRequest } from './useEntityRequest';
export { useEntityStatus } from './useEntityStatus';
export { useTeamStatus } from './useTeamStatus';
export { GITOPS_SIGNAL_CHANNEL, useGitopsSignal } from './useGitopsSignal';
export type { GitopsSignal } from './useGitopsSignal';
