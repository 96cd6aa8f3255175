export { createPullRequestService } from './createPullRequestService';
export type { PullRequestService } from './types';
