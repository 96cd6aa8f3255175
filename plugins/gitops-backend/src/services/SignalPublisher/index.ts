export { createSignalPublisher } from './createSignalPublisher';
export { GITOPS_SIGNAL_CHANNEL } from './types';
export type { SignalPublisher } from './types';
