export { promotionChange } from './promotionChange';
export type {
  PromotionChangeOptions,
  PromotionChangeResult,
} from './promotionChange';
export { planPromotion } from './planPromotion';
export type {
  EnvironmentFiles,
  PlanPromotionOptions,
  PromotedPin,
  PromotionPlan,
} from './planPromotion';
export { PROMOTION_LAYOUTS } from './promotionFiles';
export type { PromotionLayout } from './promotionFiles';
export { parsePathTemplate } from './layoutTemplate';
export type { LiveFiles, LiveLocation } from './liveFiles';
export {
  assertPromotionOrder,
  nextEnvironment,
  readEnvironmentOrder,
} from './environmentOrder';
export type { PinFormName, VersionPin } from './types';
export { rollbackTarget } from './rollbackTarget';
export type { RollbackTarget } from './rollbackTarget';
export { promotionSummary } from './promotionSummary';
