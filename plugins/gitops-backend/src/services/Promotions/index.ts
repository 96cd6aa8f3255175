export { createPromotionService } from './createPromotionService';
export type { PromotionService } from './types';
