export { createSignalPublisher } from './createSignalPublisher';
export type { SignalPublisher } from './types';
