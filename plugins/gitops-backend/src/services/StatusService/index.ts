export { createStatusService } from './createStatusService';
export type { StatusService } from './types';
