export { createPipelineService } from './createPipelineService';
export type { PipelineService } from './types';
