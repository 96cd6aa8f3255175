export { createValidationEstateService } from './createValidationEstateService';
export type { ValidationEstateService } from './types';
