export { createLiveDiffService } from './createLiveDiffService';
export type { LiveDiffService } from './types';
