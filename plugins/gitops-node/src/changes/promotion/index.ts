export { promotionChange } from './promotionChange';
export type { PromotionChangeOptions } from './promotionChange';
export { planPromotion } from './planPromotion';
export type {
  EnvironmentFiles,
  PlanPromotionOptions,
  PromotedPin,
  PromotionPlan,
} from './planPromotion';
export { PROMOTION_LAYOUTS } from './promotionFiles';
export {
  assertPromotionOrder,
  nextEnvironment,
  readEnvironmentOrder,
} from './environmentOrder';
export type { PinFormName, VersionPin } from './types';
export { rollbackTarget } from './rollbackTarget';
export { promotionSummary } from './promotionSummary';
